import Foundation
import RelanceCore
import RelanceStore
import Testing

/// Bank statements in the store: recorded once, entries de-duplicated across overlapping
/// statements, receipts matched (paid, awaiting the ledger), and the ledger's later word.
@Suite("Bank payments in the store")
struct BankPaymentStoreTests {
    typealias F = StoreFixtures

    static func receipt(_ cents: Int64, on day: String = "2026-12-03", label: String, payer: String? = "OCEANE EVENEMENTS",
                        iban: String? = "FR7630006000011234567890189", reference: String? = nil) -> BankEntry {
        BankEntry(booked: F.date(day), valueDate: F.date(day), amount: F.euros(cents), counterparty: payer, counterpartyIBAN: iban,
                  remittance: label, bankReference: reference, account: "FR7630004001230001234567890")
    }

    static func bankFile(_ name: String, sha: Character) -> ImportedFile {
        ImportedFile(creditor: F.creditor, fileName: name, sha256: String(repeating: sha, count: 64), byteCount: 100, kind: "bank-statement")
    }

    static let twoInvoices = [F.item("FA26-0866", open: 91_200, due: "2026-11-01"), F.item("FA26-0870", open: 45_000, due: "2026-11-05")]

    /// A fresh book of `backend` with the two invoices of `storeWithTwoInvoices`, handed to `body`.
    static func withTwoInvoices(_ backend: StoreBackend, _ body: (any BookUnderTest) async throws -> Void) async throws {
        try await backend.withBook { book in
            _ = try await book.seed(twoInvoices)
            try await body(book)
        }
    }

