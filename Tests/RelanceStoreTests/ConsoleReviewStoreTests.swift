import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore
import Testing

/// v12-console-review: review mode's messages awaiting approval, a person's do-not-remind and
/// the console's sessions, as the store keeps them.
@Suite struct ConsoleReviewStoreTests {
    typealias F = StoreFixtures

    private func awaiting() async throws -> (AppDatabase, Int64, Receivable) {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100)]), at: F.time)
        let receivable = try #require(try await store.openReceivables(of: F.creditor).first)
        let id = try #require(try await store.enqueue(Self.draft(receivable), at: F.time, compose: F.composed))
        return (store, id, receivable)
    }

    /// One reminder of F-1 awaiting approval, in either store.
    private func awaiting(_ book: any BookUnderTest) async throws -> (Int64, SeededInvoice) {
        let invoice = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
        let id = try #require(try await book.outbox.enqueue(Self.draft(invoice), at: F.time, compose: F.composed))
        return (id, invoice)
    }

    static func draft(_ receivable: Receivable, awaitingApproval: Bool = true) -> MessageDraft {
        draft(SeededInvoice(invoiceID: receivable.invoiceID, customerID: receivable.customer.id, number: receivable.number,
                            open: receivable.open, emails: receivable.customer.emails), awaitingApproval: awaitingApproval)
    }

    static func draft(_ invoice: SeededInvoice, awaitingApproval: Bool = true) -> MessageDraft {
        MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder", plannedOn: F.date("2026-11-23"),
                     invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                     to: invoice.emails, cc: [], awaitingApproval: awaitingApproval)
    }

    @Test(arguments: StoreBackend.all) func aMessageAwaitingApprovalIsStoredOnceListedAndNeverClaimed(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let (id, invoice) = try await awaiting(book)
            let waiting = try await book.review.messagesToReview(of: F.creditor)
            #expect(waiting.map(\.id) == [id] && waiting.first?.state == .awaitingApproval)
            #expect(try await book.outbox.outboxCounts()[.awaitingApproval] == 1)
            #expect(try await book.outbox.claimNextMessage(now: F.time.addingTimeInterval(60), skipping: []) == nil)
            // Exactly once: the same invoice and step cannot be stored again, awaiting or queued.
            #expect(try await book.outbox.enqueue(Self.draft(invoice), at: F.time, compose: F.composed) == nil)
            #expect(try await book.outbox.enqueue(Self.draft(invoice, awaitingApproval: false), at: F.time, compose: F.composed) == nil)
            let events = try await book.journal.recentEvents(of: F.creditor, limit: 10).map(\.event)
            #expect(events.contains { $0.kind == "message.awaiting-approval" && $0.messageID == id })
        }
    }

    @Test func theSchemaRefusesAnAwaitingMessageThatWasTried() async throws {
        let (store, id, _) = try await awaiting()
        #expect(throws: DatabaseError.self) { try store.executeForTesting("UPDATE message SET attempts = 1 WHERE id = \(id)") }
    }

    @Test(arguments: StoreBackend.all) func approvedItIsQueuedAndLeavesJournaledWithThePersonsName(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let (id, _) = try await awaiting(book)
            try await book.review.decideMessage(id, .send, by: "marie", at: F.time)
            #expect(try await book.review.messagesToReview(of: nil).isEmpty)
            #expect(try await book.outbox.claimNextMessage(now: F.time.addingTimeInterval(10), skipping: [])?.id == id)
            let events = try await book.journal.recentEvents(of: F.creditor, limit: 10).map(\.event)
            let approved = try #require(events.first { $0.kind == "message.approved" })
            #expect(approved.summary.contains("marie") && approved.detail["by"] == "marie")
            await #expect { try await book.review.decideMessage(id, .skip, by: "marie", at: F.time) } throws: { book.isInvalidState($0) }
        }
    }

    @Test(arguments: StoreBackend.all) func skippedItIsCancelledAndItsStepCountsAsTaken(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let (id, invoice) = try await awaiting(book)
            try await book.review.decideMessage(id, .skip, by: "marie", at: F.time)
            #expect(try await book.outbox.claimNextMessage(now: F.time.addingTimeInterval(10), skipping: []) == nil)
            #expect(try await book.outbox.outboxCounts()[.cancelled] == 1)
            #expect(try await book.outbox.enqueue(Self.draft(invoice, awaitingApproval: false), at: F.time, compose: F.composed) == nil)
            let events = try await book.journal.recentEvents(of: F.creditor, limit: 10).map(\.event)
            #expect(events.contains { $0.kind == "message.skipped" && $0.summary.contains("marie") })
        }
    }

    @Test(arguments: StoreBackend.all) func aMessageStillAwaitingTheNextDayIsWithdrawnWithoutCountingItsStep(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let (id, invoice) = try await awaiting(book)   // planned on 23/11/2026
            #expect(try await book.review.withdrawStaleApprovals(of: F.creditor, before: F.date("2026-11-23"), at: F.time).isEmpty,
                    "written today: left for approval")
            #expect(try await book.review.withdrawStaleApprovals(of: F.creditor, before: F.date("2026-11-24"), at: F.time) == [id])
            #expect(try await book.review.messagesToReview(of: F.creditor).isEmpty)
            #expect(try await book.outbox.outboxCounts()[.cancelled] == 1)
            // The step is free again: today's plan writes it anew, with today's figures.
            var today = Self.draft(invoice)
            today.plannedOn = F.date("2026-11-24")
            #expect(try await book.outbox.enqueue(today, at: F.time, compose: F.composed) != nil)
            let events = try await book.journal.recentEvents(of: F.creditor, limit: 10).map(\.event)
            #expect(events.contains { $0.kind == "message.cancelled" && $0.messageID == id && $0.summary.contains("not approved since") })
        }
    }

    @Test func aWithdrawnApprovalLeavesTheStoreIntact() async throws {
        let (store, _, _) = try await awaiting()
        _ = try await store.withdrawStaleApprovals(of: F.creditor, before: F.date("2026-11-24"), at: F.time)
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test(arguments: StoreBackend.all) func approvedAfterTheInvoiceWasPaidItIsCancelledAtClaim(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let (id, _) = try await awaiting(book)
            // A newer authoritative export no longer lists F-1: settled.
            try await book.reimport([])
            try await book.review.decideMessage(id, .send, by: "marie", at: F.time.addingTimeInterval(6))
            #expect(try await book.outbox.claimNextMessage(now: F.time.addingTimeInterval(10), skipping: []) == nil)
            #expect(try await book.outbox.outboxCounts()[.cancelled] == 1)
        }
    }

    @Test func approvedAfterTheCustomerWasPausedItIsCancelledAtClaim() async throws {
        let (store, id, receivable) = try await awaiting()
        _ = try await store.holdCustomer(receivable.customer.id, kind: .manual, until: nil, reason: "on the phone", at: F.time)
        try await store.decideMessage(id, .send, by: "marie", at: F.time)
        #expect(try await store.claimNextMessage(now: F.time.addingTimeInterval(10), skipping: []) == nil)
        #expect(try await store.outboxCounts()[.cancelled] == 1)
    }

    @Test func aPersonsDoNotRemindOutlivesAContactsImportAndIsRemovedJournaled() async throws {
        let store = try await F.freshStore()
        let contacts = ImportedFile(creditor: F.creditor, fileName: "contacts.csv", sha256: String(repeating: "c", count: 64), byteCount: 10,
                                    kind: "contacts")
        _ = try await store.importContacts(contacts, [CustomerProfile(externalID: "C001", name: "Client Un", emailsTo: ["a@un.example"])], at: F.time)
        let customer = try #require(try await store.customerID(external: "C001", of: F.creditor))
        await #expect(throws: StoreError.self) { try await store.setDoNotRemind(customerID: customer, reason: " \n ", by: "marie", at: F.time) }
        await #expect(throws: StoreError.self) { try await store.setDoNotRemind(customerID: customer, reason: "a\nb", by: "marie", at: F.time) }
        try await store.setDoNotRemind(customerID: customer, reason: "en liquidation judiciaire", by: "marie", at: F.time)
        #expect(try await store.doNotRemind(customerID: customer)?.setBy == "marie")
        // A later contacts file that says nothing of it (do_not_remind false) leaves it.
        let later = ImportedFile(creditor: F.creditor, fileName: "contacts2.csv", sha256: String(repeating: "d", count: 64), byteCount: 10,
                                 kind: "contacts")
        _ = try await store.importContacts(later, [CustomerProfile(externalID: "C001", name: "Client Un", emailsTo: ["b@un.example"])],
                                           at: F.time.addingTimeInterval(60))
        #expect(try await store.doNotRemind(customerID: customer)?.reason == "en liquidation judiciaire")
        #expect(try await store.planningFacts(of: F.creditor).personDoNotRemind[customer]?.setBy == "marie")
        try await store.removeDoNotRemind(customerID: customer, by: "paul", at: F.time.addingTimeInterval(120))
        #expect(try await store.doNotRemind(customerID: customer) == nil)
        await #expect(throws: StoreError.self) { try await store.removeDoNotRemind(customerID: customer, by: "paul", at: F.time) }
        let kinds = try await store.events(ofCustomer: customer).map(\.event.kind)
        #expect(kinds.contains("customer.do-not-remind") && kinds.contains("customer.do-not-remind-removed"))
    }
}

