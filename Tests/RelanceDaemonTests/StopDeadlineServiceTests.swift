import Logging
import ServiceLifecycle
import Synchronization
import Testing
@testable import RelanceDaemon

/// A stop outlasting its deadline ends the process in the daemon's own words (`StopDeadlineService`),
/// whatever a stuck tick does; a stop in time does not.
@Suite struct StopDeadlineServiceTests {
    /// A tick deaf to graceful shutdown: it ends only when the test cancels the group.
    struct StuckTick: Service {
        func run() async throws {
            while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(10)) }
        }
    }

    final class Called: Sendable { let count = Mutex(0) }

    @Test("a stop that outlasts the deadline calls the deadline's end, after the deadline and not before")
    func aStuckStopReachesTheDeadline() async throws {
        let called = Called()
        let logger = Logger(label: "test")
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: StuckTick()),
                       .init(service: StopDeadlineService(deadline: .milliseconds(300), logger: logger,
                                                          onDeadline: { called.count.withLock { $0 += 1 } }))],
            logger: logger))
        let running = Task { try await group.run() }
        try await Task.sleep(for: .milliseconds(50))
        await group.triggerGracefulShutdown()
        try await Task.sleep(for: .milliseconds(100))
        #expect(called.count.withLock { $0 } == 0, "the deadline's end came before the deadline")
        for _ in 0..<500 where called.count.withLock({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(called.count.withLock { $0 } == 1)
        running.cancel()
        _ = await running.result
    }

    @Test("a stop in time never reaches the deadline's end")
    func aStopInTimeEndsNothing() async throws {
        let called = Called()
        let logger = Logger(label: "test")
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: StopDeadlineService(deadline: .milliseconds(200), logger: logger,
                                                          onDeadline: { called.count.withLock { $0 += 1 } }))],
            logger: logger))
        let running = Task { try await group.run() }
        try await Task.sleep(for: .milliseconds(50))
        await group.triggerGracefulShutdown()
        try await running.value
        // The timer is still armed after the group ended: in the daemon the process has exited by
        // then. Here nothing may call the end before the group ended.
        #expect(called.count.withLock { $0 } == 0)
    }
}
