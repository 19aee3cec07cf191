import Foundation
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
@testable import RelanceStore
import Testing

/// A book lived on SQLite (imports, reminders, tasks, bank payments, held and refused files),
/// copied into PostgreSQL by `relance store copy`, reads the same through both stores' ports:
/// the open receivables in their order, the bank's payments and unplaced receipts, the aged
/// balance's sums, the planner's facts, the imports' history. Same book, same figures.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct CopiedBookReadsTests {
    typealias F = StoreFixtures

    @Test func theAgedBalanceSumsAreTheSameOnBothStores() async throws {
        let sqlite = try await ConsoleBalanceStoreTests.book()
        try await PostgresTestDatabase.withStore { postgres in
            _ = try await postgres.copy(from: sqlite)
            for day in ["2026-09-01", "2026-11-20", "2026-11-21", "2026-12-20", "2027-03-01"] {
                for creditor in [F.creditor, ConsolePagesStoreTests.other] {
                    let expected = try await sqlite.agingRows(of: creditor, asOf: F.date(day))
                    #expect(!expected.isEmpty)
                    #expect(try await postgres.agingRows(of: creditor, asOf: F.date(day)) == expected, "\(creditor) \(day)")
                }
            }
            // Not vacuous: the bank's money is set apart on PostgreSQL too.
            let rows = try await postgres.agingRows(of: F.creditor, asOf: F.date("2026-11-20"))
            #expect(rows.map(\.received).reduce(0, +) == 10_003 + 4_000)
        }
    }

    @Test func thePlannersFactsAreTheSameOnBothStores() async throws {
        let sqlite = try await StoreCopyTests.livedBook()
        try await PostgresTestDatabase.withStore { postgres in
            _ = try await postgres.copy(from: sqlite)
            let expected = try await sqlite.planningFacts(of: F.creditor)
            #expect(!expected.lastContacts.isEmpty && !expected.profiles.isEmpty)
            #expect(try await postgres.planningFacts(of: F.creditor) == expected)
        }
    }

    @Test func theImportsHistoryIsTheSameAndAHeldSnapshotIsRejectedOnPostgreSQL() async throws {
        let sqlite = try await F.freshStore()
        let items = (1...10).map { F.item("F-\($0)", open: 1_000) }
        _ = try await sqlite.importSnapshot(F.file("full.csv"), IngestStoreTests.guarded(items, asOf: "2026-11-20"), at: F.time)
        let held = try await sqlite.importSnapshot(F.file("overdue.csv", sha: "b"), IngestStoreTests.guarded(Array(items.prefix(3)), asOf: "2026-11-21"),
                                                   at: F.time)
        #expect(held.outcome == .held)
        _ = try await sqlite.recordRejectedImport(F.file("broken.csv", sha: "c"), reason: "line 3, column amount: not a number", at: F.time)
        try await PostgresTestDatabase.withStore { postgres in
            _ = try await postgres.copy(from: sqlite)
            for creditor in [F.creditor, nil] {
                let expected = try await sqlite.importHistory(of: creditor, limit: 10)
                #expect(expected.count == 3)
                #expect(try await postgres.importHistory(of: creditor, limit: 10) == expected)
            }
            #expect(try await postgres.importHistory(of: F.creditor, limit: 1).count == 1)

            try await postgres.rejectHeldImport(held.importID, reason: "Rejected by marie: export truncated", at: F.time)
            let after = try await postgres.importHistory(of: F.creditor, limit: 10).first { $0.importID == held.importID }
            #expect(after?.status == .rejected && after?.error == "Rejected by marie: export truncated" && after?.heldReason == nil)
            let line = try #require(try await postgres.recentEvents(of: F.creditor, limit: 1).first?.event)
            #expect(line.kind == "import.rejected" && line.importID == held.importID)
            #expect(line.summary == Language.english.wording.heldImportRejected(importID: held.importID, file: "overdue.csv",
                                                                                reason: "Rejected by marie: export truncated"))
            await #expect { try await postgres.rejectHeldImport(held.importID, reason: "again", at: F.time) } throws: {
                ($0 as? PostgresStoreError)?.code == .invalidState
            }
            await #expect { try await postgres.rejectHeldImport(999_999, reason: "none", at: F.time) } throws: {
                ($0 as? PostgresStoreError)?.code == .notFound
            }
        }
    }

    @Test(arguments: ["lived book", "aged balance"])
    func theOpenReceivablesAreTheSameOnBothStoresInTheSameOrder(_ book: String) async throws {
        let sqlite = book == "lived book" ? try await StoreCopyTests.livedBook() : try await ConsoleBalanceStoreTests.book()
        if book == "lived book" {
            // A step carried out by a person: a call on F-3, answered with a promise.
            let f3 = try #require(try await sqlite.openReceivables(of: F.creditor).first { $0.number == "F-3" })
            let call = try await sqlite.openTask(NewTask(creditor: F.creditor, customerID: f3.customer.id, kind: .call, title: "Appeler",
                                                         dedupKey: "call-f3", step: "call", invoiceIDs: [f3.invoiceID]), at: F.time).id
            _ = try await F.recordOutcome(.promisedToPay(on: F.date("2026-12-20")), on: call, in: sqlite)
        }
        try await PostgresTestDatabase.withStore { postgres in
            _ = try await postgres.copy(from: sqlite)
            let expected = try await sqlite.openReceivables(of: F.creditor)
            #expect(expected.count > 1)
            #expect(try await postgres.openReceivables(of: F.creditor) == expected)
            for customer in Set(expected.map(\.customer.id)) {
                #expect(try await postgres.openReceivables(of: F.creditor, customer: customer)
                            == sqlite.openReceivables(of: F.creditor, customer: customer), "customer #\(customer)")
            }
            // Not vacuous: steps taken by email and by people are part of what is compared.
            if book == "lived book" {
                #expect(expected.contains { $0.history.contains { $0.channel == .email } })
                #expect(expected.contains { $0.history.contains { $0.outcome != nil } })
            }
        }
    }

    @Test func aRefusedFileIsRecordedOnPostgreSQLAsOnSQLite() async throws {
        let sqlite = try await F.freshStore()
        try await PostgresTestDatabase.withStore { postgres in
            try await postgres.registerCreditor(F.creditor, language: .french, at: F.time)
            try await sqlite.registerCreditor(F.creditor, language: .french, at: F.time)
            let file = F.file("broken.csv", sha: "c")
            let id = try await postgres.recordRejectedImport(file, reason: "ligne 3, colonne montant : pas un nombre", at: F.time)
            _ = try await sqlite.recordRejectedImport(file, reason: "ligne 3, colonne montant : pas un nombre", at: F.time)
            let record = try #require(try await postgres.importHistory(of: F.creditor, limit: 5).first)
            #expect(record.importID == id && record.status == .rejected && record.error == "ligne 3, colonne montant : pas un nombre")
            let line = try #require(try await postgres.recentEvents(of: F.creditor, limit: 1).first?.event)
            let same = try #require(try await sqlite.recentEvents(of: F.creditor, limit: 1).first?.event)
            #expect(line.kind == "import.rejected" && line.summary == same.summary && line.detail == same.detail)
        }
    }

    @Test func theBanksPaymentsAndUnplacedReceiptsAreTheSameOnBothStores() async throws {
        for sqlite in [try await ConsoleBalanceStoreTests.book(), try await BankRetentionTests.bookWithSettledBankEntries()] {
            try await PostgresTestDatabase.withStore { postgres in
                _ = try await postgres.copy(from: sqlite)
                let payments = try await sqlite.bankPayments(of: F.creditor)
                let receipts = try await sqlite.unmatchedReceipts(of: F.creditor)
                #expect(!payments.isEmpty || !receipts.isEmpty)
                #expect(try await postgres.bankPayments(of: F.creditor) == payments)
                #expect(try await postgres.unmatchedReceipts(of: F.creditor) == receipts)
            }
        }
    }
}
