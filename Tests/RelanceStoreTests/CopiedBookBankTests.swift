import Foundation
import GRDB
import PostgresNIO
import RelanceCore
import RelanceImport
@testable import RelancePostgres
import RelancePostgresTesting
@testable import RelanceStore
import Testing

/// A book built on SQLite and copied into PostgreSQL (`relance store copy`), then both live the
/// same bank month: real statements (CFONB 120, camt.053, OFX, read by the daemon's parser),
/// overlapping ones, a reversal, receipts nobody could place — one linked by a person, one set
/// aside — payments the ledger ignores past the wait, a late reversal that cancels a check, the
/// retry of an unplaced receipt once the ledger brings its invoice.
/// Both stores must answer and record the same: receipts, payments, unplaced receipts, tasks and
/// the journal's lines (text and order).
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct CopiedBookBankTests {
    typealias F = StoreFixtures
    static let account = "FR7630004001230001234567890"

    static func fixture(_ name: String, sha: Character) throws -> (ImportedFile, BankStatement) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RelanceImportTests/Fixtures/bank/\(name)")
        let bytes = [UInt8](try Data(contentsOf: url))
        let statement = try #require(try ImportParser.parse(bytes: bytes, fileName: name).bankStatement)
        return (BankPaymentStoreTests.bankFile(name, sha: sha), statement)
    }

    static func receipt(_ cents: Int64, on day: String, payer: String, label: String, reference: String) -> BankEntry {
        BankEntry(booked: F.date(day), amount: F.euros(cents), counterparty: payer, remittance: label, bankReference: reference, account: account)
    }

    /// The ledger on SQLite, in French: three customers, four invoices.
    static func sqliteBook() async throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        try await store.registerCreditor(F.creditor, language: .french, at: F.time)
        _ = try await store.importSnapshot(F.file("grand-livre.csv"), F.snapshot([
            F.item("FA26-0866", customer: "C001", open: 91_200, due: "2026-11-01"),
            F.item("FA26-0870", customer: "C001", open: 45_000, due: "2026-11-05"),
            // Customer 5390, invoice 07547034: the RF reference of the fixtures (RF18 5390 0754 7034).
            F.item("07547034", customer: "5390", open: 63_800, due: "2026-11-10"),
            F.item("F-3001", customer: "C003", open: 25_000, due: "2026-11-15"),
        ], asOf: "2026-12-01"), at: F.time)
        return store
    }

    /// The bank's tables as text lines, in the same SQL for both stores.
    static let bankRows = [
        "SELECT id || ' ' || statement_id || ' ' || account || ' ' || dedup_key FROM bank_entry ORDER BY id",
        """
        SELECT id || ' ' || entry_id || ' ' || invoice_id || ' ' || amount_minor || ' ' || method || ' ' || ledger_open_minor || ' ' || state
               || ' ' || COALESCE(task_id, 0) || ' ' || COALESCE(reversed_by, 0) FROM bank_match ORDER BY id
        """,
        "SELECT kind || ' ' || value || ' ' || customer_id || ' ' || COALESCE(learned_from_match, 0) FROM bank_payer ORDER BY kind, value",
        "SELECT entry_id || ' ' || original_entry_id || ' ' || method FROM bank_reversal ORDER BY entry_id",
        "SELECT entry_id || ' ' || COALESCE(customer_id, 0) || ' ' || linked_by || ' ' || channel FROM bank_receipt_link ORDER BY entry_id",
        "SELECT id || ' ' || state || ' ' || COALESCE(outcome, '-') FROM task ORDER BY id",
    ]

    static func strings(_ sql: String, in store: PostgresStore) async throws -> [String] {
        try await store.connection { connection in
            var lines: [String] = []
            for try await line in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: store.logger).decode(String.self) {
                lines.append(line)
            }
            return lines
        }
    }

    @Test func aBankMonthOnACopiedBookIsTheSameOnSQLiteAndPostgreSQL() async throws {
        let sqlite = try await Self.sqliteBook()
        try await PostgresTestDatabase.withStore { postgres in
            _ = try await postgres.copy(from: sqlite)
            let stores: [any BankPaymentStore & BankReceiptStore] = [sqlite, postgres]
            /// Runs `step` on both books, SQLite first; expects the same answer; returns it.
            func both<T: Equatable & Sendable>(_ what: String, _ step: (any BankPaymentStore & BankReceiptStore) async throws -> T) async throws -> T {
                let answers = [try await step(stores[0]), try await step(stores[1])]
                #expect(answers[0] == answers[1], "\(what)")
                return answers[0]
            }
            func statement(_ file: ImportedFile, _ statement: BankStatement) async throws -> BankImportReceipt {
                try await both(file.fileName) { try await $0.importBankStatement(file, statement, language: .french, at: F.time) }
            }
            // The first days, then the whole week (overlapping: its first entry is known).
            let gap = try Self.fixture("fr-cfonb120-gap.txt", sha: "1")
            #expect(try await statement(gap.0, gap.1).matchedReceipts == 1)
            let week = try Self.fixture("fr-cfonb120-receipts.txt", sha: "2")
            let overlapping = try await statement(week.0, week.1)
            #expect(overlapping.knownEntries == 1 && overlapping.matchedReceipts == 1, "\(overlapping)")
            // camt: a batch (a receipt the known payer cannot explain, one paying by RF reference) and its reversal.
            let camt = try Self.fixture("fr-camt053-v13-prefixed.xml", sha: "3")
            #expect(try await statement(camt.0, camt.1).reversedReceipts == 1)
            let ofx = try Self.fixture("fr-ofx102-entities.ofx", sha: "4")
            #expect(try await statement(ofx.0, ofx.1).matchedReceipts == 1)
            #expect(try await statement(gap.0, gap.1).outcome == .duplicate, "the same file twice")
            // Two transfers nobody can place.
            let strangers = try await statement(BankPaymentStoreTests.bankFile("releve-decembre.xml", sha: "5"), BankStatement(format: .camt053, entries: [
                Self.receipt(25_000, on: "2026-12-05", payer: "J MARTIN", label: "VIREMENT", reference: "TX-501"),
                Self.receipt(7_500, on: "2026-12-06", payer: "ASSURANCES DU NORD", label: "REMBOURSEMENT SINISTRE", reference: "TX-502"),
            ]))
            #expect(strangers.unmatchedReceipts == 2)
            let unplaced = try await both("unplaced receipts") { try await $0.unmatchedReceipts(of: F.creditor) }
            #expect(unplaced.count == 3, "\(unplaced)")
            let martin = try #require(unplaced.first { $0.payer == "J MARTIN" })
            let insurer = try #require(unplaced.first { $0.payer == "ASSURANCES DU NORD" })
            // A person says whose the money is, another that it pays no invoice.
            let linked = try await both("link") {
                try await $0.resolveReceipt(martin.entryID, of: F.creditor, customer: "C003", by: "marie", channel: .cli, at: F.time)
            }
            #expect(linked.paidInvoices == ["F-3001"])
            _ = try await both("dismiss") {
                try await $0.resolveReceipt(insurer.entryID, of: F.creditor, customer: nil, by: "paul", channel: .console, at: F.time)
            }
            // Refused the same way, in the same words: resolved already, not a receipt, nobody of that id.
            for (entry, customer) in [(martin.entryID, "C001"), (insurer.entryID, "C001"), (martin.entryID - 100, "C001")] {
                let refusals = await stores.eachInTurn { store in
                    await Result { try await store.resolveReceipt(entry, of: F.creditor, customer: customer, by: "luc", channel: .cli, at: F.time) }
                }
                let messages = refusals.map { result -> String? in
                    guard case .failure(let error) = result else { return nil }
                    return (error as? StoreError)?.message ?? (error as? PostgresStoreError)?.message
                }
                #expect(messages[0] != nil && messages[0] == messages[1], "\(refusals)")
            }
            // The ledger took the part payment of 07547034 into account (its open amount moved); the others not.
            try sqlite.executeForTesting("UPDATE invoice SET open_minor = 51800 WHERE number = '07547034'")
            try await PostgresBook(store: postgres).execute("UPDATE invoice SET open_minor = 51800 WHERE number = '07547034'")
            #expect(try await both("review") {
                try await $0.reviewBankPayments(of: F.creditor, ledgerAsOf: F.date("2026-12-20"), waitDays: 10, language: .french, at: F.time)
            } == 3)
            // The bank sends J MARTIN's money back: the check of F-3001 is cancelled.
            let late = try await statement(BankPaymentStoreTests.bankFile("retour.xml", sha: "6"), BankStatement(format: .camt053, entries: [
                BankEntry(booked: F.date("2026-12-21"), amount: F.euros(-25_000), counterparty: "J MARTIN", remittance: "RETOUR VIREMENT",
                          bankReference: "TX-777", account: Self.account, isReversal: true),
            ]))
            #expect(late.reversedReceipts == 1)
            #expect(try await both("review again") {
                try await $0.reviewBankPayments(of: F.creditor, ledgerAsOf: F.date("2026-12-21"), waitDays: 10, language: .french, at: F.time)
            } == 0)

            #expect(try await both("unplaced") { try await $0.unmatchedReceipts(of: F.creditor) }.map(\.payer) == ["OCEANE EVENEMENTS"])
            // A later export brings the invoice OCEANE's unplaced transfer pays exactly (a known payer, an
            // invoice issued before the money came): the retry the snapshot's import runs in its transaction.
            // Through each store's import, which retries the unplaced receipts in its own transaction.
            let export = F.snapshot([F.item("FA26-0901", open: 91_200, due: "2026-12-20")], asOf: "2026-12-01", authoritative: false)
            let imported = [try await sqlite.importSnapshot(F.file("export-0901.csv", sha: "9"), export, at: F.time),
                            try await postgres.importSnapshot(F.file("export-0901.csv", sha: "9"), export, at: F.time)]
            #expect(imported.map(\.rematchedReceipts) == [1, 1])
            #expect(imported[0].newInvoices == 1 && imported[1].newInvoices == 1)

            let payments = try await both("payments") { try await $0.bankPayments(of: F.creditor) }
            #expect(payments.map(\.invoiceNumber) == ["FA26-0866", "FA26-0870", "FA26-0901"], "\(payments)")
            #expect(try await both("unplaced at the end") { try await $0.unmatchedReceipts(of: F.creditor) }.isEmpty)
            let tasks = [try await sqlite.tasks(of: F.creditor, state: nil), try await postgres.tasks(of: F.creditor, state: nil)]
            #expect(tasks[0] == tasks[1])
            #expect(tasks[0].map(\.state) == [.open, .open, .cancelled], "\(tasks[0])")
            // What the ports do not show but later work reads: each match's state, the payers learned, the links.
            for sql in Self.bankRows {
                let rows = [try await sqlite.writer.read { db in try String.fetchAll(db, sql: sql) }, try await Self.strings(sql, in: postgres)]
                #expect(!rows[0].isEmpty && rows[0] == rows[1], "\(sql)")
            }
            let journal = [try await sqlite.recentEvents(of: F.creditor, limit: 500), try await postgres.recentEvents(of: F.creditor, limit: 500)]
            #expect(journal[0].count == journal[1].count)
            for (line, same) in zip(journal[0], journal[1]) { #expect(line == same) }
            // Not vacuous: every kind of bank line was written.
            let kinds = Set(journal[1].map(\.event.kind))
            for kind in ["bank.matched", "bank.unmatched", "bank.overpaid", "bank.reversed", "bank.linked", "bank.dismissed", "bank.rematched",
                         "import.duplicate", "task.opened"] {
                #expect(kinds.contains(kind), "\(kind)")
            }
        }
    }
}

extension Array where Element: Sendable {
    /// Each element's answer, in order, one after the other.
    func eachInTurn<T>(_ transform: (Element) async -> T) async -> [T] {
        var answers: [T] = []
        for element in self { answers.append(await transform(element)) }
        return answers
    }
}
