import Foundation
import GRDB
import Testing
import RelanceCore
@testable import RelanceStore

/// v11-task-outcome-dispute-resolved rebuilds `task` and `task_outcome` to accept the outcome
/// `dispute-resolved`: a store written at v10 must come through with every row as it was.
@Suite struct MigrationDisputeResolvedTests {
    @Test func aStoreAtV10KeepsEveryTaskAndOutcomeAndAcceptsDisputeResolved() throws {
        let queue = try StoreFixtures.queue(migratedUpTo: "v10-creditor-language")
        let sha = String(repeating: "a", count: 64)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO creditor (id, created_at, language) VALUES ('acme', '2026-11-01', 'fr');
                INSERT INTO import (id, creditor_id, file_name, sha256, byte_count, kind, status, as_of, authoritative, item_count, imported_at)
                    VALUES (7, 'acme', 'a.csv', '\(sha)', 10, 'open-invoices', 'applied', '2026-11-01', 1, 2, '2026-11-01');
                INSERT INTO customer (id, creditor_id, external_id, created_at, phones) VALUES (1, 'acme', 'C1', '2026-11-01', '["0102030405"]');
                INSERT INTO invoice (id, creditor_id, customer_id, number, currency, open_minor, status, seen_as_of, first_import_id,
                                     last_import_id, disputed_since, dispute_reason)
                    VALUES (10, 'acme', 1, 'F-1', 'EUR', 10000, 'open', '2026-11-01', 7, 7, '2026-11-03', 'colis incomplet'),
                           (11, 'acme', 1, 'F-2', 'EUR', 5000, 'open', '2026-11-01', 7, 7, NULL, NULL);
                INSERT INTO task (id, creditor_id, customer_id, kind, state, title, detail, step, created_at, step_on, attempts, retry_on)
                    VALUES (1, 'acme', 1, 'call', 'open', 'Appeler C1', '{"phones":"0102030405"}', 'phone-call', '2026-11-02',
                            '2026-11-02', 1, '2026-11-04');
                INSERT INTO task (id, creditor_id, customer_id, kind, state, title, step, created_at, outcome, outcome_detail, closed_at)
                    VALUES (2, 'acme', 1, 'call', 'done', 'Appeler C1', 'phone-call', '2026-10-02', 'dispute',
                            '{"invoices":"F-1","reason":"colis incomplet"}', '2026-11-03');
                INSERT INTO task (id, creditor_id, customer_id, kind, state, title, step, created_at, outcome, outcome_detail, closed_at,
                                  posted_on, tracking_number, acknowledged_on)
                    VALUES (3, 'acme', 1, 'registered-letter', 'done', 'Lettre recommandée', 'registered-letter', '2026-10-10',
                            'letter-posted', '{"date":"2026-10-11"}', '2026-10-11', '2026-10-11', '1A23456789012', '2026-10-14');
                INSERT INTO task (id, creditor_id, customer_id, kind, state, title, step, created_at)
                    VALUES (5, 'acme', 1, 'formal-notice', 'open', 'Mise en demeure', 'formal-notice', '2026-11-20');
                INSERT INTO task (id, creditor_id, customer_id, kind, state, title, step, created_at, outcome, closed_at, superseded_by)
                    VALUES (4, 'acme', 1, 'letter', 'cancelled', 'Lettre', 'formal-letter', '2026-11-01', 'superseded', '2026-11-20', 5);
                INSERT INTO task_invoice (task_id, invoice_id) VALUES (1, 10), (1, 11), (2, 10), (3, 10), (5, 11);
                INSERT INTO task_outcome (id, task_id, outcome, parameters, recorded_by, channel, recorded_at, acknowledged_at)
                    VALUES (1, 2, 'dispute', '{"invoices":"F-1"}', 'marie', 'cli', '2026-11-03', NULL),
                           (2, 3, 'letter-posted', '{"date":"2026-10-11"}', 'paul@acme.example', 'console', '2026-10-11', NULL),
                           (3, 1, 'no-answer', '{}', 'marie', 'cli', '2026-11-03', '2026-11-04');
                INSERT INTO invalid_phone (customer_id, phone, task_id, since) VALUES (1, '0600000000', 1, '2026-11-03');
                INSERT INTO payment_claim (invoice_id, task_id, paid_on, wait_until, created_at) VALUES (11, 1, '2026-11-02', '2026-11-12', '2026-11-03');
                """)
        }
        let tasksBefore = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM task ORDER BY id") }
        let outcomesBefore = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM task_outcome ORDER BY id") }
        let linksBefore = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM task_invoice ORDER BY task_id, invoice_id") }

        let store = try AppDatabase(queue)

        try queue.read { db in
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM task ORDER BY id") == tasksBefore)
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM task_outcome ORDER BY id") == outcomesBefore)
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM task_invoice ORDER BY task_id, invoice_id") == linksBefore)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM invalid_phone WHERE task_id = 1") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM payment_claim WHERE task_id = 1") == 1)
            let indexes = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('task', 'task_outcome') AND sql IS NOT NULL"))
            // v11 recreates the first five; v13-console-indexes adds Today's by kind.
            #expect(indexes == ["task_open_once", "task_customer", "task_open_per_customer_family", "task_outcome_task", "task_outcome_unacknowledged",
                                "task_open_by_kind"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE '%_v11'").isEmpty)
        }
        #expect(try store.integrityProblems().isEmpty)

        // The new outcome is accepted by both tables; the old invariants still hold.
        try store.executeForTesting("""
            INSERT INTO task_outcome (task_id, outcome, parameters, recorded_by, channel, recorded_at)
                VALUES (2, 'dispute-resolved', '{"invoices":"F-1"}', 'marie', 'cli', '2026-11-10');
            UPDATE task SET state = 'done', outcome = 'dispute-resolved', closed_at = '2026-11-10' WHERE id = 1;
            """)
        #expect(throws: DatabaseError.self) {
            try store.executeForTesting("""
                INSERT INTO task_outcome (task_id, outcome, recorded_by, channel, recorded_at) VALUES (2, 'forgiven', 'marie', 'cli', '2026-11-10')
                """)
        }
        try store.executeForTesting("""
            INSERT INTO task (creditor_id, customer_id, kind, state, title, created_at) VALUES ('acme', 1, 'call', 'open', 'Appeler', '2026-11-11')
            """)
        // One open task per customer and family: the partial unique index came back.
        #expect(throws: DatabaseError.self) {
            try store.executeForTesting("""
                INSERT INTO task (creditor_id, customer_id, kind, state, title, created_at) VALUES ('acme', 1, 'call', 'open', 'Encore', '2026-11-11')
                """)
        }
        // A task's outcome still needs its task.
        #expect(throws: DatabaseError.self) {
            try store.executeForTesting("""
                INSERT INTO task_outcome (task_id, outcome, recorded_by, channel, recorded_at) VALUES (99, 'done', 'marie', 'cli', '2026-11-10')
                """)
        }
    }
}
