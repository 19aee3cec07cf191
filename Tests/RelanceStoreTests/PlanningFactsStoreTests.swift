import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
@testable import RelanceStore
import Testing

/// What the planner reads beside the invoices, the same on both stores: the ledger's freshness,
/// the last contact per customer (the day a reminder reached them), who still has a reminder on
/// its way, the contacts file's details, wrong numbers, payment claims and a person's
/// do-not-remind.
@Suite struct PlanningFactsStoreTests {
    typealias F = StoreFixtures

    /// Rows written beneath the ports, by the same SQL on both stores (what the people's ports
    /// write; the planner's read is what is under test).
    static func execute(_ sql: String, on book: any BookUnderTest) async throws {
        if let book = book as? SQLiteBook { return try book.store.executeForTesting(sql) }
        let store = try #require((book as? PostgresBook)?.store)
        try await store.connection { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: store.logger)
        }
    }

    static func draft(_ invoice: SeededInvoice, plannedOn: String) -> MessageDraft {
        MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder", plannedOn: F.date(plannedOn),
                     invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                     to: invoice.emails, cc: [])
    }

    @Test(arguments: StoreBackend.all) func theFactsOfABookReadTheSameOnBothStores(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let seeded = try await book.seed([F.item("F-1", open: 100), F.item("F-2", customer: "C002", open: 200),
                                              F.item("F-3", customer: "C003", open: 300)])
            let (one, two, three) = (seeded[0], seeded[1], seeded[2])
            // C001: planned on the 23rd, sent (after retries) at 00:53 UTC on the 30th — its UTC day counts.
            let sent = try #require(try await book.outbox.enqueue(Self.draft(one, plannedOn: "2026-11-23"), at: F.time, compose: F.composed))
            _ = try #require(try await book.outbox.claimNextMessage(now: F.time, skipping: []))
            try await book.outbox.markSent(sent, at: Date(timeIntervalSince1970: 1_796_000_000), serverReply: "250 ok")
            // C002: a reminder still queued.
            _ = try #require(try await book.outbox.enqueue(Self.draft(two, plannedOn: "2026-11-24"), at: F.time, compose: F.composed))

            try await Self.execute("""
                UPDATE customer SET phones = '["+33 1 23 45 67 89","+33 6 00 00 00 00"]', postal_address = 'Client Un' || char(10) || '1 rue de la Paix',
                    policy = 'gentle', initial_step = 'call', last_manual_contact_on = '2026-11-10' WHERE external_id = 'C001'
                """.replacingOccurrences(of: "char(10)", with: backend == .postgresql ? "chr(10)" : "char(10)"), on: book)
            try await Self.execute("UPDATE customer SET needs_identification = \(backend == .postgresql ? "true" : "1") WHERE external_id = 'C003'",
                                   on: book)
            try await Self.execute("""
                INSERT INTO invalid_phone (customer_id, phone, since) VALUES (\(one.customerID), '+33 6 00 00 00 00', '2026-11-20 10:00:00')
                """, on: book)
            try await Self.execute("""
                INSERT INTO payment_claim (invoice_id, paid_on, means, wait_until, created_at)
                VALUES (\(two.invoiceID), '2026-11-19', 'virement', '2026-11-27', '2026-11-20 10:00:00')
                """, on: book)
            try await Self.execute("""
                INSERT INTO customer_do_not_remind (customer_id, reason, set_by, set_at)
                VALUES (\(three.customerID), 'en liquidation judiciaire', 'marie', '2026-11-20 10:00:00')
                """, on: book)

            let facts = try await Self.facts(book)
            #expect(facts.latestAuthoritativeSnapshot == F.date("2026-11-20"))
            #expect(facts.lastContacts == [one.customerID: F.date("2026-11-30"), two.customerID: F.date("2026-11-24")])
            #expect(facts.pendingMessages == [two.customerID])
            let profile = try #require(facts.profiles[one.customerID])
            #expect(profile == StoredCustomerProfile(doNotRemind: false, phones: ["+33 1 23 45 67 89", "+33 6 00 00 00 00"],
                                                     postalAddress: ["Client Un", "1 rue de la Paix"], policy: "gentle",
                                                     initialStep: "call", lastManualContact: F.date("2026-11-10")))
            #expect(facts.profiles[three.customerID]?.doNotRemind == true, "a buyer nobody identified is never reminded")
            #expect(facts.profiles.count == 3)
            #expect(facts.invalidPhones == [one.customerID: ["+33 6 00 00 00 00"]])
            #expect(facts.paymentClaims == [two.invoiceID: PaymentClaimHold(paidOn: F.date("2026-11-19"), means: "virement",
                                                                            waitUntil: F.date("2026-11-27"))])
            #expect(facts.personDoNotRemind[three.customerID].map { [$0.reason, $0.setBy] } == ["en liquidation judiciaire", "marie"])
        }
    }

    static func facts(_ book: any BookUnderTest) async throws -> StoredPlanningFacts {
        if let book = book as? SQLiteBook { return try await book.store.planningFacts(of: F.creditor) }
        return try await #require((book as? PostgresBook)?.store).planningFacts(of: F.creditor)
    }
}
