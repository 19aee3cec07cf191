import RelanceDaemon
import Synchronization
import Testing

/// The doorbell that wakes the intake, planner and sender loops: a wait ends at a ring or its
/// timeout — and a wait that timed out leaves the bell working (an AsyncStream-based bell was
/// finished by its first timeout, and every later wait returned at once: a busy loop).
struct DoorbellTests {
    @Test func aWaitAfterATimeoutStillWaitsForTheRing() async throws {
        let bell = Doorbell()
        await bell.wait(atMost: .milliseconds(20))  // times out: nobody rang
        let waiting = FlaggedWait(on: bell)
        // Not a timing assertion: however slow the machine, the wait cannot have ended unrung.
        try await Task.sleep(for: .milliseconds(300))
        #expect(!waiting.returned, "the wait returned without a ring after an earlier timeout")
        bell.ring()
        await waiting.task.value
        #expect(waiting.returned)
    }

    @Test func ringsWhileNobodyWaitsMakeOneWakeUp() async throws {
        let bell = Doorbell()
        for _ in 0..<10 { bell.ring() }
        await bell.wait(atMost: .seconds(600))  // the rings' one wake-up: at once
        let waiting = FlaggedWait(on: bell)
        try await Task.sleep(for: .milliseconds(300))
        #expect(!waiting.returned, "ten rings made more than one wake-up")
        waiting.task.cancel()  // a cancelled wait ends (graceful shutdown)
        await waiting.task.value
        #expect(waiting.returned)
    }

    @Test func manyTimeoutsInARowEachWaitTheirTime() async {
        let bell = Doorbell()
        let clock = ContinuousClock()
        var shortest = Duration.seconds(60)
        for _ in 0..<20 {
            let started = clock.now
            await bell.wait(atMost: .milliseconds(10))
            shortest = min(shortest, clock.now - started)
        }
        // A lower bound only (a loaded machine makes waits longer, never shorter).
        #expect(shortest >= .milliseconds(10))
    }
}

/// A long wait on the bell in its own task, with a flag set when it returns.
private struct FlaggedWait {
    let task: Task<Void, Never>
    private let flag: Flag

    init(on bell: Doorbell) {
        let flag = Flag()
        self.flag = flag
        task = Task {
            await bell.wait(atMost: .seconds(600))
            flag.value.store(true, ordering: .releasing)
        }
    }

    var returned: Bool { flag.value.load(ordering: .acquiring) }

    private final class Flag: Sendable {
        let value = Atomic(false)
    }
}
