import Foundation
import GRDB
@testable import RelanceStore
import RelanceCore
import Testing

/// The customers' trigram index (v20-console-search): accents and ligatures folded as a French
/// user types, kept by triggers through imports, renames, corrected addresses and purges, and
/// built for a book that existed before it.
@Suite struct CustomerSearchIndexTests {
    typealias F = StoreFixtures

    static func item(_ code: String, _ name: String, _ email: String, _ invoice: String) -> OpenItem {
        OpenItem(customer: code, customerName: name, invoice: invoice, due: F.date("2026-10-01"), open: F.euros(100), emails: [email])
    }

    static func book() async throws -> AppDatabase {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([
            item("C1", "Société Générale", "compta@sg.example", "FA-1"),
            item("C2", "SOCIETE DUPONT", "ap@dupont.example", "FA-2"),
            item("C3", "L\u{2019}Atelier de Noël", "noel@atelier.example", "FA-3"),
            item("C4", "ŒUVRES D’ART", "art@oeuvres.example", "FA-4"),
            // Stored decomposed (e + combining acute), as some exports write it.
            item("C5", "Cafe\u{301} du Port", "port@cafe.example", "FA-5"),
        ]), at: F.time)
        return store
    }

    func codes(_ store: AppDatabase, _ text: String) async throws -> [String] {
        try await store.searchCustomers(of: F.creditor, containing: text, limit: 50).map(\.externalID)
    }

    /// The index holds, for each customer, exactly its fields folded now.
    func indexIsTheCustomersFolded(_ store: AppDatabase) async throws {
        try await store.writer.read { db in
            let indexed = try Row.fetchAll(db, sql: "SELECT rowid, code, name, emails FROM customer_search ORDER BY rowid")
            let expected = try Row.fetchAll(db, sql: """
                SELECT id, \(SearchFolding.sql("external_id")), \(SearchFolding.sql("COALESCE(name, '')")),
                       COALESCE((SELECT group_concat(address, char(10)) FROM customer_email WHERE customer_id = customer.id), '')
                FROM customer ORDER BY id
                """)
            let values: ([Row]) -> [[DatabaseValue]] = { rows in rows.map { Array($0.databaseValues) } }
            #expect(values(indexed) == values(expected))
        }
    }

    @Test func accentsCaseAndLigaturesAreFolded() async throws {
        let store = try await Self.book()
        for text in ["societe", "SOCIÉTÉ", "Société", "sociét", "ÉTÉ"] {
            #expect(try await codes(store, text) == ["C1", "C2"], "\(text)")
        }
        #expect(try await codes(store, "société générale") == ["C1"])
        #expect(try await codes(store, "l'atelier") == ["C3"])
        #expect(try await codes(store, "L’ATELIER DE NOEL") == ["C3"])
        #expect(try await codes(store, "oeuvres d'art") == ["C4"])
        #expect(try await codes(store, "œuvre") == ["C4"])
        #expect(try await codes(store, "café") == ["C5"])
        #expect(try await codes(store, "cafe du") == ["C5"])
        #expect(try await codes(store, "ËL") == ["C3"])               // short: every folded field read
        #expect(try await codes(store, "@DUPONT") == ["C2"])
        #expect(try await codes(store, "fa-3") == ["C3"])             // the invoices' index, unchanged
        #expect(try await codes(store, "\u{301}").isEmpty)            // folds to nothing: finds nothing
        #expect(try await codes(store, "\"").isEmpty)
        try await indexIsTheCustomersFolded(store)
    }

    @Test func theTriggersKeepTheIndexThroughRenamesAddressesAndPurges() async throws {
        let store = try await Self.book()
        // A later export renames C2 and changes its address.
        _ = try await store.importSnapshot(F.file("b.csv", sha: "b"), F.snapshot([
            Self.item("C1", "Société Générale", "compta@sg.example", "FA-1"),
            Self.item("C2", "Établissements Martin", "factures@martin.example", "FA-2"),
            Self.item("C3", "L\u{2019}Atelier de Noël", "noel@atelier.example", "FA-3"),
            Self.item("C4", "ŒUVRES D’ART", "art@oeuvres.example", "FA-4"),
            Self.item("C5", "Cafe\u{301} du Port", "port@cafe.example", "FA-5"),
        ], asOf: "2026-11-21"), at: F.time.addingTimeInterval(86_400))
        #expect(try await codes(store, "etablissements") == ["C2"])
        #expect(try await codes(store, "societe dupont").isEmpty)
        let c3 = try #require(try await store.customerID(external: "C3", of: F.creditor))
        try await store.addCorrectedAddress(EmailAddress("direction@atelier.example")!, toCustomer: c3, by: "marie", at: F.time)
        #expect(try await codes(store, "direction@atelier") == ["C3"])
        try await indexIsTheCustomersFolded(store)
        // A purge (retention) takes the name and the addresses out of the index too.
        try await store.writer.write { db in
            try db.execute(sql: "UPDATE customer SET name = NULL WHERE id = ?", arguments: [c3])
            try db.execute(sql: "DELETE FROM customer_email WHERE customer_id = ?", arguments: [c3])
        }
        #expect(try await codes(store, "atelier").isEmpty)
        try await indexIsTheCustomersFolded(store)
    }

    @Test func theIndexIsBuiltForABookThatExistedBefore() async throws {
        let queue = try F.queue(migratedUpTo: "v18-bank-check-payment-task")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO creditor (id, created_at, language) VALUES ('acme', '2026-11-01', 'fr');
                INSERT INTO customer (id, creditor_id, external_id, name, created_at) VALUES (1, 'acme', 'C1', 'Société Un', '2026-11-01'),
                    (2, 'acme', 'C2', NULL, '2026-11-01');
                INSERT INTO customer_email (customer_id, address, role) VALUES (1, 'un@un.example', 'to'), (2, 'deux@deux.example', 'to'),
                    (2, 'copie@deux.example', 'cc');
                """)
        }
        let store = try AppDatabase(queue)
        #expect(try await codes(store, "societe un") == ["C1"])
        #expect(try await codes(store, "copie@deux") == ["C2"])
        try await indexIsTheCustomersFolded(store)
        let plan = try await store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT rowid FROM customer_search WHERE customer_search MATCH '\"societe\"'")
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("VIRTUAL TABLE INDEX") }, "\(plan)")
        #expect(try store.integrityProblems().isEmpty)
    }

    /// v20's SQL is computed from `SearchFolding` and `customerSearchEmails`: a change to either
    /// would silently change a migration that stores have already applied. Its text is pinned
    /// in `Frozen/v20-console-search.sql`; a change needs a new migration that rebuilds the
    /// index, not an edit. On a mismatch the text now computed is written to a temporary file.
    @Test func theMigrationsTextIsFrozen() throws {
        let frozen = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Frozen/v20-console-search.sql")
        let now = AppDatabase.consoleSearchMigration
        let pinned = (try? String(contentsOf: frozen, encoding: .utf8)) ?? ""
        if now != pinned {
            let computed = FileManager.default.temporaryDirectory.appendingPathComponent("v20-console-search.computed.sql")
            try now.write(to: computed, atomically: true, encoding: .utf8)
            Issue.record("v20-console-search's SQL differs from \(frozen.path) (computed text in \(computed.path)): add a migration instead of changing SearchFolding")
        }
    }
}
