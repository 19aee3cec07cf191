import Foundation
import RelanceCore
import RelanceStore
import Testing

/// Reversals undo the match of the receipt they reverse: the invoice is due again (the hold
/// lifts), the journal says why, and a reversal that fits nothing for sure undoes nothing.
@Suite("Bank reversals in the store")
struct BankReversalStoreTests {
    typealias F = StoreFixtures
    typealias S = BankPaymentStoreTests

    static func reversal(_ cents: Int64, on day: String, label: String, reference: String? = nil, reverses: String? = nil) -> BankEntry {
        BankEntry(booked: F.date(day), amount: F.euros(-cents), remittance: label, bankReference: reference,
                  account: "FR7630004001230001234567890", isReversal: true, reverses: reverses)
    }

    func reversedEvents(_ book: any BookUnderTest) async throws -> [JournalEntry] {
        try await book.journal.events(of: F.creditor, kinds: ["bank.reversed", "bank.reversal-unmatched"], since: .distantPast)
    }

    @Test("A camt reversal (RvslInd) of a matched receipt lifts the hold and says why on the invoice's timeline", arguments: StoreBackend.all)
    func reversalLiftsHold(_ backend: StoreBackend) async throws {
        try await S.withTwoInvoices(backend) { book in
            let store = book.bank
            _ = try await store.importBankStatement(S.bankFile("a.xml", sha: "1"), BankStatement(format: .camt053, entries: [
                S.receipt(91_200, label: "VIR FA26-0866", reference: "TX-1"),
            ]), language: .french, at: F.time)
            #expect(try await store.bankPayments(of: F.creditor).map(\.invoiceNumber) == ["FA26-0866"])
            let receipt = try await store.importBankStatement(S.bankFile("b.xml", sha: "2"), BankStatement(format: .camt053, entries: [
                Self.reversal(91_200, on: "2026-12-05", label: "RETOUR VIR FA26-0866", reference: "TX-9"),
            ]), language: .french, at: F.time)
            #expect(receipt.reversedReceipts == 1)
            #expect(try await store.bankPayments(of: F.creditor).isEmpty)
            let events = try await reversedEvents(book)
            #expect(events.count == 1)
            #expect(events.first?.event.kind == "bank.reversed")
            // One language per journal line: this one is English throughout (its figures too).
            #expect(events.first?.event.summary.contains("Invoice FA26-0866: the payment of €912.00 received on ") == true)
            #expect(events.first?.event.summary.contains("reversed by the bank on 05/12/2026 (found by same remittance text); the invoice is due again") == true)
            // The money is again to be found: a later transfer naming the invoice pays it afresh.
            let again = try await store.importBankStatement(S.bankFile("c.xml", sha: "3"), BankStatement(format: .camt053, entries: [
                S.receipt(91_200, on: "2026-12-08", label: "VIR FA26-0866 BIS", reference: "TX-12"),
            ]), language: .french, at: F.time)
            #expect(again.matchedReceipts == 1)
        }
    }

    @Test("A receipt and its reversal in the same statement: nothing stays matched; the not-lettered task is cancelled when a reversal comes late", arguments: StoreBackend.all)
    func sameStatementAndTask(_ backend: StoreBackend) async throws {
        try await S.withTwoInvoices(backend) { book in
            let store = book.bank
            let same = try await store.importBankStatement(S.bankFile("a.txt", sha: "1"), BankStatement(format: .cfonb120, entries: [
                S.receipt(45_000, label: "FA26-0870", reference: "R1"),
                Self.reversal(45_000, on: "2026-12-04", label: "REJET FA26-0870", reference: "R2"),
                S.receipt(91_200, label: "FA26-0866", reference: "R3"),
            ]), language: .french, at: F.time)
            #expect(same.matchedReceipts == 2 && same.reversedReceipts == 1)
            #expect(try await store.bankPayments(of: F.creditor).map(\.invoiceNumber) == ["FA26-0866"])
            // Ten days on, FA26-0866 is still open in the ledger: one task; then its payment comes back.
            #expect(try await store.reviewBankPayments(of: F.creditor, ledgerAsOf: F.date("2026-12-14"), waitDays: 10, language: .french, at: F.time) == 1)
            #expect(try await book.tasks(.open).count == 1)
            _ = try await store.importBankStatement(S.bankFile("b.txt", sha: "2"), BankStatement(format: .cfonb120, entries: [
                Self.reversal(91_200, on: "2026-12-15", label: "IMPAYE", reference: "R4"),
            ]), language: .french, at: F.time)
            #expect(try await book.tasks(.open).isEmpty)
            #expect(try await book.tasks(.cancelled).map(\.kind) == [.checkPayment])
            #expect(try await store.bankPayments(of: F.creditor).isEmpty)
            let guessed = try await reversedEvents(book).last
            #expect(guessed?.event.summary.contains("found by same amount, the only such receipt in the days before: a guess to check") == true)
        }
    }

    @Test("An OFX DELETE correction names the transaction it removes; a reversal fitting two receipts undoes nothing", arguments: StoreBackend.all)
    func namedAndAmbiguous(_ backend: StoreBackend) async throws {
        try await S.withTwoInvoices(backend) { book in
            let store = book.bank
            _ = try await store.importBankStatement(S.bankFile("a.ofx", sha: "1"), BankStatement(format: .ofx, entries: [
                S.receipt(91_200, label: "FA26-0866", reference: "FIT-1"),
                S.receipt(10_000, label: "DON", payer: "X", iban: nil, reference: "FIT-2"),
                S.receipt(10_000, on: "2026-12-04", label: "DON", payer: "Y", iban: nil, reference: "FIT-3"),
            ]), language: .french, at: F.time)
            let receipt = try await store.importBankStatement(S.bankFile("b.ofx", sha: "2"), BankStatement(format: .ofx, entries: [
                Self.reversal(91_200, on: "2026-12-05", label: "CORRECTION", reference: "FIT-7", reverses: "FIT-1"),
                Self.reversal(10_000, on: "2026-12-05", label: "DON", reference: "FIT-8"),
            ]), language: .french, at: F.time)
            #expect(receipt.reversedReceipts == 1)
            #expect(try await store.bankPayments(of: F.creditor).isEmpty)
            let events = try await reversedEvents(book)
            #expect(events.map(\.event.kind).sorted() == ["bank.reversal-unmatched", "bank.reversed"])
            #expect(events.contains { $0.event.summary.contains("found by the bank names the movement it reverses") })
            #expect(events.contains { $0.event.summary.contains("2 earlier receipts fit equally, so none was undone") })
        }
    }
}