    func storeWithTwoInvoices() async throws -> AppDatabase {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("open.csv"), F.snapshot([
            F.item("FA26-0866", open: 91_200, due: "2026-11-01"),
            F.item("FA26-0870", open: 45_000, due: "2026-11-05"),
        ], asOf: "2026-12-02"), at: F.time)
        return store
    }

    @Test("A receipt naming the invoice pays it; the same statement again changes nothing", arguments: StoreBackend.all)
    func matchByNumberAndDuplicate(_ backend: StoreBackend) async throws {
        try await Self.withTwoInvoices(backend) { book in
            let store = book.bank
            let statement = BankStatement(format: .cfonb120, entries: [Self.receipt(91_200, label: "VIR SEPA OCEANE fa 26 0866", reference: "B1")])
            let first = try await store.importBankStatement(Self.bankFile("a.txt", sha: "1"), statement, language: .french, at: F.time)
            #expect(first.outcome == .applied)
            #expect(first.matchedReceipts == 1 && first.paidInvoices == 1)
            let payments = try await store.bankPayments(of: F.creditor)
            #expect(payments.map(\.invoiceNumber) == ["FA26-0866"])
            #expect(payments.first?.amount == F.euros(91_200))
            // The same statement in a file with other bytes (re-exported): recognised.
            let again = try await store.importBankStatement(Self.bankFile("a-again.txt", sha: "2"), statement, language: .french, at: F.time)
            #expect(again.outcome == .duplicate && again.importID == first.importID)
            // The same file again: recognised by its bytes.
            let same = try await store.importBankStatement(Self.bankFile("a.txt", sha: "1"), statement, language: .french, at: F.time)
            #expect(same.outcome == .duplicate && same.importID == first.importID)
            #expect(try await store.bankPayments(of: F.creditor).count == 1)
            let duplicates = try await book.journal.events(of: F.creditor, kinds: ["import.duplicate"], since: .distantPast)
            #expect(duplicates.map(\.event.importID) == [first.importID, first.importID])
        }
    }

    @Test("Overlapping statements: an entry seen before is not recorded or matched twice", arguments: StoreBackend.all)
    func overlapping(_ backend: StoreBackend) async throws {
        try await Self.withTwoInvoices(backend) { book in
            let store = book.bank
            let paid = Self.receipt(91_200, label: "FACTURE FA26-0866")
            _ = try await store.importBankStatement(Self.bankFile("week1.txt", sha: "1"), BankStatement(format: .ofx, entries: [paid]), language: .french, at: F.time)
            let other = Self.receipt(1_000, on: "2026-12-04", label: "SOMETHING ELSE", payer: "SOMEONE", iban: nil)
            let second = try await store.importBankStatement(Self.bankFile("month.txt", sha: "2"), BankStatement(format: .ofx, entries: [paid, other]),
                                                             language: .french, at: F.time)
            #expect(second.outcome == .applied)
            #expect(second.knownEntries == 1 && second.newEntries == 1)
            #expect(second.matchedReceipts == 0 && second.unmatchedReceipts == 1)
            #expect(try await store.bankPayments(of: F.creditor).count == 1)
            #expect(try await store.unmatchedReceipts(of: F.creditor).map(\.remittance) == ["SOMETHING ELSE"])
        }
    }

    @Test("A partial payment reduces what is demanded; the payer it taught is recognised next time", arguments: StoreBackend.all)
    func partialThenKnownPayer(_ backend: StoreBackend) async throws {
        try await Self.withTwoInvoices(backend) { book in
            let store = book.bank
            _ = try await store.importBankStatement(Self.bankFile("a.txt", sha: "1"), BankStatement(format: .camt053, entries: [
                Self.receipt(40_000, label: "ACOMPTE FA26-0866", reference: "R1"),
            ]), language: .french, at: F.time)
            var payments = try await store.bankPayments(of: F.creditor)
            #expect(payments.map(\.amount) == [F.euros(40_000)])
            // No number this time, but the IBAN is now known and 450,00 is exactly FA26-0870.
            let next = try await store.importBankStatement(Self.bankFile("b.txt", sha: "2"), BankStatement(format: .camt053, entries: [
                Self.receipt(45_000, on: "2026-12-05", label: "VIREMENT", reference: "R2"),
            ]), language: .french, at: F.time)
            #expect(next.matchedReceipts == 1)
            payments = try await store.bankPayments(of: F.creditor)
            #expect(Set(payments.map(\.invoiceNumber)) == ["FA26-0866", "FA26-0870"])
            // An unknown payer with the same amount is not assumed to be anyone.
            let stranger = try await store.importBankStatement(Self.bankFile("c.txt", sha: "3"), BankStatement(format: .camt053, entries: [
                Self.receipt(51_200, on: "2026-12-06", label: "VIREMENT", payer: "AUTRE SARL", iban: "DE89370400440532013000", reference: "R3"),
            ]), language: .french, at: F.time)
            #expect(stranger.unmatchedReceipts == 1)
        }
    }

    @Test("The ledger's word: lettered payments end, an unlettered one after the wait opens one task", arguments: StoreBackend.all)
    func ledgerReview(_ backend: StoreBackend) async throws {
        try await Self.withTwoInvoices(backend) { book in
            let store = book.bank
            _ = try await store.importBankStatement(Self.bankFile("a.txt", sha: "1"), BankStatement(format: .cfonb120, entries: [
                Self.receipt(91_200, label: "FA26-0866", reference: "R1"),
                Self.receipt(10_000, label: "ACOMPTE FA26-0870", reference: "R2"),
            ]), language: .french, at: F.time)
            // Five days later: too early for a task.
            #expect(try await store.reviewBankPayments(of: F.creditor, ledgerAsOf: F.date("2026-12-08"), waitDays: 10, language: .french, at: F.time) == 0)
            // The accountant lettered the part payment of FA26-0870 (its open amount moved), not FA26-0866.
            try await book.reimport([
                F.item("FA26-0866", open: 91_200, due: "2026-11-01"),
                F.item("FA26-0870", open: 35_000, due: "2026-11-05"),
            ])
            #expect(try await store.reviewBankPayments(of: F.creditor, ledgerAsOf: F.date("2026-12-13"), waitDays: 10, language: .french, at: F.time) == 1)
            #expect(try await store.reviewBankPayments(of: F.creditor, ledgerAsOf: F.date("2026-12-14"), waitDays: 10, language: .french, at: F.time) == 0)
            let tasks = try await book.tasks(.open)
            #expect(tasks.count == 1)
            #expect(tasks.first?.title == "Paiement reçu le 03/12 non lettré : facture FA26-0866, 912,00\u{00A0}€")
            // The hold stays while the task waits: the payment is real money.
            #expect(try await store.bankPayments(of: F.creditor).map(\.invoiceNumber) == ["FA26-0866"])
        }
    }
}
