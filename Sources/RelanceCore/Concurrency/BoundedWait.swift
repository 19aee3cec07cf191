/// Waits for a task, but not forever: a stop must end even when what it waits for does not.
///
/// A `withTaskGroup` race cannot do this: the group waits for every child before it returns, so
/// a child awaiting a task that never ends holds it forever. Here the waiter and the timer are
/// unstructured; whichever ends first resumes the caller once, and a task that never ends is left
/// behind (the process is about to exit: that is what a bounded stop is for).
public enum BoundedWait {
    /// True when `task` ended within `limit`; false when the limit passed first. A cancelled
    /// caller stops waiting at once (false).
    public static func finished<Failure: Error>(_ task: Task<Void, Failure>, within limit: Duration) async -> Bool {
        let first = FirstAnswer<Bool>()
        var waiter: Task<Void, Never>?
        var timer: Task<Void, Never>?
        let finished = await withTaskCancellationHandler {
            await first.wait {
                waiter = Task { _ = await task.result; first.answer(true) }
                timer = Task { try? await Task.sleep(for: limit); first.answer(false) }
                // Cancelled before the caller waited: `onCancel` found nothing to answer.
                if Task.isCancelled { first.answer(false) }
            }
        } onCancel: {
            first.answer(false)
        }
        timer?.cancel()
        waiter?.cancel()
        return finished
    }
}
