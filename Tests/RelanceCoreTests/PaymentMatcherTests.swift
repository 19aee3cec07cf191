import RelanceCore
import Testing

@Suite("Payment matching and RF references")
struct PaymentMatcherTests {
    static func eur(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .euro) }
    static func invoice(_ id: Int64, _ number: String, customer: Int64 = 1, _ cents: Int64) -> PaymentMatcher.Invoice {
        PaymentMatcher.Invoice(id: id, number: number, customerID: customer, open: eur(cents), due: CivilDate(year: 2026, month: 11, day: Int(id))!)
    }
    static func entry(_ cents: Int64, _ label: String, payer: String? = nil, iban: String? = nil, reference: String? = nil) -> BankEntry {
        BankEntry(booked: CivilDate(year: 2026, month: 12, day: 3)!, amount: eur(cents), counterparty: payer, counterpartyIBAN: iban,
                  remittance: label, reference: reference, account: "A")
    }

    @Test("Invoice numbers are found however the payer wrote them")
    func numberKeys() {
        #expect(InvoiceNumberKey.key("FA26-0866") == "260866")
        #expect(InvoiceNumberKey.key("fa 26 0866") == "260866")
        #expect(InvoiceNumberKey.key("F260866") == "260866")
        #expect(InvoiceNumberKey.key("INV-000123") == "123")
        #expect(InvoiceNumberKey.key("000123") == "123")
        #expect(InvoiceNumberKey.key("FACTURE") == nil)
        #expect(InvoiceNumberKey.candidates(in: "VIR SEPA OCEANE FA 26-0866").contains("260866"))
    }

    @Test("By number: one invoice, several, a partial payment, an overpayment; ambiguity assumes nothing")
    func byNumber() {
        var matcher = PaymentMatcher(invoices: [Self.invoice(1, "FA26-0866", 91_200), Self.invoice(2, "FA26-0870", 45_000),
                                                Self.invoice(3, "F-9", customer: 2, 10_000)])
        let one = matcher.match(Self.entry(91_200, "VIR OCEANE FACTURE FA26-0866"))
        #expect(one?.allocations.map(\.invoiceID) == [1])
        #expect(one?.method == .invoiceNumber)
        #expect(matcher.remaining(1) == Self.eur(0))
        // The same invoice again: nothing left to pay on it.
        #expect(matcher.match(Self.entry(91_200, "FA26-0866")) == nil)
        let partial = matcher.match(Self.entry(20_000, "acompte fa26 0870"))
        #expect(partial?.allocations.first?.amount == Self.eur(20_000))
        #expect(matcher.remaining(2) == Self.eur(25_000))
        let over = matcher.match(Self.entry(30_000, "solde FA26-0870"))
        #expect(over?.unallocated == Self.eur(5_000))
        #expect(matcher.match(Self.entry(100, "a payment, not an invoice")) == nil)
    }

    @Test("A reference Relance gave wins; a known payer's exact amount, one invoice or a set net of credits")
    func referenceAndKnownPayer() {
        let reference = RFCreditorReference.make(customer: "C1", invoice: "FA26-0866")!
        var matcher = PaymentMatcher(
            invoices: [Self.invoice(1, "FA26-0866", 91_200), Self.invoice(2, "FA26-0870", 45_000), Self.invoice(3, "FA26-0871", 30_000),
                       Self.invoice(4, "AV26-0001", -5_000)],
            references: [reference: 1], payerIBANs: ["FR7630006000011234567890189": 1])
        #expect(matcher.match(Self.entry(91_200, "payment", reference: reference))?.method == .reference)
        // 450 + 300 − 50 = 700: a set of invoices net of the credit note.
        let set = matcher.match(Self.entry(70_000, "VIREMENT", iban: "FR7630006000011234567890189"))
        #expect(set?.method == .knownPayer)
        #expect(set?.allocations.map(\.invoiceID).sorted() == [2, 3])
        // An unknown payer is nobody.
        #expect(matcher.match(Self.entry(45_000, "VIREMENT", iban: "DE89370400440532013000")) == nil)
    }

    @Test("RF creditor references: check digits by ISO 7064 MOD 97-10")
    func rfReferences() {
        #expect(RFCreditorReference.isValid("RF18 5390 0754 7034"))
        #expect(RFCreditorReference.isValid("RF18539007547034"))
        #expect(!RFCreditorReference.isValid("RF19539007547034"))
        #expect(RFCreditorReference.make(body: "539007547034") == "RF18539007547034")
        let made = RFCreditorReference.make(customer: "C-001", invoice: "FA26-0866")!
        #expect(RFCreditorReference.isValid(made))
        #expect(RFCreditorReference.grouped("RF18539007547034") == "RF18 5390 0754 7034")
    }
}

@Suite("Bank reversals: which receipt a reversal undoes")
struct BankReversalFinderTests {
    static func entry(_ cents: Int64, _ day: String, _ label: String, reversal: Bool = false, reference: String? = nil,
                      payer: String? = nil, account: String = "A") -> BankEntry {
        BankEntry(booked: CivilDate(iso8601: day)!, amount: Money(minorUnits: cents, currency: .euro), counterparty: payer,
                  remittance: label, reference: reference, account: account, isReversal: reversal)
    }

    @Test("the most certain tier wins; two at that tier is no answer; another account or a later receipt never fits")
    func tiers() {
        let receipts: [(id: Int64, entry: BankEntry)] = [
            (1, Self.entry(91_200, "2026-12-01", "VIR FA26-0866", payer: "OCEANE")),
            (2, Self.entry(91_200, "2026-12-02", "VIR FA26-0870", reference: "RF18539007547034", payer: "AUTRE")),
            (3, Self.entry(91_200, "2026-12-02", "VIR FA26-0870", account: "B")),
            (4, Self.entry(91_200, "2026-12-09", "VIR FA26-0866")),
        ]
        let byText = Self.entry(-91_200, "2026-12-05", "REJET VIR FA26-0866", reversal: true)
        #expect(BankReversalFinder.original(of: byText, among: receipts) == .found(id: 1, method: .remittance))
        let byReference = Self.entry(-91_200, "2026-12-05", "X", reversal: true, reference: "RF18539007547034")
        #expect(BankReversalFinder.original(of: byReference, among: receipts) == .found(id: 2, method: .reference))
        let byPayer = Self.entry(-91_200, "2026-12-05", "", reversal: true, payer: "oceane")
        #expect(BankReversalFinder.original(of: byPayer, among: receipts) == .found(id: 1, method: .payerName))
        let byAmount = Self.entry(-91_200, "2026-12-05", "IMPAYE", reversal: true)
        #expect(BankReversalFinder.original(of: byAmount, among: receipts) == .ambiguous(count: 2))
        #expect(BankReversalFinder.original(of: byAmount, among: [receipts[0]]) == .found(id: 1, method: .amountAndDate))
        let tooLate = Self.entry(-91_200, "2027-03-01", "IMPAYE", reversal: true)
        #expect(BankReversalFinder.original(of: tooLate, among: [receipts[0]]) == .notFound)
        let otherAmount = Self.entry(-91_100, "2026-12-05", "REJET VIR FA26-0866", reversal: true)
        #expect(BankReversalFinder.original(of: otherAmount, among: receipts) == .notFound)
    }
}
