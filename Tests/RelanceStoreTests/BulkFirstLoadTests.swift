import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore
import Testing

/// A large first load journals one line per customer instead of one per invoice (issue #17):
/// the store it leaves is the row-by-row import's, and each customer's timeline still names
/// every invoice that arrived, its amount and its due date.
@Suite("A large first load")
struct BulkFirstLoadTests {
    typealias F = StoreFixtures

    /// 40 invoices of 9 customers: one with a single invoice, one with an address the schema
    /// refuses, one in dollars, one whose terms run past the legal cap, two with accented names.
    static let items: [OpenItem] = (0..<40).map { n in
        let customer = n == 39 ? "C-SOLO" : "C00\(n % 8)"
        let email = n % 8 == 3 ? "not an address" : "compta\(n % 8)@client.example"
        var item = F.item(String(format: "F26-%04d", n), customer: customer, open: Int64(10_000 + n * 137),
                          due: n % 8 == 5 ? "2027-03-30" : String(format: "2026-10-%02d", 1 + n % 28), email: email)
        if n % 8 == 7 { item.open = Money(minorUnits: item.open.minorUnits, currency: Currency(code: "USD")!) }
        // Names the search index folds (accents, ligatures, a decomposed accent, the typographic
        // apostrophe): the load folds them in Swift, the triggers in SQL.
        if n % 8 == 2 { item.customerName = "Société Générale – Œuvre Straße" }
        if n % 8 == 4 { item.customerName = "Cafe\u{0301} L’Atelier ÆØÅ ÿ" }
        return item
    }

