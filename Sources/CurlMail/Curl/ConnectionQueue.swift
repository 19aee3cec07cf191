import Dispatch

/// Runs a connection's blocking libcurl calls on its own serial queue.
///
/// `curl_easy_perform` blocks for the whole exchange (seconds when a server is slow); doing
/// that on Swift's cooperative pool would starve every other task of one of its few threads.
/// The queue also serialises use of the connection's easy handle, which is not thread-safe.
struct ConnectionQueue: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    /// Runs `work` on the queue; cancelling the calling task raises the flag that the
    /// transfer's progress callback checks, which makes libcurl abort the transfer.
    func run<Value: Sendable>(_ work: @escaping @Sendable (CancellationFlag) -> Value) async -> Value {
        let flag = CancellationFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                queue.async { continuation.resume(returning: work(flag)) }
            }
        } onCancel: {
            flag.cancel()
        }
    }

    /// Runs `work` on the queue after anything already queued, without waiting for it.
    func submit(_ work: @escaping @Sendable () -> Void) {
        queue.async(execute: work)
    }

    /// Runs `close` on the queue after any work still queued, counted among the connections
    /// closing (see `retire(_:)`).
    func retire(closing close: @escaping @Sendable () -> Void) {
        RetiredConnections.closing.enter()
        queue.async {
            close()
            RetiredConnections.closing.leave()
        }
    }

    /// Closes `easy` on the queue, after any work still queued. `curl_easy_cleanup` says QUIT
    /// or LOGOUT and waits for the answer, which must not block whichever thread happened to
    /// drop the last reference to the connection. Called from the owner's `deinit`.
    func retire(_ easy: CurlEasy) {
        let handoff = RetiringHandle(easy)
        RetiredConnections.closing.enter()
        queue.async {
            handoff.easy.close()
            RetiredConnections.closing.leave()
        }
    }
}

/// Carries a `CurlEasy` from its owner's `deinit` to the queue that closes it.
///
/// `@unchecked Sendable`: the owner is being destroyed, so once handed over the handle is
/// reachable only from the block that closes it.
private final class RetiringHandle: @unchecked Sendable {
    let easy: CurlEasy

    init(_ easy: CurlEasy) { self.easy = easy }
}
