public import Foundation
import RelanceStore
#if canImport(Glibc)
import Glibc
#endif

/// Only one `relance run` per store: an exclusive `flock` on a file beside the store, held
/// for the life of the process. The kernel drops it when the process dies, even by SIGKILL,
/// so a crash never leaves a stale lock behind.
public final class RunLock: Sendable {
    private let descriptor: Int32
    public let path: String

    public init(beside store: URL) throws(RunLockError) {
        path = store.path + ".lock"
        try? FileManager.default.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            if errno == EACCES || errno == EROFS || errno == EPERM {
                throw RunLockError(path: path, holder: nil, reason: AppDatabase.notWritableAdvice(store.deletingLastPathComponent()))
            }
            throw RunLockError(path: path, holder: nil, reason: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(fd)
            throw RunLockError(path: path, holder: holder, reason: nil)
        }
        let note = "pid \(getpid()) since \(Date().formatted(.iso8601))\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
        descriptor = fd
    }

    deinit { close(descriptor) }
}

public struct RunLockError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// What the running process wrote into the lock file (its pid and start time).
    public var holder: String?
    public var reason: String?

    public var description: String {
        if let reason { return "\(path): \(reason)" }
        return """
            another `relance run` is already using this store (\(holder ?? "pid unknown"); lock \(path)). \
            Only one may run at a time: stop the other one first (systemctl stop relance), or wait for it to finish.
            """
    }
}
