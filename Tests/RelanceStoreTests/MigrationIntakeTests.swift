import Foundation
import GRDB
import Testing
import RelanceCore
@testable import RelanceStore

/// v5-intake rebuilds the `import` table: a store written before it must come through whole.
@Suite struct MigrationIntakeTests {
    @Test func aStoreBeforeIntakeKeepsItsImportsInvoicesAndEventsAndAcceptsHeldImports() throws {
        let queue = try StoreFixtures.queue(migratedUpTo: "v4-outbox-evidence")
        let sha = String(repeating: "a", count: 64)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO creditor (id, created_at) VALUES ('acme', '2026-11-01');
                INSERT INTO import (id, creditor_id, file_name, sha256, byte_count, kind, status, as_of, authoritative, item_count, imported_at)
                    VALUES (7, 'acme', 'a.csv', '\(sha)', 10, 'open-invoices', 'applied', '2026-11-01', 1, 1, '2026-11-01');
                INSERT INTO import (id, creditor_id, file_name, sha256, byte_count, kind, status, error, imported_at)
                    VALUES (8, 'acme', 'b.csv', '\(sha)', 10, 'unknown', 'rejected', 'bad date', '2026-11-01');
                INSERT INTO customer (id, creditor_id, external_id, created_at) VALUES (1, 'acme', 'C1', '2026-11-01');
                INSERT INTO invoice (creditor_id, customer_id, number, currency, open_minor, status, seen_as_of, first_import_id, last_import_id)
                    VALUES ('acme', 1, 'F-1', 'EUR', 100, 'open', '2026-11-01', 7, 7);
                INSERT INTO event (at, kind, creditor_id, import_id, summary) VALUES ('2026-11-01', 'import.applied', 'acme', 7, 'x');
                """)
        }
        let store = try AppDatabase(queue)
        let statuses = try queue.read { db in try String.fetchAll(db, sql: "SELECT status FROM import ORDER BY id") }
        #expect(statuses == ["applied", "rejected"])
        let linked = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM invoice WHERE first_import_id = 7") }
        #expect(linked == 1)
        #expect(try store.integrityProblems().isEmpty)
        // The same bytes cannot be applied (or held) twice.
        #expect(throws: DatabaseError.self) {
            try store.executeForTesting("""
                INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, imported_at, held_snapshot, held_reason)
                VALUES ('acme', 'c.csv', '\(sha)', 10, 'fec', 'held', '2026-11-02', x'7B7D', 'too much')
                """)
        }
        // A held import must say why and keep what it would apply.
        #expect(throws: DatabaseError.self) {
            try store.executeForTesting("""
                INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, imported_at)
                VALUES ('acme', 'd.csv', '\(String(repeating: "b", count: 64))', 10, 'fec', 'held', '2026-11-02')
                """)
        }
    }
}

@Suite struct EventDetailJSONTests {
    @Test func hostileValuesRoundTripThroughTheHandWrittenJSON() throws {
        let detail = ["position": "a.csv:3", "quote": "say \"hi\"\\", "lines": "a\r\nb\tc\u{1}", "accent": "Lœwe d’Arc €"]
        let text = EventDetailJSON.encode(detail)
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        #expect(decoded == detail)
        #expect(!text.contains("\n") && !text.contains("\r"))
        #expect(EventDetailJSON.encode(["b": "2", "a": "1"]) == #"{"a":"1","b":"2"}"#)
        #expect(EventDetailJSON.encode([String: String]()) == "{}")
        #expect(EventDetailJSON.encode(["x\"y", "z"]) == #"["x\"y","z"]"#)
    }
}
