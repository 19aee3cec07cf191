public import RelanceCore

/// The EN 16931 business terms Relance reads from a structured invoice (UBL, CII, Factur-X).
public struct EInvoice: Sendable, Hashable {
    public enum Syntax: String, Sendable, Hashable { case ubl, cii }

    public var syntax: Syntax
    public var isCreditNote: Bool
    /// BT-1
    public var number: String
    /// BT-2
    public var issued: CivilDate
    /// BT-9, only when the invoice states it.
    public var dueDate: CivilDate?
    /// BT-20
    public var paymentTermsText: String?
    /// BT-115, as the document states it (a credit note's is positive).
    public var amountDue: Money
    /// BT-44
    public var buyerName: String?
    /// BT-46, then BT-47 (legal registration, e.g. SIREN), then BT-48 (VAT number), as present.
    public var buyerIdentifiers: [String]
    /// BT-49 when its scheme is email (EM), then BT-58.
    public var buyerEmails: [String]

    /// The due date to use: BT-9, else one read from the terms text BT-20 (nil when neither says).
    public var effectiveDueDate: CivilDate? { dueDate ?? paymentTermsText.flatMap { TermsText.dueDate(in: $0, issued: issued) } }

    /// What the customer owes because of this document: negative for a credit note.
    public var openItem: OpenItem {
        let signed = isCreditNote ? Money(minorUnits: -amountDue.minorUnits, currency: amountDue.currency) : amountDue
        return OpenItem(customer: buyerIdentifiers.first ?? buyerName ?? "", customerName: buyerName, invoice: number,
                        issued: issued, due: effectiveDueDate, open: signed, total: nil, emails: buyerEmails)
    }
}
