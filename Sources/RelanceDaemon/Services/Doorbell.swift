import Synchronization

/// Wakes a sleeping service early (after an import, the planner; after queuing, the sender).
/// Rings coalesce: ten rings while the service works make one wake-up, not ten.
///
/// Not an `AsyncStream`: a wait that times out cancels its own waiting, and cancelling a task
/// waiting on an `AsyncStream` finishes the stream — every later wait then returned at once, and
/// each service whose interval once passed without a ring ticked hundreds of times a second.
public final class Doorbell: Sendable {
    private struct State {
        var rung = false
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        /// Waits whose timer ran out (or that were cancelled) before they were parked.
        var ended: Set<UInt64> = []
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Wakes every service waiting now, or, when none is, the next wait returns at once.
    public func ring() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.waiters.isEmpty else {
                state.rung = true
                return []
            }
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns at the first ring (or one that came since the last wait), after `timeout`, or when
    /// the waiting task is cancelled — whichever comes first.
    public func wait(atMost timeout: Duration) async {
        let id = state.withLock { state -> UInt64? in
            if state.rung {
                state.rung = false
                return nil
            }
            state.nextWaiter += 1
            return state.nextWaiter
        }
        guard let id else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let early = self.state.withLock { state -> Bool in
                        // The timer, or a ring, may have come between the check above and now.
                        if state.ended.remove(id) != nil { return true }
                        if state.rung {
                            state.rung = false
                            return true
                        }
                        state.waiters[id] = continuation
                        return false
                    }
                    if early { continuation.resume() }
                }
            }
            group.addTask {
                // Ends early when the wait is cancelled (graceful shutdown): either way, wake it.
                try? await Task.sleep(for: timeout)
                self.wake(id)
            }
            _ = await group.next()
            group.cancelAll()
        }
        // The timer, cancelled after a ring, marked this wait as ended: forget it.
        state.withLock { _ = $0.ended.remove(id) }
    }

    /// Ends one wait (its timer ran out or it was cancelled), if it is still waiting.
    private func wake(_ id: UInt64) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiters.removeValue(forKey: id) else {
                state.ended.insert(id)  // not parked yet: it must not park
                return nil
            }
            return waiter
        }
        waiter?.resume()
    }
}
