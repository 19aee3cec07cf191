/// What a reminder or letter asks the customer to quote with the transfer
/// (`payment_reference` in the creditor's settings).
public enum PaymentReferenceStyle: String, Sendable, Hashable, Codable, CaseIterable {
    /// The customer's code in the creditor's books (the default).
    case customer
    /// An ISO 11649 RF creditor reference built from the customer's code and the invoice number,
    /// with its check digits, when the message demands one invoice: a payer's bank passes it on
    /// untouched, and the bank matching recognises it (`PaymentMatcher`, most certain first).
    /// With several invoices, the customer's code (the transfer's label then names the invoices).
    case rf

    /// The reference to print: `RF86 C042 F202 6011 7` or `C042`.
    public func reference(customer: String, invoices: [String]) -> String {
        guard self == .rf, invoices.count == 1, let reference = structured(customer: customer, invoices: invoices) else { return customer }
        return RFCreditorReference.grouped(reference)
    }

    /// The RF reference itself (compact), or nil when the message does not carry one.
    public func structured(customer: String, invoices: [String]) -> String? {
        guard self == .rf, invoices.count == 1 else { return nil }
        return RFCreditorReference.make(customer: customer, invoice: invoices[0])
    }
}
