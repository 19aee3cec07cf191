import Foundation
import RelanceCore
import Testing

/// The bank's rules both stores apply (`Payments/`), on values alone.
@Suite struct BankRulesTests {
    static let creditor = CreditorID("acme")!
    static let time = Date(timeIntervalSince1970: 1_795_000_000)
    static func day(_ iso: String) -> CivilDate { CivilDate(iso8601: iso)! }
    static func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .euro) }

    static func awaiting(_ id: Int64, booked: String, open: Bool = true, openMinor: Int64 = 10_000) -> BankPaymentReview.AwaitingPayment {
        BankPaymentReview.AwaitingPayment(BankPayment(matchID: id, invoiceID: 100 + id, invoiceNumber: "F-\(id)", customerID: 1,
                                                      amount: euros(10_000), booked: day(booked), label: "VIR F-\(id)"),
                                          invoiceIsOpen: open, invoiceOpenMinor: openMinor, ledgerOpenMinor: 10_000)
    }

    @Test func aPaymentIsLetteredWhenTheLedgerMovedAndCheckedOnlyAfterTheWait() {
        let review = BankPaymentReview(awaiting: [
            Self.awaiting(3, booked: "2026-12-01"),
            Self.awaiting(1, booked: "2026-12-01", open: false, openMinor: 0),
            Self.awaiting(2, booked: "2026-12-01", openMinor: 4_000),
            Self.awaiting(4, booked: "2026-12-05"),
        ], creditor: Self.creditor, ledgerAsOf: Self.day("2026-12-14"), waitDays: 10, words: Language.french.wording)
        #expect(review.lettered == [1, 2])
        #expect(review.checks.map(\.matchID) == [3], "booked on the 5th: not ten days yet")
        #expect(review.checks.first?.task.dedupKey == "bank-payment-not-lettered:3")
        #expect(review.checks.first?.task.kind == .checkPayment && review.checks.first?.task.invoiceIDs == [103])
    }

    @Test func aMatchTeachesOnlyAnUnknownPayerAPersonReplacesWhatAMatchTaught() {
        let link = BankPayerLink(kind: .iban, value: "FR76", customerID: 7)
        #expect(link.isNew(before: nil, byPerson: false))
        #expect(!link.isNew(before: 8, byPerson: false))
        #expect(link.isNew(before: 8, byPerson: true))
        #expect(!link.isNew(before: 7, byPerson: true))
    }

    @Test func theRetryDoesNotLetAKnownPayersAmountPayAnInvoiceIssuedAfterTheMoneyCame() {
        let facts = BankMatchingFacts(invoices: [
            BankMatchingFacts.OpenInvoice(id: 1, number: "F-2027-01", customerID: 5, customerExternalID: "C5", ledgerOpen: Self.euros(5_000),
                                          remaining: Self.euros(5_000), due: Self.day("2027-02-01"), issued: Self.day("2027-01-02")),
        ], payers: [BankPayerLink(kind: .name, value: "DUPONT", customerID: 5)])
        let old = BankEntry(booked: Self.day("2026-12-03"), amount: Self.euros(5_000), counterparty: "DUPONT", remittance: "VIREMENT", account: "A")
        let named = BankEntry(booked: Self.day("2026-12-04"), amount: Self.euros(5_000), counterparty: "DUPONT", remittance: "F-2027-01", account: "A")
        let byAmount = BankReceiptRematching(receipts: [(1, old)], facts: facts, importID: 9, creditor: Self.creditor,
                                             words: Language.english.wording, at: Self.time)
        #expect(byAmount.records.isEmpty && byAmount.event == nil)
        let byNumber = BankReceiptRematching(receipts: [(1, old), (2, named)], facts: facts, importID: 9, creditor: Self.creditor,
                                             words: Language.english.wording, at: Self.time)
        #expect(byNumber.records.map(\.entryID) == [2])
        #expect(byNumber.records.first?.payments.map(\.ledgerOpen) == [5_000])
        #expect(byNumber.event?.detail == ["receipts": "1"])
    }

    @Test func aReceiptNoLongerToResolveIsRefusedWithWhyAndByWhom() {
        let entry = BankEntry(booked: Self.day("2026-12-03"), amount: Self.euros(5_000), remittance: "VIREMENT", account: "A")
        func facts(matched: [String] = [], reversed: Bool = false, by: String? = nil, to: String? = nil) -> ReceiptResolutionDecision.Facts {
            ReceiptResolutionDecision.Facts(entryID: 4, entry: entry, matchedInvoices: matched, reversed: reversed, resolvedBy: by, resolvedToCustomer: to)
        }
        let english = Language.english.wording, french = Language.french.wording
        #expect(ReceiptResolutionDecision.refusal(facts(), words: english) == nil)
        #expect(ReceiptResolutionDecision.refusal(facts(matched: ["F-1", "F-2"]), words: english)?.message.contains("invoice F-1, F-2") == true)
        #expect(ReceiptResolutionDecision.refusal(facts(reversed: true), words: english)?.code == .invalidState)
        #expect(ReceiptResolutionDecision.refusal(facts(by: "marie", to: "C3"), words: english)?.message == "bank entry #4 was already linked to customer C3 by marie")
        #expect(ReceiptResolutionDecision.refusal(facts(by: "paul"), words: english)?.message == "bank entry #4 was already set aside by paul")
        // A French creditor's people read it in French.
        #expect(ReceiptResolutionDecision.refusal(facts(by: "marie", to: "C3"), words: french)?.message == "l'opération bancaire n°\u{00A0}4 a déjà été rattachée au client C3 par marie")
        #expect(ReceiptResolutionDecision.refusal(facts(matched: ["F-1", "F-2"]), words: french)?.message
                == "l'opération bancaire n°\u{00A0}4 est déjà rapprochée des factures F-1, F-2 : la fiche du client la montre")
        #expect(ReceiptResolutionDecision.noSuchCustomer("C9", words: french).message.hasPrefix("il n'y a pas de client «\u{00A0}C9\u{00A0}»"))
    }
}
