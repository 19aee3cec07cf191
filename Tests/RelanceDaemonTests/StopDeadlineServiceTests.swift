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

    @Test("a stop that outlasts the deadline calls the deadline's end; nothing is armed before the stop is asked")
    func aStuckStopReachesTheDeadline() async throws {
        let called = Called()
        let logger = Logger(label: "test")
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: StuckTick()),
                       .init(service: StopDeadlineService(deadline: .milliseconds(100), logger: logger,
                                                          onDeadline: { called.count.withLock { $0 += 1 } }))],
            logger: logger))
        let running = Task { try await group.run() }
        // However long this takes on a loaded machine, no timer runs before the stop is asked.
        try await Task.sleep(for: .milliseconds(300))
        #expect(called.count.withLock { $0 } == 0, "the deadline's end came before any stop was asked")
        await group.triggerGracefulShutdown()
        for _ in 0..<3_000 where called.count.withLock({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(called.count.withLock { $0 } == 1)
        running.cancel()
        _ = await running.result
    }

    @Test("a stop in time ends the group: the deadline's service does not hold it, and its end is not called")
    func aStopInTimeEndsNothing() async throws {
        let called = Called()
        let logger = Logger(label: "test")
        // A deadline no test run reaches: what is checked is that the group ends without it.
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: StopDeadlineService(deadline: .seconds(3_600), logger: logger,
                                                          onDeadline: { called.count.withLock { $0 += 1 } }))],
            logger: logger))
        let running = Task { try await group.run() }
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(called.count.withLock { $0 } == 0)
    }
}