/// v12-console-review rebuilds `message`: a store written before it keeps every message, with
/// its recipients, invoices and events, and every index.
@Suite struct ConsoleReviewMigrationTests {
    @Test func aStoreBeforeV12KeepsEveryMessageAndAcceptsAwaitingApproval() throws {
        let queue = try StoreFixtures.queue(migratedUpTo: "v10-creditor-language")
        let sha = String(repeating: "a", count: 64)
        let states = ["queued", "sending", "sent", "retry", "failed", "held", "cancelled"]
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO creditor (id, created_at) VALUES ('acme', '2026-11-01');
                INSERT INTO import (id, creditor_id, file_name, sha256, byte_count, kind, status, as_of, authoritative, item_count, imported_at)
                    VALUES (7, 'acme', 'a.csv', '\(sha)', 10, 'open-invoices', 'applied', '2026-11-01', 1, 1, '2026-11-01');
                INSERT INTO customer (id, creditor_id, external_id, created_at) VALUES (1, 'acme', 'C1', '2026-11-01');
                INSERT INTO invoice (id, creditor_id, customer_id, number, currency, open_minor, status, seen_as_of, first_import_id, last_import_id)
                    VALUES (1, 'acme', 1, 'F-1', 'EUR', 100, 'open', '2026-11-01', 7, 7);
                """)
            for (index, state) in states.enumerated() {
                let id = index + 1
                try db.execute(sql: """
                    INSERT INTO message (id, creditor_id, customer_id, step, planned_on, rfc_message_id, envelope_from, raw, state, attempts,
                                         next_attempt_at, created_at, sent_at, server_reply, last_error, sent_copy)
                    VALUES (?, 'acme', 1, 'step-\(id)', '2026-11-02', '<m\(id)@acme.example>', 'bounces@acme.example', x'41424344', ?, ?, ?,
                            '2026-11-02 10:00:00', ?, ?, ?, ?);
                    INSERT INTO message_recipient (message_id, address, role, reply, verdict) VALUES (?, 'a@b.example', 'to', '250 ok', NULL);
                    INSERT INTO message_invoice (message_id, invoice_id, step, stated_open_minor, cancelled) VALUES (?, 1, 'step-\(id)', 100, 0);
                    INSERT INTO event (at, kind, creditor_id, message_id, summary) VALUES ('2026-11-02', 'message.queued', 'acme', ?, 'x');
                    """, arguments: [id, state, state == "queued" ? 0 : 1, state == "retry" ? "2026-11-03 10:00:00" : nil,
                                     state == "sent" ? "2026-11-02 10:01:00" : nil, state == "sent" ? "250 ok" : nil,
                                     state == "failed" ? "550 no" : nil, state == "sent" ? "pending" : nil, id, id, id])
            }
        }
        // Every column as it was; the bytes moved to `message_body` since v25-message-body.
        let columns = """
            id, creditor_id, customer_id, step, planned_on, rfc_message_id, envelope_from, state, attempts, next_attempt_at, created_at,
            sent_at, server_reply, last_error, sent_copy
            """
        let before = try queue.read { db in try Row.fetchAll(db, sql: "SELECT \(columns), raw FROM message ORDER BY id") }
        let store = try AppDatabase(queue)
        let after = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT \(columns), (SELECT raw FROM message_body WHERE message_id = message.id) AS raw FROM message ORDER BY id")
        }
        #expect(after == before)
        #expect(try store.integrityProblems().isEmpty)
        let orphans = try queue.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(orphans.isEmpty)
        let indexes = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'message' AND sql IS NOT NULL ORDER BY name")
        }
        // v12's rebuild keeps the table's indexes; v13-console-indexes adds `message_customer` after
        // it, v16-console-balance `message_creditor_newest`.
        #expect(indexes == ["message_awaiting_approval", "message_claimable", "message_creditor_newest", "message_customer", "message_due",
                            "message_sent_copy_pending"])
        let counts = try queue.read { db in
            try Int.fetchAll(db, sql: """
                SELECT (SELECT count(*) FROM message_recipient) UNION ALL SELECT (SELECT count(*) FROM message_invoice)
                UNION ALL SELECT (SELECT count(*) FROM event WHERE message_id IS NOT NULL)
                """)
        }
        #expect(counts == [7, 7, 7])
        try store.executeForTesting("UPDATE message SET state = 'awaiting-approval', attempts = 0 WHERE id = 1")
        #expect(throws: DatabaseError.self) { try store.executeForTesting("UPDATE message SET state = 'bogus' WHERE id = 1") }
        // The event journal's triggers still refuse edits (the rebuilt table is referenced, not rewritten).
        #expect(throws: DatabaseError.self) { try store.executeForTesting("DELETE FROM event") }
        // The claim still finds a queued message through its index.
        try store.executeForTesting("UPDATE message SET state = 'queued' WHERE id = 1")
        #expect(try queue.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM message INDEXED BY message_claimable WHERE state IN ('queued', 'retry') ORDER BY id LIMIT 1") } == 1)
    }
}
