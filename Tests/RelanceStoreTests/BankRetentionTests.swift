import Foundation
import Testing
import RelanceCore
@testable import RelanceStore

/// Issue #15: bank entries follow the mail retention period — a settled entry loses its payer
/// and label, a receipt still waiting for a person keeps them; the row and its figures stay.
@Suite struct BankRetentionTests {
    typealias F = StoreFixtures

    static let statement = BankStatement(format: .cfonb120, entries: [
        BankPaymentStoreTests.receipt(91_200, label: "VIR SEPA OCEANE FA26-0866", reference: "B1"),
        BankPaymentStoreTests.receipt(12_000, label: "VIR SEPA INCONNU", payer: "JEAN MARTIN", iban: "FR7630006000019999999999999", reference: "B2"),
        BankPaymentStoreTests.receipt(30_000, label: "REMBOURSEMENT", payer: "MARIE CURIE", iban: nil, reference: "B3"),
    ])

    /// Three receipts: one matched to an invoice the ledger then lettered, a refund a person set
    /// aside, one still waiting for a person.
    static func bookWithSettledBankEntries() async throws -> AppDatabase {
        let store = try await BankPaymentStoreTests().storeWithTwoInvoices()
        _ = try await store.importBankStatement(BankPaymentStoreTests.bankFile("a.txt", sha: "1"), statement, language: .french, at: F.time)
        let unmatched = try await store.unmatchedReceipts(of: F.creditor)
        #expect(unmatched.count == 2)
        // A person sets the refund aside; the other receipt still waits.
        let refund = try #require(unmatched.first { $0.payer == "MARIE CURIE" })
        _ = try await store.resolveReceipt(refund.entryID, of: F.creditor, customer: nil, by: "Claire", channel: .cli, at: F.time)
        // The ledger letters FA26-0866: its payment is no longer live.
        _ = try await store.importSnapshot(F.file("b.csv", sha: "b"), F.snapshot([F.item("FA26-0870", open: 45_000, due: "2026-11-05")], asOf: "2026-12-10"), at: F.time)
        _ = try await store.reviewBankPayments(of: F.creditor, ledgerAsOf: F.date("2026-12-10"), waitDays: 10, language: .french, at: F.time)
        return store
    }

    @Test func settledBankEntriesLoseTheirPayerAndLabelAfterTheMailPeriod() async throws {
        let store = try await Self.bookWithSettledBankEntries()
        let statement = Self.statement
        let policy = RetentionPolicy(mailDays: 365, inactiveCustomerDays: 3 * 365)
        #expect(try await store.purge(policy, at: F.time.addingTimeInterval(100 * 86_400)).bankEntriesRedacted == 0)
        let report = try await store.purge(policy, at: F.time.addingTimeInterval(800 * 86_400))
        #expect(report.bankEntriesRedacted == 2)
        let waiting = try await store.unmatchedReceipts(of: F.creditor)
        #expect(waiting.map(\.payer) == ["JEAN MARTIN"] && waiting.first?.remittance == "VIR SEPA INCONNU")
        let journal = try await store.recentEvents(of: nil, limit: 100).map(\.event)
        #expect(!journal.contains { $0.summary.contains("MARIE CURIE") || $0.summary.contains("REMBOURSEMENT") })
        #expect(journal.contains { $0.summary.contains("JEAN MARTIN") }, "a receipt still waiting keeps its journal line")
        // The same statement again is still recognised: nothing is recorded twice.
        let again = try await store.importBankStatement(BankPaymentStoreTests.bankFile("a-again.txt", sha: "2"), statement, language: .french,
                                                        at: F.time.addingTimeInterval(800 * 86_400))
        #expect(again.newEntries == 0)
        #expect(try store.integrityProblems().isEmpty)
    }
}