    func load(summaryMinimum: Int, language: Language = .french) async throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        try await store.registerCreditor(F.creditor, language: language, at: F.time)
        let receipt = try await store.importSnapshot(F.file("balance.csv"), F.snapshot(Self.items, asOf: "2026-11-27"), at: F.time,
                                                     summaryMinimum: summaryMinimum)
        #expect(receipt.newInvoices == 40)
        #expect(receipt.newCustomers == 9)
        return store
    }

    /// Every table the import writes, but the journal, as sorted text rows without ids.
    func contents(_ store: AppDatabase) async throws -> [String: [String]] {
        let queries = [
            "invoice": """
                SELECT c.external_id, i.creditor_id, i.number, i.currency, i.issued_on, i.due_on, i.due_source, i.total_minor,
                       i.open_minor, i.status, i.seen_as_of, i.first_import_id, i.last_import_id
                FROM invoice i JOIN customer c ON c.id = i.customer_id
                """,
            "customer": "SELECT creditor_id, external_id, name, needs_identification, created_at FROM customer",
            "customer_email": "SELECT c.external_id, e.address, e.role FROM customer_email e JOIN customer c ON c.id = e.customer_id",
            "task": "SELECT t.kind, t.state, t.title, t.detail, c.external_id FROM task t JOIN customer c ON c.id = t.customer_id",
            "import": "SELECT file_name, status, as_of, item_count FROM import",
            "events": "SELECT kind, COUNT(*) FROM event WHERE kind <> 'invoice.opened' GROUP BY kind",
            "search": "SELECT rowid FROM invoice_number_trigram WHERE invoice_number_trigram MATCH '\"26-0027\"'",
            // The console's customer search (v20): codes, names and addresses as the triggers write them.
            "customerSearch": "SELECT c.external_id, s.code, s.name, s.emails FROM customer_search s JOIN customer c ON c.id = s.rowid",
        ]
        return try await store.writer.read { db in
            try queries.mapValues { sql in
                try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map(\.description).joined(separator: "|") }.sorted()
            }
        }
    }

    @Test func leavesTheStoreTheRowByRowImportLeaves() async throws {
        let bulk = try await load(summaryMinimum: 1)
        let rowByRow = try await load(summaryMinimum: .max)
        let (bulkContents, rowContents) = (try await contents(bulk), try await contents(rowByRow))
        #expect(bulkContents == rowContents)
        #expect(bulkContents["invoice"]?.count == 40)
        #expect(bulkContents["search"]?.count == 1, "the console's search by a piece of an invoice number")
        #expect(bulkContents["customerSearch"]?.count == 9 && bulkContents["customerSearch"]?.contains { $0.contains("compta1@client.example") } == true,
                "\(bulkContents["customerSearch"] ?? [])")
        #expect(bulkContents["customerSearch"]?.contains { $0.contains("\"Societe Generale – oeuvre Strasse\"") } == true,
                "\(bulkContents["customerSearch"] ?? [])")
        #expect(try await bulk.openReceivables(of: F.creditor).map(\.open) == rowByRow.openReceivables(of: F.creditor).map(\.open))
        // The trigger that keeps the index is back, as the schema had it: a later invoice is found.
        let triggers = "SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        #expect(try await bulk.writer.read { try String.fetchAll($0, sql: triggers) }
                == rowByRow.writer.read { try String.fetchAll($0, sql: triggers) })
        // So are the invoices' indexes, built after the load (`InvoiceIndexPause`), each holding
        // every invoice.
        let indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoice' ORDER BY name"
        let indexRows = try bulk.writer.read { try Row.fetchAll($0, sql: indexes) }
        let rowByRowIndexRows = try rowByRow.writer.read { try Row.fetchAll($0, sql: indexes) }
        #expect(indexRows.count >= 5)
        #expect(indexRows.map(\.description) == rowByRowIndexRows.map(\.description))
        // An index that misses a row or holds one too many fails the integrity check.
        let integrity = try await bulk.writer.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
        _ = try await bulk.importSnapshot(F.file("balance-2.csv", sha: "b"), F.snapshot(Self.items + [F.item("ZX-77", open: 100)],
                                                                                         asOf: "2026-11-28"), at: F.time)
        #expect(try await bulk.writer.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM invoice_number_trigram WHERE invoice_number_trigram MATCH '\"ZX-77\"'")
        } == 1)
    }

    /// Each customer's timeline names the same invoices both ways, and the import that brought them.
    @Test func everyCustomersTimelineNamesItsInvoices() async throws {
        let bulk = try await load(summaryMinimum: 1)
        let rowByRow = try await load(summaryMinimum: .max)
        var bulkLines = 0
        for external in Set(Self.items.map(\.customer)) {
            let bulkID = try #require(try await bulk.customerID(external: external, of: F.creditor))
            let rowID = try #require(try await rowByRow.customerID(external: external, of: F.creditor))
            let bulkTimeline = try await bulk.events(ofCustomer: bulkID)
            let rowTimeline = try await rowByRow.events(ofCustomer: rowID)
            let invoices = Self.items.filter { $0.customer == external }.map(\.invoice)
            let bulkOpened = bulkTimeline.filter { $0.event.kind == "invoice.opened" }
            #expect(rowTimeline.filter { $0.event.kind == "invoice.opened" }.count == invoices.count)
            #expect(bulkOpened.count == 1, "one line per customer")
            bulkLines += bulkOpened.count
            for invoice in invoices {
                #expect(bulkOpened.contains { $0.event.summary.contains(invoice) }, "\(invoice) in \(bulkOpened.map(\.event.summary))")
            }
            #expect(bulkTimeline.contains { $0.event.kind == "import.applied" })
            #expect(Set(bulkTimeline.map(\.event.kind)) == Set(rowTimeline.map(\.event.kind)))
        }
        #expect(bulkLines == 9)
    }

    /// The lines come in the order the customers' first invoices came in the file, read back from
    /// the invoices the load inserted (nothing of them kept in memory meanwhile).
    @Test func theLinesComeInTheOrderOfEachCustomersFirstInvoice() async throws {
        let bulk = try await load(summaryMinimum: 1)
        var firstSeen: [String] = []
        for item in Self.items where !firstSeen.contains(item.customer) { firstSeen.append(item.customer) }
        var expected: [Int64] = []
        for external in firstSeen { expected.append(try #require(try await bulk.customerID(external: external, of: F.creditor))) }
        let lines = try await bulk.events(of: F.creditor, kinds: ["invoice.opened"], since: .distantPast)
        #expect(lines.compactMap(\.event.customerID) == expected)
    }

    @Test func theLineIsInTheCreditorsLanguage() async throws {
        let french = try await load(summaryMinimum: 1)
        let id = try #require(try await french.customerID(external: "C001", of: F.creditor))
        let line = try #require(try await french.events(ofCustomer: id).first { $0.event.kind == "invoice.opened" }).event
        #expect(line.summary == "5 factures ouvertes pour 616,45\u{00A0}€ (source des échéances : colonne échéance de l'export), "
                + "lues dans balance.csv : F26-0001 (101,37\u{00A0}€, échéance 02/10/2026), F26-0009 (112,33\u{00A0}€, échéance 10/10/2026), "
                + "F26-0017 (123,29\u{00A0}€, échéance 18/10/2026), F26-0025 (134,25\u{00A0}€, échéance 26/10/2026), "
                + "F26-0033 (145,21\u{00A0}€, échéance 06/10/2026).", "\(line.summary)")
        #expect(line.detail["invoices"] == "5")
        #expect(line.invoiceID == nil)
        let solo = try #require(try await french.customerID(external: "C-SOLO", of: F.creditor))
        let soloLine = try #require(try await french.events(ofCustomer: solo).first { $0.event.kind == "invoice.opened" }).event
        #expect(soloLine.summary.hasPrefix("Facture F26-0039 ouverte pour"), "a single invoice keeps its own line")
        #expect(soloLine.invoiceID != nil)

        let english = try await load(summaryMinimum: 1, language: .english)
        let englishID = try #require(try await english.customerID(external: "C001", of: F.creditor))
        let englishLine = try #require(try await english.events(ofCustomer: englishID).first { $0.event.kind == "invoice.opened" }).event
        #expect(englishLine.summary.hasPrefix("5 invoices open for "), "\(englishLine.summary)")
        #expect(englishLine.summary.contains("from balance.csv: F26-0001 ("), "\(englishLine.summary)")
    }

    /// An import into a book that already has invoices, or a small first one, keeps a line per invoice.
    @Test func smallOrLaterImportsKeepALinePerInvoice() async throws {
        let store = try await load(summaryMinimum: 1)
        let more = Self.items + [F.item("F26-9000", customer: "C001", open: 5_000), F.item("F26-9001", customer: "C001", open: 6_000)]
        _ = try await store.importSnapshot(F.file("balance-2.csv", sha: "b"), F.snapshot(more, asOf: "2026-11-28"), at: F.time,
                                           summaryMinimum: 1)
        let lines = try await store.events(of: F.creditor, kinds: ["invoice.opened"], since: .distantPast).map(\.event)
        #expect(lines.filter { $0.invoiceID != nil && $0.summary.hasPrefix("Facture F26-900") }.count == 2)
    }
}
