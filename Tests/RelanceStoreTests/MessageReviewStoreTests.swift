import Foundation
import RelanceCore
import RelanceStore
import Testing

/// A held or failed reminder decided by a person: sent again as it is, or skipped; its review
/// task closed in the same transaction.
@Suite struct MessageReviewStoreTests {
    typealias F = StoreFixtures

    private func held() async throws -> (AppDatabase, Int64) {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100)]), at: F.time)
        let receivable = try #require(try await store.openReceivables(of: F.creditor).first)
        let draft = MessageDraft(creditor: F.creditor, customerID: receivable.customer.id, step: "first-reminder",
                                 plannedOn: F.date("2026-11-23"),
                                 invoices: [InvoiceMention(invoiceID: receivable.invoiceID, step: "first-reminder", open: receivable.open)],
                                 to: receivable.customer.emails, cc: [])
        let id = try #require(try await store.enqueue(draft, at: F.time, compose: F.composed))
        _ = try #require(try await store.claimNextMessage(now: F.time.addingTimeInterval(5)))
        try await store.holdForReview(id, at: F.time, reason: .noEvidenceSource)
        return (store, id)
    }

    @Test func aHeldMessageIsListedWithItsTextAndWhy() async throws {
        let (store, id) = try await held()
        let waiting = try await store.messagesToReview(of: F.creditor)
        #expect(waiting.map(\.id) == [id])
        #expect(waiting[0].state == .held)
        #expect(waiting[0].reason == "no evidence source is configured: set `archive_bcc` or `sent_copy_lookup`")
        #expect(String(decoding: waiting[0].raw, as: UTF8.self).contains("Subject: test \(id)"))
    }

    @Test func sentAgainItIsQueuedAndItsTaskClosed() async throws {
        let (store, id) = try await held()
        try await store.decideMessage(id, .send, by: "marie", at: F.time)
        #expect(try await store.messagesToReview(of: nil).isEmpty)
        #expect(try await store.claimNextMessage(now: F.time.addingTimeInterval(10))?.id == id)
        let task = try #require(try await store.tasks(of: F.creditor, state: nil).first { $0.kind == .reviewMessage })
        #expect(task.state == .done)
        let events = try await store.recentEvents(of: F.creditor, limit: 10).map(\.event)
        #expect(events.contains { $0.kind == "message.released" && $0.summary.contains("marie") })
        await #expect(throws: StoreError.self) { try await store.decideMessage(id, .skip, by: "marie", at: F.time) }
    }

    @Test func skippedItNeverLeaves() async throws {
        let (store, id) = try await held()
        try await store.decideMessage(id, .skip, by: "marie", at: F.time)
        #expect(try await store.claimNextMessage(now: F.time.addingTimeInterval(10)) == nil)
        #expect(try await store.outboxCounts()[.cancelled] == 1)
        #expect(try await store.tasks(of: F.creditor, state: .open).isEmpty)
    }
}
