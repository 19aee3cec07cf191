import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore
import Testing

/// A bank payment the ledger has not lettered in time is a payment to check — one task per
/// payment, not the customer's hand-off step (which the ladder keeps at one per customer and
/// waits on).
@Suite("Bank payments to check")
struct BankCheckPaymentTaskTests {
    typealias F = StoreFixtures
    typealias S = BankPaymentStoreTests

    @Test("Two payments of one customer left unlettered: two check-payment tasks, each with its own invoice, amount and date",
          arguments: StoreBackend.all)
    func onePerPayment(_ backend: StoreBackend) async throws {
        try await S.withTwoInvoices(backend) { book in
            _ = try await book.bank.importBankStatement(S.bankFile("a.txt", sha: "1"), BankStatement(format: .cfonb120, entries: [
                S.receipt(91_200, label: "VIR FA26-0866", reference: "B1"),
                S.receipt(45_000, on: "2026-12-04", label: "VIR FA26-0870", reference: "B2"),
            ]), language: .french, at: F.time)
            let opened = try await book.bank.reviewBankPayments(of: F.creditor, ledgerAsOf: F.date("2026-12-14"), waitDays: 10,
                                                                language: .french, at: F.time)
            #expect(opened == 2)
            let tasks = try await book.taskStore.tasks(of: F.creditor, state: .open).sorted { $0.id < $1.id }
            #expect(tasks.map(\.kind) == [.checkPayment, .checkPayment])
            #expect(tasks.map { $0.detail["invoice"] } == ["FA26-0866", "FA26-0870"])
            #expect(tasks.map { $0.detail["amount"] } == ["912.00 EUR", "450.00 EUR"])
            #expect(tasks.allSatisfy { $0.detail["reason"] == nil }, "no machine code shown to a person")
            let words = Language.french.wording
            #expect(words.detailValue("amount", tasks[0].detail["amount"] ?? "") == words.amount(F.euros(91_200)))
            #expect(words.detailValue("booked", tasks[1].detail["booked"] ?? "") == "04/12/2026")
            #expect(words.detailLabel("ledger_as_of") == "Grand livre arrêté au")
            let journal = try await book.journal.events(of: F.creditor, kinds: ["task.opened"], since: .distantPast).map(\.event.summary)
            // The store's fixture creditor has no language stored: its own lines are English.
            #expect(journal.first?.hasPrefix("Task #\(tasks[0].id) (payment to check): ") == true, "\(journal)")
            #expect(Language.french.wording.taskOpened(id: 3, kind: .checkPayment, title: "T") == "Tâche n°\u{00A0}3 (paiement à vérifier) : T")
        }
    }

    @Test("v18 turns a stored hand-off task for an unlettered payment into a payment to check, its reason code removed")
    func migration() throws {
        let queue = try StoreFixtures.queue(migratedUpTo: "v14-bank-dedup-digest")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO creditor (id, created_at, language) VALUES ('acme', '2026-11-01', 'fr');
                INSERT INTO customer (id, creditor_id, external_id, created_at) VALUES (1, 'acme', 'C1', '2026-11-01');
                INSERT INTO task (id, creditor_id, customer_id, kind, state, dedup_key, title, detail, created_at)
                    VALUES (1, 'acme', 1, 'hand-off', 'open', 'bank-payment-not-lettered:4', 'Paiement reçu',
                            '{"reason":"bank-payment-not-lettered","invoice":"F-1","amount":"912.00"}', '2026-12-14'),
                           (2, 'acme', 1, 'legal-action', 'open', NULL, 'Dossier', '{"reason":"kept"}', '2026-12-14');
                """)
        }
        _ = try AppDatabase(queue)
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT kind, detail FROM task ORDER BY id")
            #expect(rows.map { $0["kind"] as String } == ["check-payment", "legal-action"])
            #expect(rows.map { $0["detail"] as String } == [#"{"invoice":"F-1","amount":"912.00"}"#, #"{"reason":"kept"}"#])
        }
    }
}
