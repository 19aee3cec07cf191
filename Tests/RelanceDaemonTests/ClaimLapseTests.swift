import Foundation
import Logging
import RelanceCore
@testable import RelanceDaemon
import RelanceTesting
import Synchronization
import Testing

/// On a shared book a claim lapses and another daemon takes the message over (issue #16): a
/// daemon paused, starved or pacing past its claim must not hand the message over when it wakes,
/// or the customer gets it twice. Each claimed message carries its hand-over deadline; past it,
/// the message goes back to the outbox untried.
@Suite struct ClaimLapseTests {
    /// Records what each delivery was handed, and delivers.
    final class DeadlineRecorder: MailTransport {
        private let state = Mutex<[(id: Int64, deadline: ContinuousClock.Instant?)]>([])
        var seen: [(id: Int64, deadline: ContinuousClock.Instant?)] { state.withLock { $0 } }
        func deliver(_ message: OutboxMessage) async -> DeliveryOutcome {
            state.withLock { $0.append((message.id, message.handOverDeadline)) }
            return .delivered(serverReply: "250 2.0.0 Ok: queued")
        }
    }

    static func drainer(_ runtime: RelanceRuntime, _ transport: any MailTransport, claimBatch: Int, window: ClaimWindow) -> OutboxDrainer {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return OutboxDrainer(store: runtime.store, transport: { _ in transport }, clock: runtime.clock, claimBatch: claimBatch,
                             logger: logger, creditors: runtime.creditors.map(\.configuration.id), claimWindow: window)
    }

    @Test func aClaimedMessageCarriesItsHandOverDeadlineAQuarterBeforeTheClaimLapses() async throws {
        let window = ClaimWindow(lifetime: .seconds(300))
        #expect(window.margin == .seconds(30))
        #expect(ClaimWindow(lifetime: .seconds(10)).margin == .milliseconds(2_500))
        let fixture = try BatchedSendingTests.fixture(customers: 3)
        let transport = DeadlineRecorder()
        let runtime = try BatchedSendingTests.runtime(fixture, transport)
        try await BatchedSendingTests.planned(fixture, runtime)
        let before = ContinuousClock.now
        let report = try await Self.drainer(runtime, transport, claimBatch: 32, window: window).drain()
        #expect(report.sent == 3)
        #expect(transport.seen.count == 3)
        for (_, deadline) in transport.seen {
            let deadline = try #require(deadline)
            #expect(deadline >= before + .seconds(270) && deadline <= .now + .seconds(270))
        }
    }

    /// A claim that lapsed before the hand-over (the deadline is at once): nothing is attempted,
    /// every message goes back to the outbox as it was, with its attempt given back, and the round
    /// ends rather than claim them again and again.
    @Test(arguments: [1, 32]) func aMessageWhoseClaimLapsedIsPutBackUntried(claimBatch: Int) async throws {
        let fixture = try BatchedSendingTests.fixture(customers: 3)
        let transport = BatchedSendingTests.ScriptedTransport([:])
        let runtime = try BatchedSendingTests.runtime(fixture, transport)
        try await BatchedSendingTests.planned(fixture, runtime)
        let report = try await Self.drainer(runtime, transport, claimBatch: claimBatch, window: ClaimWindow(lifetime: .zero)).drain()
        #expect(report.sent == 0 && report.failed == 0)
        #expect(transport.attempted.isEmpty)
        #expect(try await runtime.store.outboxCounts() == [.queued: 3])
        let events = try await runtime.store.recentEvents(of: nil, limit: 1_000).map(\.event)
        #expect(events.filter { $0.kind == "message.unclaimed" }.count == min(claimBatch, 3))
        let next = try #require(try await runtime.store.claimMessages(now: fixture.clock.now(), skipping: [], limit: 1).first)
        #expect(next.attempts == 1)
    }

    /// The same through a transport that takes runs of messages (as SMTP does): asked before each
    /// message, the sender says no once the claim lapsed.
    @Test func aHandOverStopsAtAMessageWhoseClaimLapsed() async throws {
        let fixture = try BatchedSendingTests.fixture(customers: 3)
        let transport = BatchedSendingTests.HandOverTransport([:])
        let runtime = try BatchedSendingTests.runtime(fixture, transport)
        try await BatchedSendingTests.planned(fixture, runtime)
        let report = try await Self.drainer(runtime, transport, claimBatch: 32, window: ClaimWindow(lifetime: .zero)).drain()
        #expect(report.sent == 0)
        #expect(transport.attempted.isEmpty)
        #expect(try await runtime.store.outboxCounts() == [.queued: 3])
    }

    /// A transport that found the deadline passed (SMTP's `.handOverDeadlinePassed`) says
    /// `.claimLapsed`: the message goes back, neither retried nor failed.
    @Test func aLapseSaidByTheTransportPutsTheMessageBack() async throws {
        let fixture = try BatchedSendingTests.fixture(customers: 2)
        let transport = BatchedSendingTests.ScriptedTransport([1: .claimLapsed])
        let runtime = try BatchedSendingTests.runtime(fixture, transport)
        try await BatchedSendingTests.planned(fixture, runtime)
        let report = try await Self.drainer(runtime, transport, claimBatch: 32, window: ClaimWindow(lifetime: .seconds(300))).drain()
        #expect(report.sent == 1 && report.failed == 0)
        #expect(try await runtime.store.outboxCounts() == [.sent: 1, .queued: 1])
    }

    /// A rate limit's wait outlasted the claim: the message is not handed to the transport, and
    /// the slot stays free for the next one.
    @Test func aClaimThatLapsesDuringThePacingWaitIsNotHandedOver() async throws {
        let base = DeadlineRecorder()
        let paced = PacedTransport(base, messagesPerMinute: 600)   // one every 100 ms
        var message = OutboxMessage(id: 1, creditor: CreditorID("acme")!, customerID: 1, step: "s", messageID: "<a@b>",
                                    envelopeFrom: EmailAddress("a@b.example")!, recipients: [], bytes: [], attempts: 1, queuedAt: Date())
        #expect(await paced.deliver(message) == .delivered(serverReply: "250 2.0.0 Ok: queued"))
        message.id = 2
        message.handOverDeadline = .now + .milliseconds(10)
        #expect(await paced.deliver(message) == .claimLapsed)
        message.id = 3
        message.handOverDeadline = nil
        #expect(await paced.deliver(message) == .delivered(serverReply: "250 2.0.0 Ok: queued"))
        #expect(base.seen.map(\.id) == [1, 3])
    }
}
