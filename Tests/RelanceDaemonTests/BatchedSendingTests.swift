import Foundation
import Logging
import RelanceCore
@testable import RelanceDaemon
import RelanceStore
import RelanceTesting
import Synchronization
import Testing

/// Issue #17: with an evidence source a sender claims its messages in batches, one write per
/// batch. What must still hold: a message put back unsent is exactly as it was, a pause or a stop
/// in the middle of a batch sends nothing more, and without evidence the claims stay one by one.
@Suite struct BatchedSendingTests {
    /// The archive is only read after a crash; nothing here is interrupted, so no server is needed.
    static let evidence = """
        archive_bcc = "archive@acme.example"

        [creditors.acme.archive_imap]
        host = "127.0.0.1"
        security = "plain"
        username = "archive@acme.example"
        password_credential = "archive-password"
        """

    /// Answers each attempt from a script (by attempt number, from 1); delivers otherwise.
    final class ScriptedTransport: MailTransport {
        private let state = Mutex<[Int64]>([])
        let script: [Int: DeliveryOutcome]
        init(_ script: [Int: DeliveryOutcome]) { self.script = script }
        var attempted: [Int64] { state.withLock { $0 } }
        func deliver(_ message: OutboxMessage) async -> DeliveryOutcome {
            let count = state.withLock { $0.append(message.id); return $0.count }
            return script[count] ?? .delivered(serverReply: "250 2.0.0 Ok: queued")
        }
    }

    /// A transport that takes runs of messages (as `SMTPTransport` does), scripted like
    /// `ScriptedTransport`; it asks the sender before and after each message, as it must.
    final class HandOverTransport: BatchMailTransport {
        private let state = Mutex<(handOvers: [[Int64]], attempted: [Int64])>(([], []))
        let script: [Int: DeliveryOutcome]
        init(_ script: [Int: DeliveryOutcome]) { self.script = script }
        var handOvers: [[Int64]] { state.withLock { $0.handOvers } }
        var attempted: [Int64] { state.withLock { $0.attempted } }

        func deliver(_ message: OutboxMessage) async -> DeliveryOutcome {
            await deliver([message], mayStart: { _ in true }, proceed: { _, _ in true }).first ?? .temporaryFailure(reason: .notAttempted)
        }

        func deliver(_ messages: [OutboxMessage], mayStart: @escaping @Sendable (OutboxMessage) -> Bool,
                     proceed: @escaping @Sendable (OutboxMessage, DeliveryOutcome) -> Bool) async -> [DeliveryOutcome] {
            state.withLock { $0.handOvers.append(messages.map(\.id)) }
            var outcomes: [DeliveryOutcome] = []
            for message in messages {
                guard mayStart(message) else { break }
                let count = state.withLock { $0.attempted.append(message.id); return $0.attempted.count }
                let outcome = script[count] ?? .delivered(serverReply: "250 2.0.0 Ok: queued")
                outcomes.append(outcome)
                guard proceed(message, outcome) else { break }
            }
            return outcomes
        }
    }

    static func fixture(customers: Int, extra: String = evidence) throws -> DaemonFixture {
        let fixture = try DaemonFixture(extraCreditorSettings: extra)
        let rows = (1...customers).map { "C\($0);Client \($0);c\($0)@client.example;F-\($0);01/09/2026;01/10/2026;\($0)00,00" }
        try fixture.drop("open.csv", ([DaemonFixture.header] + rows).joined(separator: "\n") + "\n")
        return fixture
    }

    static func runtime(_ fixture: DaemonFixture, _ transport: any MailTransport) throws -> RelanceRuntime {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try RelanceRuntime(configuration: try fixture.configuration, clock: fixture.clock, logger: logger,
                                  secrets: SecretStore(environment: [:]), transportOverride: { _ in transport })
    }

    @Test func aBatchIsClaimedOnlyWithAnEvidenceSourceAndWithoutPacing() throws {
        let batched = try Self.fixture(customers: 1)
        #expect(RelanceRuntime.claimBatch(for: try batched.configuration.creditors) == 32)
        let blind = try Self.fixture(customers: 1, extra: "")
        #expect(RelanceRuntime.claimBatch(for: try blind.configuration.creditors) == 1)
        let paced = try Self.fixture(customers: 1, extra: "max_messages_per_minute = 30\n" + Self.evidence)
        #expect(RelanceRuntime.claimBatch(for: try paced.configuration.creditors) == 1)
    }

