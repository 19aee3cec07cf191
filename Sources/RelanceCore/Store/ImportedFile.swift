
/// A file the intake accepted from the drop folder, about to be applied to the store.
public struct ImportedFile: Sendable, Hashable {
    public var creditor: CreditorID
    /// The name as dropped, for reports and events (never used as a path).
    public var fileName: String
    /// Hex SHA-256 of the bytes: the same content dropped twice is recorded once.
    public var sha256: String
    public var byteCount: Int
    public var kind: String
    /// What the parser told about the file without refusing it (values it cleaned, cells it
    /// refused, guesses): journaled as `import.warning` in the import's transaction.
    public var warnings: [String] = []

    public init(creditor: CreditorID, fileName: String, sha256: String, byteCount: Int, kind: String) {
        self.creditor = creditor
        self.fileName = fileName
        self.sha256 = sha256
        self.byteCount = byteCount
        self.kind = kind
    }
}

/// What the store did with an import.
public struct ImportReceipt: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        case applied
        /// The same bytes were already applied for this creditor: nothing changed.
        case duplicate
        case rejected
        /// Nothing changed: the snapshot would settle too much at once; `relance import confirm` applies it.
        case held
    }

    public var importID: Int64
    public var outcome: Outcome
    public var newInvoices: Int
    public var updatedInvoices: Int
    public var settledInvoices: Int
    public var unchangedInvoices: Int
    public var newCustomers: Int
    /// Customers of a contacts file updated; invoices whose customer a person must identify.
    public var updatedCustomers: Int = 0
    public var unresolvedInvoices: Int = 0
    /// Worth telling the accountant (terms beyond the legal caps, a held snapshot…).
    public var warnings: [String] = []
    /// What a bank statement's import did (entries, matches); nil for other kinds.
    public var bank: BankImportReceipt?
    /// Bank receipts left unmatched earlier that this import's invoices now match (#15).
    public var rematchedReceipts = 0
    /// A duplicate that confirmed the books unchanged as of this day (`SnapshotReconfirmation`).
    public var reconfirmedAsOf: CivilDate?

    /// The books have a new date: the bank's payments are then weighed against them again.
    public var datesTheBooks: Bool { outcome == .applied || reconfirmedAsOf != nil }

    public init(importID: Int64, outcome: Outcome, newInvoices: Int = 0, updatedInvoices: Int = 0,
                settledInvoices: Int = 0, unchangedInvoices: Int = 0, newCustomers: Int = 0) {
        self.importID = importID
        self.outcome = outcome
        self.newInvoices = newInvoices
        self.updatedInvoices = updatedInvoices
        self.settledInvoices = settledInvoices
        self.unchangedInvoices = unchangedInvoices
        self.newCustomers = newCustomers
    }
}
