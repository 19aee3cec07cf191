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
        let watch = Abandonable(checkEvery: .milliseconds(5), polls: 2)
        #expect(await Self.givenUp(Task { try await watch.value(of: Self.never, abandonedWhen: { true }, error: { Gone() }) }))
    }

    @Test("while what it talks to is there, the operation is waited for, however long it takes")
    func aLiveOperationIsWaitedFor() async throws {
        let looks = Atomic(0)
        let answer = AsyncStream.makeStream(of: Int.self)
        let asking = Task {
            try await Abandonable(checkEvery: .milliseconds(2), polls: 1).value(
                of: { for await value in answer.stream { return value }; return -1 },
                abandonedWhen: { looks.add(1, ordering: .relaxed); return false }, error: { Gone() })
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
            try await Abandonable(checkEvery: .milliseconds(2), polls: .max).value(
                of: { for await value in answer.stream { return value }; return -1 },
                abandonedWhen: { looks.add(1, ordering: .relaxed); return true }, error: { Gone() })
        }
        while looks.load(ordering: .relaxed) < 3 { try await Task.sleep(for: .milliseconds(2)) }
        answer.continuation.yield(7)
        #expect(try await asking.value == 7)
    }

    @Test("one watcher for many: the operation whose peer is gone is given up, the others are waited for")
    func oneGoneOperationLeavesTheOthers() async throws {
        let watch = Abandonable(checkEvery: .milliseconds(2), polls: 2)
        let answer = AsyncStream.makeStream(of: Int.self)
        let live = Task {
            try await watch.value(of: { for await value in answer.stream { return value }; return -1 },
                                  abandonedWhen: { false }, error: { Gone() })
        }
        #expect(await Self.givenUp(Task { try await watch.value(of: Self.never, abandonedWhen: { true }, error: { Gone() }) }))
        answer.continuation.yield(3)
        #expect(try await live.value == 3)
        // The watcher stopped once none was left, and starts again for the next one.
        #expect(await Self.givenUp(Task { try await watch.value(of: Self.never, abandonedWhen: { true }, error: { Gone() }) }))
    }

    @Test("the operation's own error is the caller's")
    func theOperationsErrorIsThrown() async {
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await Abandonable(checkEvery: .seconds(600), polls: 1).value(
                of: { () async throws -> Int in throw Refused() }, abandonedWhen: { false }, error: { Gone() })
        }
    }

    /// An operation that never ends: a query its closed connection dropped.
    static let never: @Sendable () async -> Int = { await withUnsafeContinuation { (_: UnsafeContinuation<Int, Never>) in } }

    /// Whether `asking` ended with `Gone` — within a minute, so that a watcher that never gives
    /// up fails the test instead of holding the run.
    static func givenUp(_ asking: Task<Int, any Error>) async -> Bool {
        guard await BoundedWait.finished(Task { _ = await asking.result }, within: .seconds(60)) else { return false }
        guard case .failure(let error) = await asking.result else { return false }
        return error is Gone
    }
}