    @Test func aBatchIsSentInOrderAndRecordedAsSent() async throws {
        let fixture = try Self.fixture(customers: 5)
        let transport = ScriptedTransport([:])
        let runtime = try Self.runtime(fixture, transport)
        #expect(runtime.drainer.claimBatch == 32)
        let report = try await runtime.runOnce()
        #expect(report.sending.sent == 5)
        #expect(try await runtime.store.outboxCounts() == [.sent: 5])
        #expect(transport.attempted == (transport.attempted).sorted())
        let events = try await runtime.store.recentEvents(of: nil, limit: 1_000).map(\.event)
        #expect(events.filter { $0.kind == "message.sent" }.count == 5)
        #expect(events.filter { $0.kind == "message.unclaimed" }.isEmpty)
    }

    /// The second message finds the configuration wrong: the creditor pauses, and the three
    /// messages claimed with it go back to the outbox as they were, never attempted.
    @Test func aPauseInTheMiddleOfABatchPutsTheRestBackUntried() async throws {
        let fixture = try Self.fixture(customers: 5)
        let transport = ScriptedTransport([2: .senderProblem(reason: .reported("535 5.7.8 authentication failed"))])
        let runtime = try Self.runtime(fixture, transport)
        let report = try await runtime.runOnce()
        let acme = CreditorID("acme")!
        #expect(report.sending.paused == [acme])
        #expect(report.sending.sent == 1)
        #expect(transport.attempted.count == 2)
        #expect(try await runtime.store.outboxCounts() == [.sent: 1, .retry: 1, .queued: 3])
        let events = try await runtime.store.recentEvents(of: nil, limit: 1_000).map(\.event)
        let unclaimed = events.filter { $0.kind == "message.unclaimed" }
        #expect(unclaimed.count == 3)
        #expect(unclaimed.allSatisfy { $0.summary.contains("remis en file d'envoi") || $0.summary.contains("put back") })
        // Their attempt was given back: the next claim counts it as the first.
        try await runtime.startSending(because: .configurationReloaded)
        let next = try #require(try await runtime.store.claimMessages(now: fixture.clock.now(), skipping: [], limit: 1).first)
        #expect(next.attempts == 1)
    }

    @Test func aStopInTheMiddleOfABatchFinishesTheMessageOnTheWireAndPutsTheRestBack() async throws {
        let fixture = try Self.fixture(customers: 4)
        let transport = ScriptedTransport([:])
        let runtime = try Self.runtime(fixture, transport)
        try await runtime.prepare()
        // Import and plan only: the sender is not running yet.
        for creditor in runtime.creditors {
            _ = try await creditor.intake.scan()
            _ = try await creditor.scheduler.run(on: runtime.today(for: creditor), at: fixture.clock.now(), queuedSome: {})
        }
        #expect(try await runtime.store.outboxCounts() == [.queued: 4])
        let report = try await runtime.drainer.drain(shouldStop: { transport.attempted.count >= 2 })
        #expect(report.sent == 2)
        #expect(try await runtime.store.outboxCounts() == [.sent: 2, .queued: 2])
    }


    /// Imports and plans without sending, so that a drain finds the whole day's outbox at once.
    static func planned(_ fixture: DaemonFixture, _ runtime: RelanceRuntime) async throws {
        try await runtime.prepare()
        for creditor in runtime.creditors {
            _ = try await creditor.intake.scan()
            _ = try await creditor.scheduler.run(on: runtime.today(for: creditor), at: fixture.clock.now(), queuedSome: {})
        }
    }

    @Test func aBatchGoesToItsTransportInOneHandOverAndIsRecordedAsSent() async throws {
        let fixture = try Self.fixture(customers: 4)
        let transport = HandOverTransport([:])
        let runtime = try Self.runtime(fixture, transport)
        try await Self.planned(fixture, runtime)
        let report = try await runtime.drainer.drain()
        #expect(report.sent == 4)
        #expect(transport.handOvers.count == 1)
        #expect(transport.handOvers.first == transport.attempted && transport.attempted == transport.attempted.sorted())
        #expect(try await runtime.store.outboxCounts() == [.sent: 4])
        let events = try await runtime.store.recentEvents(of: nil, limit: 1_000).map(\.event)
        #expect(events.filter { $0.kind == "message.sent" }.count == 4)
    }

    /// The transport stops at the outcome the sender must record on its own; the pause it records
    /// is seen before the next message, which goes back untried with the rest.
    @Test func aPauseInTheMiddleOfAHandOverPutsTheRestBackUntried() async throws {
        let fixture = try Self.fixture(customers: 5)
        let transport = HandOverTransport([2: .senderProblem(reason: .reported("535 5.7.8 authentication failed"))])
        let runtime = try Self.runtime(fixture, transport)
        try await Self.planned(fixture, runtime)
        let report = try await runtime.drainer.drain()
        #expect(report.paused == [CreditorID("acme")!])
        #expect(report.sent == 1)
        #expect(transport.attempted.count == 2)
        #expect(transport.handOvers.first?.count == 5)
        #expect(try await runtime.store.outboxCounts() == [.sent: 1, .retry: 1, .queued: 3])
        let events = try await runtime.store.recentEvents(of: nil, limit: 1_000).map(\.event)
        #expect(events.filter { $0.kind == "message.unclaimed" }.count == 3)
    }

