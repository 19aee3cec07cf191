import Dispatch

/// Connections closed on their own queues after their owner is gone (`ConnectionQueue.retire`:
/// QUIT or LOGOUT, then the TLS shutdown). A process waits for them before it exits: `exit`
/// runs OpenSSL's clean-up, which frees the locks a connection still closing on another thread
/// is using — a CI run saw `relance run --once` die of SIGSEGV in `pthread_rwlock_unlock` on a
/// connection's queue after printing its summary.
public enum RetiredConnections {
    /// The closes queued and not yet done.
    static let closing = DispatchGroup()

    /// Waits until every retired connection is closed, or `seconds` pass (a server that never
    /// answers QUIT must not hold the process). Returns whether all were closed.
    @discardableResult
    public static func waitUntilClosed(seconds: Double = 10) -> Bool {
        closing.wait(timeout: .now() + seconds) == .success
    }
}
