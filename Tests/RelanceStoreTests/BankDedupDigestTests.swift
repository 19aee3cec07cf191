import Foundation
import GRDB
import Testing
import RelanceCore
@testable import RelanceStore

/// Issue #15: an entry without a bank reference is recognised in overlapping statements by its
/// date, amount and label; the stored key keeps the label only as a digest, so the retention,
/// which empties a settled entry's label, leaves no copy of it (migration `v14-bank-dedup-digest`).
@Suite struct BankDedupDigestTests {
    typealias F = StoreFixtures

    static let statement = BankStatement(format: .cfonb120, entries: [
        BankPaymentStoreTests.receipt(12_000, label: "VIR SEPA JEAN MARTIN LOYER DECEMBRE", payer: "JEAN MARTIN"),
        BankPaymentStoreTests.receipt(30_000, label: "REMBOURSEMENT", payer: "MARIE CURIE", reference: "B3"),
    ])

    static func keys(_ store: AppDatabase) throws -> [String] {
        try store.writer.read { db in try String.fetchAll(db, sql: "SELECT dedup_key FROM bank_entry ORDER BY id") }
    }

    @Test func theStoredKeyHoldsADigestOfTheLabelNeverTheLabel() async throws {
        let store = try await BankPaymentStoreTests().storeWithTwoInvoices()
        _ = try await store.importBankStatement(BankPaymentStoreTests.bankFile("a.txt", sha: "1"), Self.statement, language: .french, at: F.time)
        let keys = try Self.keys(store)
        #expect(keys.count == 2)
        #expect(keys[0].hasPrefix("day:2026-12-03|12000EUR|sha256:") && keys[0].count == "day:2026-12-03|12000EUR|sha256:".count + 64)
        #expect(!keys.contains { $0.contains("JEAN") || $0.contains("LOYER") })
        #expect(keys[1] == "ref:B3", "a bank reference is the key as the bank gives it")
        // The same entries in an overlapping statement (another file) are not recorded twice.
        let again = try await store.importBankStatement(BankPaymentStoreTests.bankFile("b.txt", sha: "2"), Self.statement, language: .french, at: F.time)
        #expect(again.newEntries == 0)
    }

    @Test func keysStoredBeforeTheMigrationBecomeDigestsAndStillMeetTheirEntries() async throws {
        let store = try await BankPaymentStoreTests().storeWithTwoInvoices()
        _ = try await store.importBankStatement(BankPaymentStoreTests.bankFile("a.txt", sha: "1"), Self.statement, language: .french, at: F.time)
        let digests = try Self.keys(store)
        // As a store before v14 held it: the label in clear.
        try store.executeForTesting("UPDATE bank_entry SET dedup_key = 'day:2026-12-03|12000EUR|VIR SEPA JEAN MARTIN LOYER DECEMBRE' WHERE dedup_key LIKE 'day:%'")
        try await store.writer.write { db in try AppDatabase.bankDedupDigestMigration(db) }
        #expect(try Self.keys(store) == digests)
        try await store.writer.write { db in try AppDatabase.bankDedupDigestMigration(db) }
        #expect(try Self.keys(store) == digests, "running it twice changes nothing")
        let again = try await store.importBankStatement(BankPaymentStoreTests.bankFile("b.txt", sha: "2"), Self.statement, language: .french, at: F.time)
        #expect(again.newEntries == 0)
        #expect(try store.integrityProblems().isEmpty)
    }
}