    /// A message that went out although the archive (or another address) was refused by policy is
    /// recorded as sent at once, and pauses the creditor before its next message.
    @Test func aDeliveryRefusedByPolicyForOneRecipientIsRecordedAtOnceAndPauses() async throws {
        let fixture = try Self.fixture(customers: 4)
        let refused = DeliveryOutcome.deliveredTo(serverReply: "250 2.0.0 Ok: queued", recipients: [
            RecipientReply(address: "archive@acme.example", reply: "550 5.7.1 policy", verdict: .ourProblem),
        ])
        let transport = HandOverTransport([2: refused])
        let runtime = try Self.runtime(fixture, transport)
        try await Self.planned(fixture, runtime)
        let report = try await runtime.drainer.drain()
        #expect(report.paused == [CreditorID("acme")!])
        #expect(report.sent == 2)
        #expect(transport.attempted.count == 2)
        #expect(try await runtime.store.outboxCounts() == [.sent: 2, .queued: 2])
        let events = try await runtime.store.recentEvents(of: nil, limit: 1_000).map(\.event)
        #expect(events.filter { $0.kind == "outbox.paused" }.count == 1)
    }

    /// Every recipient of the batch's second message refuses it: that message fails on its own,
    /// at once, with its recipient's answer; the others of the batch are recorded sent together.
    @Test func aBatchWithARefusedRecipientInTheMiddleRecordsTheOthersSentAndThatOneRefused() async throws {
        let fixture = try Self.fixture(customers: 4)
        let transport = HandOverTransport([2: .recipientsRefused(reason: .reported("550 5.1.1 unknown"), recipients: [
            RecipientReply(address: "c2@client.example", reply: "550 5.1.1 <c2@client.example>: unknown", verdict: .wrongAddress),
        ])])
        let runtime = try Self.runtime(fixture, transport)
        try await Self.planned(fixture, runtime)
        let report = try await runtime.drainer.drain()
        #expect(report.sent == 3 && report.failed == 1 && report.paused.isEmpty)
        // The refusal is recorded before the rest of the batch goes on, in a second hand-over.
        #expect(transport.handOvers.count == 2 && transport.attempted.count == 4)
        #expect(try await runtime.store.outboxCounts() == [.sent: 3, .failed: 1])
        let events = try await runtime.store.recentEvents(of: nil, limit: 1_000).map(\.event)
        let refusedID = transport.attempted[1]
        #expect(Set(events.filter { $0.kind == "message.sent" }.compactMap(\.messageID)) == Set(transport.attempted).subtracting([refusedID]))
        #expect(events.filter { $0.kind == "message.failed" }.map(\.messageID) == [refusedID])
        #expect(events.filter { $0.kind == "address.refused" }.map(\.messageID) == [refusedID])
    }

    @Test func aStopInTheMiddleOfAHandOverSendsNothingMore() async throws {
        let fixture = try Self.fixture(customers: 4)
        let transport = HandOverTransport([:])
        let runtime = try Self.runtime(fixture, transport)
        try await Self.planned(fixture, runtime)
        let report = try await runtime.drainer.drain(shouldStop: { transport.attempted.count >= 2 })
        #expect(report.sent == 2)
        #expect(transport.handOvers.count == 1)
        #expect(try await runtime.store.outboxCounts() == [.sent: 2, .queued: 2])
    }

    @Test func onlyAPlainDeliveryWaitsForItsBatchToBeRecorded() {
        let reply = "250 2.0.0 Ok"
        #expect(OutboxDrainer.isRecordedWithItsBatch(.delivered(serverReply: reply)))
        #expect(OutboxDrainer.isRecordedWithItsBatch(.deliveredTo(serverReply: reply, recipients: [
            RecipientReply(address: "a@b.example", reply: "550 5.1.1 unknown", verdict: .wrongAddress),
        ])))
        #expect(!OutboxDrainer.isRecordedWithItsBatch(.deliveredTo(serverReply: reply, recipients: [
            RecipientReply(address: "a@b.example", reply: "550 5.7.1 policy", verdict: .ourProblem),
        ])))
        #expect(!OutboxDrainer.isRecordedWithItsBatch(.temporaryFailure(reason: .reported("421"))))
        #expect(!OutboxDrainer.isRecordedWithItsBatch(.senderProblem(reason: .reported("535"))))
        #expect(!OutboxDrainer.isRecordedWithItsBatch(.permanentFailure(reason: .reported("554"))))
        #expect(!OutboxDrainer.isRecordedWithItsBatch(.recipientsRefused(reason: .reported("550"), recipients: [])))
    }
}
