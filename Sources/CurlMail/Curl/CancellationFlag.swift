import Foundation

/// Set from a task's cancellation handler, read by libcurl's progress callback on the
/// connection's thread.
///
/// `@unchecked Sendable`: the only state, `cancelled`, is read and written under `lock`.
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    func cancel() { lock.withLock { cancelled = true } }

    var isCancelled: Bool { lock.withLock { cancelled } }
}
