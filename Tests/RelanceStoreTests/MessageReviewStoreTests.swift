import Foundation
import RelanceCore
import RelanceStore
import Testing

/// A held or failed reminder decided by a person: sent again as it is, or skipped; its review
/// task closed in the same transaction. Against both stores (`StoreBackend`).
@Suite struct MessageReviewStoreTests {
    typealias F = StoreFixtures

    /// A message interrupted while sending, with no evidence source: held for a person.
    private func held(_ book: any BookUnderTest) async throws -> Int64 {
        let invoice = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
        let draft = MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder",
                                 plannedOn: F.date("2026-11-23"),
                                 invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                                 to: invoice.emails, cc: [])
        let id = try #require(try await book.outbox.enqueue(draft, at: F.time, compose: F.composed))
        _ = try #require(try await book.outbox.claimNextMessage(now: F.time.addingTimeInterval(5), skipping: []))
        try await book.claimerDied()
        try await book.recovery.holdForReview(id, at: F.time, reason: .noEvidenceSource)
        return id
    }

    @Test(arguments: StoreBackend.all) func aHeldMessageIsListedWithItsTextAndWhy(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let id = try await held(book)
            let waiting = try await book.review.messagesToReview(of: F.creditor)
            #expect(waiting.map(\.id) == [id])
            #expect(waiting.first?.state == .held)
            #expect(waiting.first?.recipients == ["compta@client.example"])
            #expect(waiting.first?.reason == "no evidence source is configured: set `archive_bcc` or `sent_copy_lookup`")
            let text = String(decoding: try #require(waiting.first).raw, as: UTF8.self)
            #expect(text.contains("Subject: test \(id)"))
            #expect(try await book.inspection.invoiceNumbers(ofMessage: id) == ["F-1"])
        }
    }

    @Test(arguments: StoreBackend.all) func sentAgainItIsQueuedAndItsTaskClosed(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let id = try await held(book)
            try await book.review.decideMessage(id, .send, by: "marie", at: F.time)
            #expect(try await book.review.messagesToReview(of: nil).isEmpty)
            #expect(try await book.outbox.claimNextMessage(now: F.time.addingTimeInterval(10), skipping: [])?.id == id)
            let task = try #require(try await book.tasks(nil).first { $0.kind == .reviewMessage })
            #expect(task.state == .done)
            let events = try await book.journal.recentEvents(of: F.creditor, limit: 10).map(\.event)
            #expect(events.contains { $0.kind == "message.released" && $0.summary.contains("marie") })
            await #expect { try await book.review.decideMessage(id, .skip, by: "marie", at: F.time) } throws: { book.isInvalidState($0) }
        }
    }

    @Test(arguments: StoreBackend.all) func skippedItNeverLeaves(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let id = try await held(book)
            try await book.review.decideMessage(id, .skip, by: "marie", at: F.time)
            #expect(try await book.outbox.claimNextMessage(now: F.time.addingTimeInterval(10), skipping: []) == nil)
            #expect(try await book.outbox.outboxCounts()[.cancelled] == 1)
            #expect(try await book.tasks(.open).isEmpty)
            #expect(try await book.tasks(.cancelled).map(\.kind) == [.reviewMessage])
        }
    }

    @Test(arguments: StoreBackend.all) func aRetryIsDueAtItsTimeAndAFailedMessageWaitsForAPerson(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoices = try await book.seed([F.item("F-1", customer: "C001", open: 100), F.item("F-2", customer: "C002", open: 200)])
            var ids: [Int64] = []
            for invoice in invoices {
                let draft = MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder",
                                         plannedOn: F.date("2026-11-23"),
                                         invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                                         to: invoice.emails)
                ids.append(try #require(try await book.outbox.enqueue(draft, at: F.time, compose: F.composed)))
            }
            #expect(try await book.inspection.nextRetry(of: F.creditor) == nil)
            _ = try await book.outbox.claimNextMessage(now: F.time, skipping: [])
            try await book.outbox.markForRetry(ids[0], at: F.time, retryAt: F.time.addingTimeInterval(900), reason: "451 4.3.0 later")
            _ = try await book.outbox.claimNextMessage(now: F.time, skipping: [])
            try await book.outbox.markFailed(ids[1], at: F.time, reason: "550 5.7.1 refused")
            #expect(try await book.inspection.nextRetry(of: F.creditor) == F.time.addingTimeInterval(900))
            let waiting = try await book.review.messagesToReview(of: F.creditor)
            #expect(waiting.map(\.id) == [ids[1]] && waiting.first?.reason == "550 5.7.1 refused")
            try await book.review.decideMessage(ids[1], .send, by: "marie", at: F.time)
            #expect(try await book.outbox.claimNextMessage(now: F.time, skipping: [])?.id == ids[1])
        }
    }
}
