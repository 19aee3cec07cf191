import Dispatch

/// A task executor on a serial dispatch queue of its own, outside Swift's cooperative pool.
///
/// Why: on the 2-core CI machine the cooperative pool has two threads, and a thousand tests run
/// at once, many of them waiting synchronously on a child process (`Process.waitUntilExit`). A
/// test that must act at a moment of someone else's work — kill a daemon while it sends — could
/// then wake tens of seconds late: every kill of a shared-book run once fell after the sending.
/// Under `withTaskExecutorPreference(DedicatedThreadExecutor(label:))`, the test's own awaits
/// resume on this queue's thread, which the kernel schedules like any other.
public final class DedicatedThreadExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: the queue is immutable and DispatchQueue is thread-safe.
    private let queue: DispatchQueue

    public init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
