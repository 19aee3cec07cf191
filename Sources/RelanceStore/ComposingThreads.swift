import Foundation
import Synchronization

/// Runs the parts of a batch being composed on threads of their own, outside Swift's cooperative
/// pool (issue #17).
///
/// That pool has one thread per core. A batch composed there (Mustache, MIME: milliseconds per
/// part, without a suspension point) held both threads, while the sender's short steps between
/// its batches — resuming after each hand-over to the SMTP connection's thread, settling the
/// previous batch, claiming the next — waited behind it: the first batches left at a tenth of
/// the sending rate while the rest of the day was being composed. On threads of their own, the
/// kernel lets those steps (and the SMTP server's) in as soon as they are ready.
enum ComposingThreads {
    /// Each part's result, in the parts' order, once every part has finished.
    static func run<Value: Sendable>(_ parts: [@Sendable () -> Value]) async -> [Value] {
        guard !parts.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            let collector = Collector<Value>(count: parts.count, continuation: continuation)
            for (index, part) in parts.enumerated() {
                Thread { collector.finish(index, with: part()) }.start()
            }
        }
    }

    private final class Collector<Value: Sendable>: Sendable {
        private let state: Mutex<(results: [Value?], remaining: Int)>
        private let continuation: CheckedContinuation<[Value], Never>

        init(count: Int, continuation: CheckedContinuation<[Value], Never>) {
            state = Mutex((Array(repeating: nil, count: count), count))
            self.continuation = continuation
        }

        func finish(_ index: Int, with value: Value) {
            let done: [Value]? = state.withLock { state in
                state.results[index] = value
                state.remaining -= 1
                return state.remaining == 0 ? state.results.map { $0! } : nil
            }
            if let done { continuation.resume(returning: done) }
        }
    }
}
