#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing
@testable import RelanceDaemon

/// systemd's watchdog is fed only while the daemon works: a tick that stops moving withholds the
/// pings (`TickWatch`, `NotifierService`), so that `WatchdogSec=` restarts a hung daemon.
@Suite struct WatchdogTests {
    let start = ContinuousClock.now

    @Test("a tick is a stall only once it has not moved for longer than the limit")
    func aQuietTickBecomesAStall() {
        let watch = TickWatch()
        watch.began("sender", at: start)
        #expect(watch.stalls(at: start + .seconds(60), limit: .seconds(60)).isEmpty)
        #expect(watch.stalls(at: start + .seconds(61), limit: .seconds(60)) == [.init(service: "sender", quiet: .seconds(61))])
    }

    @Test("progress inside a tick keeps it alive; a tick that ended is not watched")
    func progressAndEndClearTheStall() {
        let watch = TickWatch()
        watch.began("sender", at: start)
        watch.progressed("sender", at: start + .seconds(50))
        #expect(watch.stalls(at: start + .seconds(100), limit: .seconds(60)).isEmpty)
        watch.ended("sender")
        #expect(watch.stalls(at: start + .seconds(1_000), limit: .seconds(60)).isEmpty)
        // Between ticks, progress starts nothing: the wait for the next tick is not a tick.
        watch.progressed("sender", at: start)
        #expect(watch.stalls(at: start + .seconds(1_000), limit: .seconds(60)).isEmpty)
    }

    @Test("stalls are listed longest first")
    func stallsLongestFirst() {
        let watch = TickWatch()
        watch.began("intake", at: start + .seconds(10))
        watch.began("sender", at: start)
        watch.began("planner", at: start + .seconds(500))
        #expect(watch.stalls(at: start + .seconds(200), limit: .seconds(60)).map(\.service) == ["sender", "intake"])
    }

    @Test("the STATUS line names the hung service and how long it has been quiet")
    func stalledLine() {
        #expect(NotifierService.stalledLine([.init(service: "sender", quiet: .seconds(1_900)), .init(service: "intake", quiet: .seconds(45))])
                == "hung: sender has not moved for 31 min; intake has not moved for 45 s")
    }

    @Test("a tick that stopped moving stops the pings and STATUS names it; once it moves, the daemon is fed again")
    func aHungTickStopsThePings() async throws {
        let socket = try NotifySocket()
        defer { socket.close() }
        let notifier = SystemdNotifier(environment: [
            "NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "300000000", "WATCHDOG_PID": "\(getpid())",
        ])
        let health = ServiceHealth(file: nil)
        let service = NotifierService(notifier: notifier, health: health, logger: Logger(label: "test"))
        // Beats at chosen instants, not by the clock: a loaded machine cannot shift them.
        health.ticks.began("sender", at: start)
        await service.beat(at: start + .seconds(60))
        #expect(socket.received() == ["STATUS=", "WATCHDOG=1"], "not fed while the tick moved")
        health.ticks.progressed("sender", at: start + .seconds(90))
        await service.beat(at: start + .seconds(90) + TickWatch.stallLimit)
        #expect(socket.received() == ["STATUS=", "WATCHDOG=1"], "a tick that moved was taken for hung")
        await service.beat(at: start + .seconds(91) + TickWatch.stallLimit)
        #expect(socket.received() == ["STATUS=hung: sender has not moved for 30 min"], "the watchdog was fed while a tick hung")
        health.ticks.ended("sender")
        await service.beat(at: start + .seconds(3_600))
        #expect(socket.received() == ["STATUS=", "WATCHDOG=1"], "not fed again once the tick ended")
    }

    @Test("a service loop marks its tick's start and end in the watch")
    func theLoopMarksItsTicks() async throws {
        let health = ServiceHealth(file: nil)
        let released = Flag()
        let loop = ServiceLoop(name: "sender", logger: Logger(label: "test"), doorbell: nil, interval: .seconds(3_600), health: health)
        let ticking = Task {
            await loop.run {
                while !released.isSet && !Task.isCancelled { try? await Task.sleep(for: .milliseconds(10)) }
                return nil
            }
        }
        defer { ticking.cancel() }
        // However late the loop starts on a loaded machine: in its tick, then out of it.
        let later = ContinuousClock.now + .seconds(86_400)
        #expect(await Self.eventually { health.ticks.stalls(at: later).map(\.service) == ["sender"] }, "the tick in progress is not watched")
        released.set()
        #expect(await Self.eventually { health.ticks.stalls(at: later).isEmpty }, "the tick that ended is still watched")
    }

    /// True once `condition` holds, polled for up to 60 s.
    static func eventually(_ condition: () -> Bool) async -> Bool {
        let end = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < end {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }
}

/// A datagram socket standing in for systemd's `$NOTIFY_SOCKET`.
private struct NotifySocket {
    let path: String
    let fd: Int32

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8)).sock").path
        fd = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, bound == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Every line of the datagrams waiting now (a beat sends before it returns).
    func received() -> [String] {
        var lines: [String] = []
        while let datagram = next() { lines += datagram }
        return lines
    }

    /// One datagram's lines, if one is waiting.
    private func next() -> [String]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func close() {
        Glibc.close(fd)
        unlink(path)
    }
}

private final class Flag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}
