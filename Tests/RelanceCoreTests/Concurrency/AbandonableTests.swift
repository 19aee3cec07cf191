import Synchronization
import Testing
import RelanceCore

/// A query on a connection that closed under it must not hold its caller for good
/// (`PostgresConnection.liveQuery`). None of these bets on the clock: each outcome follows from
/// the order of events the test itself makes.
@Suite struct AbandonableTests {
    struct Gone: Error, Equatable {}

    @Test("an operation that never ends is given up once what it talks to is gone")
    func aStuckOperationIsGivenUpOnceGone() async {
        await #expect(throws: Gone.self) {
            try await Abandonable.value(
                of: { await withUnsafeContinuation { (_: UnsafeContinuation<Int, Never>) in } },
                abandonedWhen: { true }, checkEvery: .milliseconds(5), polls: 2, error: { Gone() })
        }
    }

    @Test("while what it talks to is there, the operation is waited for, however long it takes")
    func aLiveOperationIsWaitedFor() async throws {
        let looks = Atomic(0)
        let answer = AsyncStream.makeStream(of: Int.self)
        let asking = Task {
            try await Abandonable.value(
                of: { for await value in answer.stream { return value }; return -1 },
                abandonedWhen: { looks.add(1, ordering: .relaxed); return false },
                checkEvery: .milliseconds(2), polls: 1, error: { Gone() })
        }
        // Answered only after the watcher looked several times and found the connection there.
        while looks.load(ordering: .relaxed) < 5 { try await Task.sleep(for: .milliseconds(2)) }
        answer.continuation.yield(42)
        #expect(try await asking.value == 42)
    }

    @Test("an answer that comes after the connection is gone, before the watcher gives up, is the answer")
    func anAnswerInTheGracePeriodWins() async throws {
        let looks = Atomic(0)
        let answer = AsyncStream.makeStream(of: Int.self)
        let asking = Task {
            try await Abandonable.value(
                of: { for await value in answer.stream { return value }; return -1 },
                abandonedWhen: { looks.add(1, ordering: .relaxed); return true },
                checkEvery: .milliseconds(2), polls: .max, error: { Gone() })
        }
        while looks.load(ordering: .relaxed) < 3 { try await Task.sleep(for: .milliseconds(2)) }
        answer.continuation.yield(7)
        #expect(try await asking.value == 7)
    }

    @Test("the operation's own error is the caller's")
    func theOperationsErrorIsThrown() async {
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await Abandonable.value(of: { () async throws -> Int in throw Refused() },
                                        abandonedWhen: { false }, checkEvery: .seconds(600), polls: 1, error: { Gone() })
        }
    }
}

