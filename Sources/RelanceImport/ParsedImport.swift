public import RelanceCore

/// What a file contained, once understood. Parsers are pure: bytes in, this out.
public struct ParsedImport: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An open-invoice / aged-balance report (CSV or XLSX).
        case openInvoices = "open-invoices"
        case fec
        case contacts
        case ublInvoice = "ubl"
        case ciiInvoice = "cii"
        case facturX = "factur-x"
        /// A bank statement (CFONB 120, camt.053/054, OFX): payments, not invoices.
        case bankStatement = "bank-statement"
    }

    public var kind: Kind
    public var items: [OpenItem]
    /// The date the file describes the books at ("as of"), when it says so.
    public var asOf: CivilDate?
    /// Report furniture (titles, subtotals, blank lines) skipped, for the import report.
    public var skippedRows: Int
    /// Things worth telling a person that did not stop the import.
    public var warnings: [ImportWarning]
    /// The customers of a contacts file (kind `.contacts`); empty for other kinds.
    public var contacts: [ContactRecord] = []
    /// Rows refused on their own (an implausible date); the rest of the file is imported.
    public var refusedRows: [RefusedRow] = []
    /// The movements of a bank statement (kind `.bankStatement`); nil for other kinds.
    public var bankStatement: BankStatement?
    /// The file has no customer code: each item's `customer` is the customer's name, to be
    /// matched to the contacts file by name.
    public var customersByName = false

    public init(kind: Kind, items: [OpenItem], asOf: CivilDate? = nil, skippedRows: Int = 0, warnings: [ImportWarning] = []) {
        self.kind = kind
        self.items = items
        self.asOf = asOf
        self.skippedRows = skippedRows
        self.warnings = warnings
    }
}
