import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// inotify as a wake-up for the intake: a file closed after writing, moved in or created in a
/// drop folder rings the doorbell at once, and again once the stability delay has passed, so
/// that a file is taken seconds after it lands instead of at the next periodic scan. The scan
/// stays the truth: a missed or overflowing event only delays a file until that scan.
final class DropFolderWatcher: @unchecked Sendable {
    // @unchecked: `fd` and `logger` are immutable; `stopped` and `watched` are guarded by `lock`;
    // the thread owns the rest.
    private let fd: Int32
    private let logger: Logger
    private let lock = NSLock()
    private var stopped = false
    private var watched: Set<String> = []

    /// nil when inotify is unavailable (then the periodic scan alone drives the intake).
    init?(folders: [URL], logger: Logger) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else {
            logger.notice("inotify unavailable: the drop folders are only scanned periodically",
                          metadata: ["error": "\(String(cString: strerror(errno)))"])
            return nil
        }
        self.fd = fd
        self.logger = logger
        watch(folders)
    }

    /// Adds folders not watched yet (a creditor added by a configuration reload); the others
    /// are left as they are, so calling it at every scan costs nothing.
    func watch(_ folders: [URL]) {
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
        for folder in folders where lock.withLock({ watched.insert(folder.path).inserted }) {
            if inotify_add_watch(fd, folder.path, mask) < 0 {
                logger.notice("cannot watch a drop folder: it is only scanned periodically",
                              metadata: ["folder": "\(folder.path)", "error": "\(String(cString: strerror(errno)))"])
            }
        }
    }

    deinit { close(fd) }

    /// Rings `doorbell` on activity, then once more `settle` later. Runs on its own thread
    /// (a blocking `poll`, never on the cooperative pool) until `stop()`.
    func start(ringing doorbell: Doorbell, settle: Duration) {
        let settleSeconds = Double(settle.components.seconds) + Double(settle.components.attoseconds) / 1e18
        let thread = Thread { [self] in
            var pendingRing: Date?
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while !isStopped {
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, 200)
                if ready > 0 {
                    // Drain: the events themselves do not matter, only that something happened.
                    while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
                    doorbell.ring()
                    pendingRing = Date().addingTimeInterval(settleSeconds + 0.1)
                } else if let due = pendingRing, Date() >= due {
                    pendingRing = nil
                    doorbell.ring()
                }
            }
        }
        thread.name = "relance-inotify"
        thread.start()
    }

    func stop() { lock.withLock { stopped = true } }

    private var isStopped: Bool { lock.withLock { stopped } }
}
