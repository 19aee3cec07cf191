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

    @Test("a service loop whose tick hangs stops the pings; the daemon says so in STATUS")
    func aHungTickStopsThePings() async throws {
        let socket = try NotifySocket()
        defer { socket.close() }
        let notifier = SystemdNotifier(environment: [
            "NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "100000", "WATCHDOG_PID": "\(getpid())",
        ])
        let health = ServiceHealth(file: nil)
        let logger = Logger(label: "test")
        let released = Flag()
        // A tick that does not move until the test releases it: a lock that never frees.
        let hung = ServiceLoop(name: "sender", logger: logger, doorbell: nil, interval: .seconds(3_600), health: health)
        let notifierService = NotifierService(notifier: notifier, health: health, logger: logger, stallLimit: .milliseconds(400))
        let ticking = Task {
            await hung.run {
                while !released.isSet && !Task.isCancelled { try? await Task.sleep(for: .milliseconds(10)) }
                return nil
            }
        }
        let notifying = Task { try await notifierService.run() }
        defer { ticking.cancel(); notifying.cancel() }

        // Read in order, not by the clock (a loaded machine stretches every sleep): fed while the
        // tick is young; once STATUS says it hangs, never fed again until it moves.
        var seen = await socket.receive(until: { $0.hasPrefix("STATUS=hung: sender has not moved for") })
        #expect(seen.contains("WATCHDOG=1"), "never fed while the tick was young")
        #expect(seen.last?.hasPrefix("STATUS=hung: sender") == true, "the hung tick was never reported")
        seen = await socket.receive(for: .milliseconds(500))
        #expect(!seen.isEmpty && seen.allSatisfy { $0.hasPrefix("STATUS=hung: sender") }, "the watchdog was fed while a tick hung: \(seen)")
        // The tick ends: the daemon is fed again.
        released.set()
        seen = await socket.receive(until: { $0 == "WATCHDOG=1" })
        #expect(seen.last == "WATCHDOG=1", "the watchdog was not fed again once the tick ended")
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

    /// Every message that arrives within `window`, one entry per line of each datagram. Never
    /// blocks a thread: the daemon's tasks share the test's few.
    func receive(for window: Duration) async -> [String] {
        let end = ContinuousClock.now + window
        var lines: [String] = []
        while ContinuousClock.now < end {
            if let datagram = next() { lines += datagram } else { try? await Task.sleep(for: .milliseconds(5)) }
        }
        return lines
    }

    /// Messages up to and including the first that `stop` accepts (nothing after it is read),
    /// or all within 20 s.
    func receive(until stop: (String) -> Bool) async -> [String] {
        let end = ContinuousClock.now + .seconds(20)
        var lines: [String] = []
        while ContinuousClock.now < end {
            guard let datagram = next() else {
                try? await Task.sleep(for: .milliseconds(5))
                continue
            }
            lines += datagram
            if datagram.contains(where: stop) { return lines }
        }
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
