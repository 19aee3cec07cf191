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

    @Test func anInterruptedSendIsHeldNotResent() async throws {
        let (store, receivable) = try await storeWithOneInvoice()
        _ = try await store.enqueue(draft(receivable), at: F.time, compose: F.composed)
        let claimed = try #require(try await store.claimNextMessage(now: F.time))
        // The process dies here. On restart:
        #expect(try await store.holdInterruptedSends(at: F.time) == [claimed.id])
        #expect(try await store.claimNextMessage(now: F.time) == nil)
        #expect(try await store.outboxCounts() == [.held: 1])
    }
}
