/// The columns an open-invoice report can have, as the parser understands them.
public enum OpenInvoiceField: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case customer
    case customerName = "customer_name"
    case email
    case invoice
    case issued
    case due
    /// The invoice's total (TTC).
    case total
    /// What is still owed; when a report has no such column, the total is the open amount.
    case open
    /// What was already paid; with a total and no open column, open = total − paid.
    case paid
    case currency

    public var description: String {
        switch self {
        case .customer: "customer code"
        case .customerName: "customer name"
        case .email: "email"
        case .invoice: "invoice number"
        case .issued: "invoice date"
        case .due: "due date"
        case .total: "total amount"
        case .open: "amount due"
        case .paid: "amount paid"
        case .currency: "currency"
        }
    }
}

extension OpenInvoiceField {
    /// The keys of `[creditors.ID.columns]`: Relance's names for the fields, as a person writes
    /// them in the configuration (`amount` is the invoice's total).
    public static let configurationKeys: [String: OpenInvoiceField] = [
        "customer": .customer, "customer_name": .customerName, "email": .email, "invoice": .invoice,
        "issued": .issued, "due": .due, "amount": .total, "open": .open, "paid": .paid, "currency": .currency,
    ]

    public var configurationKey: String {
        Self.configurationKeys.first { $0.value == self }!.key
    }
}
