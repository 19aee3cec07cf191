import Synchronization

/// The first of several racers' answers (a task's end, a timer, a connection's close): the
/// caller waits for it, and the later ones find the caller gone. Shared by every race here that
/// must give up on a task that may never end (`BoundedWait`, `Abandonable`, a ROLLBACK racing
/// its connection's close), which a task group cannot do: it waits for every child.
public final class FirstAnswer<Value: Sendable>: Sendable {
    private let waiting = Mutex<CheckedContinuation<Value, Never>?>(nil)

    public init() {}

    /// Waits for the first `answer`. `start` sets the racers going once the caller waits, so
    /// that none can answer before there is someone to answer to.
    public func wait(_ start: () -> Void) async -> Value {
        await withCheckedContinuation { continuation in
            waiting.withLock { $0 = continuation }
            start()
        }
    }

    /// Gives the caller `value`, if no racer answered before; otherwise does nothing.
    public func answer(_ value: Value) {
        waiting.withLock { waiting in
            waiting?.resume(returning: value)
            waiting = nil
        }
    }
}
