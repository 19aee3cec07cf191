import Foundation
import GRDB
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
@testable import RelanceStore
import Testing

/// A batch's deliveries recorded in a few statements (`settleBatch`, issue #17), on both stores:
/// each message keeps its own time, reply and recipients' answers, and a batch with a message
/// that is no longer `sending` records nothing at all.
@Suite struct DeliveryBatchTests {
    typealias F = StoreFixtures

    private func draft(_ invoice: SeededInvoice) -> MessageDraft {
        MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder", plannedOn: F.date("2026-11-23"),
                     invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                     to: invoice.emails)
    }

    /// Three customers, each with its first reminder queued and then claimed in one batch.
    private func threeClaimed(_ book: any BookUnderTest) async throws -> [Int64] {
        let invoices = try await book.seed((1...3).map { F.item("F-\($0)", customer: "C00\($0)", open: 100, email: "compta@c00\($0).example") })
        for invoice in invoices { _ = try #require(try await book.outbox.enqueue(draft(invoice), at: F.time, compose: F.composed)) }
        let ids = try await book.batches.claimMessages(now: F.time, skipping: [], limit: 10).map(\.id)
        #expect(ids.count == 3)
        return ids
    }

    /// The recipients' answers as stored: address → verdict (nil while none is known).
    private func verdicts(_ book: any BookUnderTest, of id: Int64) async throws -> [String: String?] {
        if let sqlite = book as? SQLiteBook {
            return try await sqlite.store.writer.read { db in
                var verdicts: [String: String?] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT address, verdict FROM message_recipient WHERE message_id = ?", arguments: [id]) {
                    verdicts[row["address"]] = row["verdict"] as String?
                }
                return verdicts
            }
        }
        let postgres = try #require(book as? PostgresBook)
        return try await postgres.store.connection { connection in
            var verdicts: [String: String?] = [:]
            let rows = try await connection.query("SELECT address, verdict FROM message_recipient WHERE message_id = \(id)",
                                                  logger: postgres.store.logger)
            for try await (address, verdict) in rows.decode((String, String?).self) { verdicts[address] = verdict }
            return verdicts
        }
    }

    @Test(arguments: StoreBackend.all) func aBatchWithARefusedRecipientInTheMiddleRecordsEachMessageAsItWent(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let ids = try await threeClaimed(book)
            let accepted = { (n: Int) in RecipientReply(address: "compta@c00\(n).example", reply: "250 2.1.5 Ok", verdict: .accepted) }
            let refused = RecipientReply(address: "COMPTA@c002.example", reply: "550 5.1.1 unknown", verdict: .wrongAddress)
            let next = try await book.batches.settleBatch(delivered: [
                DeliveryRecord(id: ids[0], at: F.time, serverReply: "250 2.0.0 Ok: queued as A", recipients: [accepted(1)], copyToSent: false),
                DeliveryRecord(id: ids[1], at: F.time.addingTimeInterval(1), serverReply: "250 2.0.0 Ok: queued as B", recipients: [refused],
                               copyToSent: true),
                DeliveryRecord(id: ids[2], at: F.time.addingTimeInterval(2), serverReply: "250 2.0.0 Ok: queued as C", recipients: [accepted(3)],
                               copyToSent: false),
            ], unclaimed: [], at: F.time, claimingNext: 5, skipping: [])
            #expect(next.isEmpty)
            #expect(try await book.outbox.outboxCounts() == [.sent: 3])
            #expect(try await verdicts(book, of: ids[0]) == ["compta@c001.example": "accepted"])
            #expect(try await verdicts(book, of: ids[1]) == ["compta@c002.example": "wrong-address"])
            #expect(try await verdicts(book, of: ids[2]) == ["compta@c003.example": "accepted"])
            let events = try await book.journal.recentEvents(of: F.creditor, limit: 100).map(\.event).reversed()
            let sent = events.filter { $0.kind == "message.sent" }
            #expect(sent.map(\.messageID) == ids.map { $0 })
            #expect(sent.map(\.time) == [F.time, F.time.addingTimeInterval(1), F.time.addingTimeInterval(2)])
            #expect(zip(sent, ["queued as A", "queued as B", "queued as C"]).allSatisfy { $0.summary.contains($1) })
            #expect(sent.allSatisfy { $0.customerID != nil && $0.creditor == F.creditor })
            let refusals = events.filter { $0.kind == "address.refused" }
            #expect(refusals.map(\.messageID) == [ids[1]])
            #expect(refusals.first?.detail["role"] == "to")
            // Only the message whose creditor keeps a Sent copy waits for one.
            #expect(try await book.recovery.pendingSentCopies(of: F.creditor, limit: 10).map(\.id) == [ids[1]])
        }
    }

    /// The batch's middle message was recorded meanwhile (by a recovery, say): the whole
    /// settlement is refused, and the other two stay `sending`, to be settled from evidence.
    @Test(arguments: StoreBackend.all) func aBatchWithAMessageNoLongerSendingRecordsNothing(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let ids = try await threeClaimed(book)
            try await book.recovery.markDelivered(ids[1], at: F.time, serverReply: "250 Ok", recipients: [], copyToSent: false)
            await #expect {
                try await book.batches.settleBatch(delivered: ids.map {
                    DeliveryRecord(id: $0, at: F.time, serverReply: "250 Ok", recipients: [], copyToSent: false)
                }, unclaimed: [], at: F.time, claimingNext: 0, skipping: [])
            } throws: { book.isInvalidState($0) }
            #expect(try await book.outbox.outboxCounts() == [.sent: 1, .sending: 2])
            // The same message twice in one batch is refused as well: it can be recorded once only.
            await #expect {
                try await book.batches.settleBatch(delivered: [ids[0], ids[0]].map {
                    DeliveryRecord(id: $0, at: F.time, serverReply: "250 Ok", recipients: [], copyToSent: false)
                }, unclaimed: [], at: F.time, claimingNext: 0, skipping: [])
            } throws: { book.isInvalidState($0) }
            #expect(try await book.outbox.outboxCounts() == [.sent: 1, .sending: 2])
            let kinds = try await book.journal.recentEvents(of: F.creditor, limit: 100).map(\.event.kind)
            #expect(kinds.filter { $0 == "message.sent" }.count == 1)
        }
    }
}
