import Foundation
import Testing
import RelanceCore
import RelanceStore

/// The outbox after a crash and after the server's answers: every decision has its event.
@Suite struct OutboxRecoveryTests {
    typealias F = StoreFixtures

    /// A store with one message claimed (`sending`), as a crash would leave it.
    private func interrupted() async throws -> (AppDatabase, Int64) {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100)]), at: F.time)
        let receivable = try #require(try await store.openReceivables(of: F.creditor).first)
        let draft = MessageDraft(creditor: F.creditor, customerID: receivable.customer.id, step: "first-reminder",
                                 plannedOn: F.date("2026-11-23"),
                                 invoices: [InvoiceMention(invoiceID: receivable.invoiceID, step: "first-reminder", open: receivable.open)],
                                 to: receivable.customer.emails, cc: [EmailAddress("boss@client.example")!])
        let id = try #require(try await store.enqueue(draft, at: F.time, compose: F.composed))
        _ = try #require(try await store.claimNextMessage(now: F.time.addingTimeInterval(5)))
        return (store, id)
    }

    private func kinds(_ store: AppDatabase) async throws -> [String] {
        try await store.recentEvents(of: F.creditor, limit: 100).map(\.event.kind).reversed()
    }

    @Test func anInterruptedSendIsListedWithItsMessageIDAndAttemptTime() async throws {
        let (store, id) = try await interrupted()
        let found = try await store.interruptedSends()
        #expect(found == [InterruptedSend(id: id, creditor: F.creditor, customerID: found[0].customerID,
                                          messageID: "<relance.\(id)@acme.example>", attemptStartedAt: F.time.addingTimeInterval(5))])
    }

    @Test func evidenceFoundMarksItSentWithTheEvidenceInTheEvent() async throws {
        let (store, id) = try await interrupted()
        try await store.confirmSent(id, at: F.time, evidence: .copyFound(messageID: "<m1@acme.example>", source: "archive"))
        #expect(try await store.outboxCounts() == [.sent: 1])
        let event = try #require(try await store.recentEvents(of: F.creditor, limit: 1).first)
        #expect(event.event.kind == "message.sent")
        #expect(event.event.detail["evidence"] == "copy-found" && event.event.detail["source"] == "archive")
        #expect(event.event.summary.contains("a copy with Message-ID <m1@acme.example> is in archive"))
        #expect(try await store.interruptedSends().isEmpty)
    }

    @Test func noEvidenceAfterTheDelayQueuesItAgain() async throws {
        let (store, id) = try await interrupted()
        try await store.requeueUnsent(id, at: F.time, evidence: .noCopy(messageID: "<m1@acme.example>", source: "archive", afterSeconds: 120))
        #expect(try await store.outboxCounts() == [.queued: 1])
        let again = try #require(try await store.claimNextMessage(now: F.time))
        #expect(again.id == id)
        #expect(again.attempts == 2)
        #expect(try await kinds(store).suffix(2) == ["message.requeued", "message.sending"])
    }

    @Test func withoutAnEvidenceSourceItIsHeldForAPerson() async throws {
        let (store, id) = try await interrupted()
        try await store.holdForReview(id, at: F.time, reason: .noEvidenceSource)
        #expect(try await store.outboxCounts() == [.held: 1])
        #expect(try await store.claimNextMessage(now: F.time) == nil)
        let event = try #require(try await store.recentEvents(of: F.creditor, limit: 1).first)
        #expect(try await kinds(store).suffix(2) == ["message.held", "task.opened"])
        let events = try await store.recentEvents(of: F.creditor, limit: 2).map(\.event)
        #expect(events.contains { $0.summary.contains("not resent blindly") })
        let task = try #require(try await store.tasks(of: F.creditor, state: .open).first)
        #expect(task.kind == .reviewMessage)
        #expect(task.title.contains("#\(id)"))
        _ = event
    }

    @Test func onlyASendingMessageCanBeSettled() async throws {
        let (store, id) = try await interrupted()
        try await store.confirmSent(id, at: F.time, evidence: .copyFound(messageID: "<m1@acme.example>", source: "archive"))
        await #expect(throws: StoreError.self) { try await store.requeueUnsent(id, at: F.time, evidence: .noCopy(messageID: "<m1@acme.example>", source: "archive", afterSeconds: 120)) }
        await #expect(throws: StoreError.self) { try await store.holdForReview(id, at: F.time, reason: .noEvidenceSource) }
    }

    @Test func aWrongAddressIsReportedAsEvidenceAndOtherRefusalsAreOnlyRecorded() async throws {
        let (store, id) = try await interrupted()
        try await store.markSent(id, at: F.time, serverReply: "250 2.0.0 Ok")
        try await store.recordRecipientReplies(id, [
            RecipientReply(address: "compta@client.example", reply: "250 2.1.5 Ok", verdict: .accepted),
            RecipientReply(address: "boss@client.example", reply: "550 5.1.1 <boss@client.example>: unknown", verdict: .wrongAddress),
        ], at: F.time)
        let events = try await store.recentEvents(of: F.creditor, limit: 100).map(\.event).filter { $0.kind == "address.refused" }
        #expect(events.count == 1)
        #expect(events.first?.detail == ["address": "boss@client.example", "role": "cc",
                                         "reply": "550 5.1.1 <boss@client.example>: unknown"])
        #expect(events.first?.messageID == id)
        #expect(events.first?.customerID != nil)
    }

    @Test func thePauseAlertIsRaisedOnceUntilASendSucceeds() async throws {
        let (store, id) = try await interrupted()
        #expect(try await store.recordOutboxPaused(F.creditor, reason: "535 5.7.8 authentication failed", at: F.time))
        #expect(try await !store.recordOutboxPaused(F.creditor, reason: "535 5.7.8 authentication failed", at: F.time))
        try await store.markSent(id, at: F.time, serverReply: "250 Ok")
        #expect(try await store.recordOutboxPaused(F.creditor, reason: "again", at: F.time))
        #expect(try await kinds(store).filter { $0 == "outbox.paused" }.count == 2)
        // One task to fix the configuration, however many alerts.
        #expect(try await store.tasks(of: F.creditor, state: .open).filter { $0.kind == .fixConfiguration }.count == 1)
    }

    @Test func aSentCopyIsPendingUntilDone() async throws {
        let (store, id) = try await interrupted()
        try await store.requestSentCopy(id)
        #expect(try await store.pendingSentCopies(of: F.creditor, limit: 10).isEmpty)   // not sent yet
        try await store.markSent(id, at: F.time, serverReply: "250 Ok")
        try await store.requestSentCopy(id)
        let pending = try await store.pendingSentCopies(of: F.creditor, limit: 10)
        #expect(pending.map(\.id) == [id])
        #expect(pending.first?.bytes == F.composed(id).bytes)
        try await store.markSentCopyDone(id, at: F.time, folder: "Sent")
        #expect(try await store.pendingSentCopies(of: F.creditor, limit: 10).isEmpty)
        #expect(try await kinds(store).last == "message.copied-to-sent")
    }

    @Test func aDeliveryIsRecordedWithItsRepliesAndCopyRequestInOneStep() async throws {
        let (store, id) = try await interrupted()
        try await store.markDelivered(id, at: F.time, serverReply: "250 2.0.0 Ok: queued", recipients: [
            RecipientReply(address: "COMPTA@client.example", reply: "250 2.1.5 Ok", verdict: .accepted),
            RecipientReply(address: "boss@client.example", reply: "550 5.2.1 disabled", verdict: .wrongAddress),
        ], copyToSent: true)
        #expect(try await store.outboxCounts() == [.sent: 1])
        #expect(try await store.pendingSentCopies(of: F.creditor, limit: 10).map(\.id) == [id])
        #expect(try await kinds(store).suffix(2) == ["message.sent", "address.refused"])
        await #expect(throws: StoreError.self) {
            try await store.markDelivered(id, at: F.time, serverReply: "again", recipients: [], copyToSent: false)
        }
    }
}
