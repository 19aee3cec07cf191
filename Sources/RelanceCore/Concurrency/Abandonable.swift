import Synchronization

/// Runs operations that may never end when what they talk to is gone — and stops waiting for them.
///
/// Why: PostgresNIO 1.33.2 drops a query written to a connection that has just closed, and that
/// query's `await` never returns (a daemon's sender was seen stuck for good after a server
/// restart). A task group cannot give up on such a child: the group waits for every child before
/// it returns. So each operation runs in a task of its own, and one watcher for all of them looks
/// at each one's `gone` every `interval`: once `gone` has been true at `polls` looks in a row,
/// that caller gets its `error()` and the operation's task is left behind, holding nothing but
/// itself. An answer that arrives first — even after `gone` turned true — is the caller's answer.
/// One watcher, not one per operation: a query is too cheap to pay for a timer of its own.
public final class Abandonable: Sendable {
    private struct Watched {
        let gone: @Sendable () -> Bool
        let abandon: @Sendable () -> Void
        var goneLooks = 0
    }
    private struct State {
        var watched: [UInt64: Watched] = [:]
        var nextID: UInt64 = 0
        var watching = false
    }
    private let state = Mutex(State())
    private let interval: Duration
    private let polls: Int

    public init(checkEvery interval: Duration, polls: Int) {
        self.interval = interval
        self.polls = polls
    }

    public func value<Value: Sendable>(
        of operation: @escaping @Sendable () async throws -> Value,
        abandonedWhen gone: @escaping @Sendable () -> Bool,
        error: @escaping @Sendable () -> any Error
    ) async throws -> Value {
        let first = FirstAnswer<Result<Value, any Error>>()
        var id: UInt64 = 0
        let result = await first.wait {
            id = watch(Watched(gone: gone, abandon: { first.answer(.failure(error())) }))
            Task {
                do { first.answer(.success(try await operation())) } catch { first.answer(.failure(error)) }
            }
        }
        _ = state.withLock { $0.watched.removeValue(forKey: id) }
        return try result.get()
    }

    /// Adds one operation to the watch, and starts the watcher when none runs.
    private func watch(_ watched: Watched) -> UInt64 {
        let (id, start) = state.withLock { state in
            state.nextID += 1
            state.watched[state.nextID] = watched
            defer { state.watching = true }
            return (state.nextID, !state.watching)
        }
        if start { Task { await self.watchUntilNoneLeft() } }
        return id
    }

    /// Looks at every watched operation each `interval`; ends when none is left.
    private func watchUntilNoneLeft() async {
        while true {
            try? await Task.sleep(for: interval)
            let (abandoned, done): ([@Sendable () -> Void], Bool) = state.withLock { state in
                var abandoned: [@Sendable () -> Void] = []
                for (id, var watched) in state.watched {
                    watched.goneLooks = watched.gone() ? watched.goneLooks + 1 : 0
                    if watched.goneLooks >= polls {
                        abandoned.append(watched.abandon)
                        state.watched[id] = nil
                    } else {
                        state.watched[id] = watched
                    }
                }
                if state.watched.isEmpty { state.watching = false }
                return (abandoned, !state.watching)
            }
            for abandon in abandoned { abandon() }
            if done { return }
        }
    }
}
