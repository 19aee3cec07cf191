/// Why an e-invoice (UBL, CII, Factur-X) was refused, with the values its sentence needs (see
/// `ImportProblem.eInvoice`).
public enum EInvoiceProblem: Sendable, Hashable {
    /// An EN 16931 business term the refusal names.
    public enum Term: Sendable, Hashable {
        case invoiceNumber, issueDate, dueDate, currency, amountDue
    }

    case missing(Term, path: String)
    case notADate(Term, text: String)
    case notACurrency(String)
    case notAnAmount(Term, text: String, currency: String, decimals: Int)
    case notAnInvoice(root: String)
    case pdfWithoutInvoice
    case malformedXML(truncated: Bool)
}
