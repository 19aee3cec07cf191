/// One open line of a customer's account as an export shows it: an unpaid (or partly paid)
/// invoice, or a credit (negative `open`) such as an unapplied payment or a credit note.
/// This is what every import parser produces; the store turns items into invoices.
public struct OpenItem: Sendable, Hashable, Codable {
    /// The customer's id in the creditor's books (account number, client code…).
    public var customer: String
    public var customerName: String?
    /// The invoice (or credit note) number as printed on it.
    public var invoice: String
    public var issued: CivilDate?
    public var due: CivilDate?
    /// What is still owed; negative for a credit.
    public var open: Money
    /// The invoice's total, when the export gives it.
    public var total: Money?
    /// Addresses found next to the item, as written (validated when contacts are resolved).
    public var emails: [String]
    /// Where the item was read, for events and error messages.
    public var source: SourcePosition?

    public init(customer: String, customerName: String? = nil, invoice: String, issued: CivilDate? = nil,
                due: CivilDate? = nil, open: Money, total: Money? = nil, emails: [String] = [],
                source: SourcePosition? = nil) {
        self.customer = customer
        self.customerName = customerName
        self.invoice = invoice
        self.issued = issued
        self.due = due
        self.open = open
        self.total = total
        self.emails = emails
        self.source = source
    }
}
