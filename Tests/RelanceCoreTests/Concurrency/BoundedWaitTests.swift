import Testing
import RelanceCore

/// A stop that waits for a task must end even when the task does not (`PostgresStore.close`).
@Suite struct BoundedWaitTests {
    @Test("a task that ends in time is waited for")
    func aTaskThatEndsIsWaitedFor() async {
        let task = Task<Void, Never> { try? await Task.sleep(for: .milliseconds(20)) }
        #expect(await BoundedWait.finished(task, within: .seconds(600)))
    }

    @Test("a task that never ends, deaf to cancellation, is given up after the limit")
    func aTaskThatNeverEndsIsGivenUp() async {
        // Never resumed: what a pool's run loop stuck on a cut connection looks like from outside.
        let stuck = Task<Void, Never> { await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in } }
        stuck.cancel()
        #expect(await BoundedWait.finished(stuck, within: .milliseconds(50)) == false)
    }

    @Test("a waiter cancelled from outside stops waiting")
    func aCancelledWaiterStops() async {
        let stuck = Task<Void, Never> { await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in } }
        let waiter = Task { await BoundedWait.finished(stuck, within: .seconds(600)) }
        waiter.cancel()
        #expect(await waiter.value == false)
    }
}
