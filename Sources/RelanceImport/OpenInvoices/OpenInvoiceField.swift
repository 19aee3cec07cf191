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
        case .currency: "currency"
        }
    }
}
