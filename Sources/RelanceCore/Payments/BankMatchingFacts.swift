/// What a store reads before matching receipts (a statement's import, a person's link, the
/// retry after a ledger's import): the open invoices with what live bank payments already took
/// off them, and the payers earlier matches or people linked to customers. Pure from here on:
/// the matcher, the RF references as reminders print them, the ledger's open amounts a match
/// records, the invoices' issue dates the retry checks.
public struct BankMatchingFacts: Sendable, Hashable {
    public struct OpenInvoice: Sendable, Hashable {
        public var id: Int64
        public var number: String
        public var customerID: Int64
        /// The customer's id in the creditor's books: part of the RF reference.
        public var customerExternalID: String
        /// The ledger's open amount (`open_minor`), recorded with a match: a later import that
        /// changes it is the ledger taking the payment into account.
        public var ledgerOpen: Money
        /// The ledger's open amount less the live bank payments already matched to it.
        public var remaining: Money
        public var due: CivilDate?
        public var issued: CivilDate?

        public init(id: Int64, number: String, customerID: Int64, customerExternalID: String, ledgerOpen: Money, remaining: Money,
                    due: CivilDate?, issued: CivilDate?) {
            self.id = id
            self.number = number
            self.customerID = customerID
            self.customerExternalID = customerExternalID
            self.ledgerOpen = ledgerOpen
            self.remaining = remaining
            self.due = due
            self.issued = issued
        }
    }

    public var invoices: [OpenInvoice]
    public var payers: [BankPayerLink]

    public init(invoices: [OpenInvoice], payers: [BankPayerLink]) {
        self.invoices = invoices
        self.payers = payers
    }

    /// The matcher over these invoices and payers.
    public func matcher() -> PaymentMatcher {
        var references: [String: Int64] = [:]
        for invoice in invoices {
            if let reference = RFCreditorReference.make(customer: invoice.customerExternalID, invoice: invoice.number) {
                references[reference] = invoice.id
            }
        }
        var ibans: [String: Int64] = [:]
        var names: [String: Int64] = [:]
        for payer in payers {
            switch payer.kind {
            case .iban: ibans[payer.value] = payer.customerID
            case .name: names[payer.value] = payer.customerID
            }
        }
        return PaymentMatcher(invoices: invoices.map {
            PaymentMatcher.Invoice(id: $0.id, number: $0.number, customerID: $0.customerID, open: $0.remaining, due: $0.due)
        }, references: references, payerIBANs: ibans, payerNames: names)
    }

    /// The ledger's open amount of each invoice, by id (what a match records beside its amount).
    public var ledgerOpen: [Int64: Int64] {
        Dictionary(invoices.map { ($0.id, $0.ledgerOpen.minorUnits) }, uniquingKeysWith: { first, _ in first })
    }

    /// The issue date of each invoice that has one, by id.
    public var issued: [Int64: CivilDate] {
        Dictionary(invoices.compactMap { invoice in invoice.issued.map { (invoice.id, $0) } }, uniquingKeysWith: { first, _ in first })
    }
}

/// A payer (its IBAN, or its name as a key) linked to a customer: by a certain match, or by a
/// person's word.
public struct BankPayerLink: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case iban
        case name
    }

    public var kind: Kind
    public var value: String
    public var customerID: Int64

    public init(kind: Kind, value: String, customerID: Int64) {
        self.kind = kind
        self.value = value
        self.customerID = customerID
    }

    /// The payers an entry names, as links to `customerID`: its IBAN, then its name as a key
    /// (`PaymentMatcher.payerNameKey`); none when the bank names neither.
    public static func payers(of entry: BankEntry, customerID: Int64) -> [BankPayerLink] {
        var links: [BankPayerLink] = []
        if let iban = entry.counterpartyIBAN { links.append(BankPayerLink(kind: .iban, value: iban, customerID: customerID)) }
        if let name = entry.counterparty.map(PaymentMatcher.payerNameKey), !name.isEmpty {
            links.append(BankPayerLink(kind: .name, value: name, customerID: customerID))
        }
        return links
    }

    /// A match teaches a payer not yet known (what it finds stays); a person's word replaces
    /// what a match taught. True when, after `self` is written, the payer points at the
    /// customer anew — what a person's link reports as taught.
    public func isNew(before: Int64?, byPerson: Bool) -> Bool {
        before != customerID && (byPerson || before == nil)
    }
}
