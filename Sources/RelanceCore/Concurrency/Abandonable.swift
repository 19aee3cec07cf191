import Synchronization

/// Runs an operation that may never end when what it talks to is gone — and stops waiting for it.
///
/// Why: PostgresNIO 1.33.2 drops a query written to a connection that has just closed, and that
/// query's `await` never returns (a daemon's sender was seen stuck for good after a server
/// restart). A task group cannot give up on such a child: the group waits for every child before
/// it returns. So the operation runs in a task of its own, a watcher looks at `gone` every
/// `interval`, and once `gone` has been true at `polls` looks in a row, the caller gets `error()`
/// and the operation's task is left behind, holding nothing but itself. An answer that arrives
/// first — even after `gone` turned true — is the caller's answer.
public enum Abandonable {
    public static func value<Value: Sendable>(
        of operation: @escaping @Sendable () async throws -> Value,
        abandonedWhen gone: @escaping @Sendable () -> Bool,
        checkEvery interval: Duration,
        polls: Int,
        error: @escaping @Sendable () -> any Error
    ) async throws -> Value {
        let outcome = Mutex<CheckedContinuation<Result<Value, any Error>, Never>?>(nil)
        let finish: @Sendable (Result<Value, any Error>) -> Void = { result in
            outcome.withLock { waiting in
                waiting?.resume(returning: result)
                waiting = nil
            }
        }
        var watcher: Task<Void, Never>?
        let result = await withCheckedContinuation { continuation in
            outcome.withLock { $0 = continuation }
            Task {
                do { finish(.success(try await operation())) } catch { finish(.failure(error)) }
            }
            watcher = Task {
                var goneLooks = 0
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    if Task.isCancelled { return }
                    goneLooks = gone() ? goneLooks + 1 : 0
                    if goneLooks >= polls {
                        finish(.failure(error()))
                        return
                    }
                }
            }
        }
        watcher?.cancel()
        return try result.get()
    }
}
