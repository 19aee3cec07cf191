import Foundation
import Synchronization

/// A piece of start-up work run on a thread of its own while the caller does another, for a
/// synchronous caller (`RelanceRuntime.init`): `value()` waits for it and gives its result, or
/// throws its error. Not waited for, it finishes on its thread and its result is dropped.
final class StartupWork<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, any Error>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            let outcome = Result { try work() }
            result.withLock { $0 = outcome }
            finished.signal()
        }.start()
    }

    /// Waits for the work (at most once: the result is kept for later calls).
    func value() throws -> Value {
        if let done = result.withLock({ $0 }) { return try done.get() }
        finished.wait()
        return try result.withLock { $0! }.get()
    }
}
