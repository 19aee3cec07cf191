import Foundation
import Testing
import RelanceCore
import RelanceStore

@Suite struct OutboxTests {
    typealias F = StoreFixtures

    private func storeWithOneInvoice() async throws -> (AppDatabase, Receivable) {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100)]), at: F.time)
        return (store, try #require(try await store.openReceivables(of: F.creditor).first))
    }

    private func draft(_ receivable: Receivable, step: String = "first-reminder") -> MessageDraft {
        MessageDraft(creditor: F.creditor, customerID: receivable.customer.id, step: step, plannedOn: F.date("2026-11-23"),
                     invoices: [InvoiceMention(invoiceID: receivable.invoiceID, step: step, open: receivable.open)],
                     to: receivable.customer.emails)
    }

    @Test func queuedThenClaimedThenSentExactlyOnce() async throws {
        let (store, receivable) = try await storeWithOneInvoice()
        let id = try #require(try await store.enqueue(draft(receivable), at: F.time, compose: F.composed))
        let claimed = try #require(try await store.claimNextMessage(now: F.time))
        #expect(claimed.id == id)
        #expect(claimed.messageID == "<relance.\(id)@acme.example>")
        #expect(claimed.recipients == receivable.customer.emails)
        #expect(try await store.claimNextMessage(now: F.time) == nil)
        try await store.markSent(id, at: F.time, serverReply: "250 2.0.0 Ok: queued")
        #expect(try await store.outboxCounts() == [.sent: 1])
        await #expect(throws: StoreError.self) { try await store.markSent(id, at: F.time, serverReply: "again") }
    }

    @Test func aStepIsQueuedOnlyOncePerInvoice() async throws {
        let (store, receivable) = try await storeWithOneInvoice()
        #expect(try await store.enqueue(draft(receivable), at: F.time, compose: F.composed) != nil)
        #expect(try await store.enqueue(draft(receivable), at: F.time, compose: F.composed) == nil)
        #expect(try await store.enqueue(draft(receivable, step: "second-reminder"), at: F.time, compose: F.composed) != nil)
        let history = try await store.openReceivables(of: F.creditor)[0].history
        #expect(history.map(\.step) == ["first-reminder", "second-reminder"])
    }

    @Test func aMessageForAnInvoicePaidMeanwhileIsCancelled() async throws {
        let (store, receivable) = try await storeWithOneInvoice()
        _ = try await store.enqueue(draft(receivable), at: F.time, compose: F.composed)
        _ = try await store.importSnapshot(F.file("b.csv", sha: "b"), F.snapshot([], asOf: "2026-11-21"), at: F.time)
        #expect(try await store.claimNextMessage(now: F.time) == nil)
        #expect(try await store.outboxCounts() == [.cancelled: 1])
    }

    @Test func aChangedAmountCancelsTheStaleMessage() async throws {
        let (store, receivable) = try await storeWithOneInvoice()
        _ = try await store.enqueue(draft(receivable), at: F.time, compose: F.composed)
        _ = try await store.importSnapshot(F.file("b.csv", sha: "b"), F.snapshot([F.item("F-1", open: 60)], asOf: "2026-11-21"), at: F.time)
        #expect(try await store.claimNextMessage(now: F.time) == nil)
        // The step is free again, so the planner can write a message with the right amount.
        let fresh = try await store.openReceivables(of: F.creditor)[0]
        #expect(try await store.enqueue(draft(fresh), at: F.time, compose: F.composed) != nil)
    }

    @Test func retriesWaitForTheirTime() async throws {
        let (store, receivable) = try await storeWithOneInvoice()
        let id = try #require(try await store.enqueue(draft(receivable), at: F.time, compose: F.composed))
        _ = try await store.claimNextMessage(now: F.time)
        try await store.markForRetry(id, at: F.time, retryAt: F.time.addingTimeInterval(600), reason: "451 4.3.0 try later")
        #expect(try await store.claimNextMessage(now: F.time.addingTimeInterval(599)) == nil)
        let retried = try #require(try await store.claimNextMessage(now: F.time.addingTimeInterval(600)))
        #expect(retried.attempts == 2)
    }

    private struct TemplateCannotRender: Error {}

    @Test func aBatchStoresEachMessageAloneAndAFailureChangesNothingForTheOthers() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([
            F.item("F-1", customer: "C001", open: 100), F.item("F-2", customer: "C002", open: 200), F.item("F-3", customer: "C003", open: 300),
        ]), at: F.time)
        let receivables = try await store.openReceivables(of: F.creditor).sorted { $0.number < $1.number }
        let alreadyQueued = try #require(try await store.enqueue(draft(receivables[2]), at: F.time, compose: F.composed))
        let results = try await store.enqueue([
            PendingMessage(draft(receivables[0]), compose: F.composed),
            PendingMessage(draft(receivables[1])) { _ in throw TemplateCannotRender() },
            PendingMessage(draft(receivables[2]), compose: F.composed),
        ], at: F.time)
        #expect(results.count == 3)
        let first = try #require(try results[0].get())
        #expect(first > alreadyQueued)
        #expect(throws: TemplateCannotRender.self) { try results[1].get() }
        #expect(try results[2].get() == nil)  // F-3 already has its first reminder
        #expect(try await store.outboxCounts() == [.queued: 2])
        // The message's id is the one signed into its bytes.
        let claimed = try #require(try await store.claimNextMessage(now: F.time))
        #expect(claimed.id == alreadyQueued)
        let next = try #require(try await store.claimNextMessage(now: F.time))
        #expect(next.id == first && next.messageID == "<relance.\(first)@acme.example>")
        // F-2 can still be reminded: its failed composition stored nothing.
        #expect(try await store.enqueue(draft(receivables[1]), at: F.time, compose: F.composed) != nil)
    }

    @Test func aDeliveryIsRecordedAndTheNextMessageClaimedInOneStep() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([
            F.item("F-1", customer: "C001", open: 100), F.item("F-2", customer: "C002", open: 200),
        ]), at: F.time)
        for receivable in try await store.openReceivables(of: F.creditor) {
            _ = try await store.enqueue(draft(receivable), at: F.time, compose: F.composed)
        }
        let first = try #require(try await store.claimNextMessage(now: F.time))
        let second = try #require(try await store.markDelivered(first.id, at: F.time, serverReply: "250 2.0.0 Ok", recipients: [],
                                                                copyToSent: false, claimingNextAt: F.time, skipping: []))
        #expect(second.id != first.id)
        #expect(try await store.outboxCounts() == [.sent: 1, .sending: 1])
        #expect(try await store.markDelivered(second.id, at: F.time, serverReply: "250 2.0.0 Ok", recipients: [],
                                              copyToSent: false, claimingNextAt: F.time, skipping: []) == nil)
        #expect(try await store.outboxCounts() == [.sent: 2])
        // A delivery recorded twice is refused, and claims nothing.
        await #expect(throws: StoreError.self) {
            try await store.markDelivered(second.id, at: F.time, serverReply: "again", recipients: [],
                                          copyToSent: false, claimingNextAt: F.time, skipping: [])
        }
    }
}
