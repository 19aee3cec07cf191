/// The open items a file shows, and how far the store may trust it.
public struct ReceivableSnapshot: Sendable, Hashable, Codable {
    public var items: [OpenItem]
    /// The date the file describes the books at.
    public var asOf: CivilDate
    /// True for the creditor's authoritative source (its ledger or aged-balance export):
    /// an invoice such a snapshot no longer lists is settled. Other files only add and enrich.
    public var isAuthoritative: Bool
    /// Per invoice number: buyer identifiers, terms text, kept document (e-invoices).
    public var details: [String: InvoiceDetails]
    /// Where `OpenItem.due` comes from, for events ("due-date column", "BT-9").
    public var statedDueSource: String
    /// The creditor's terms when neither the file nor the customer's contacts give any.
    public var defaultTerms: PaymentTermsRule
    /// Hold the snapshot when it would settle more than this share (percent) of the open
    /// amount at once; nil applies it whatever it settles (a person confirmed it).
    public var massSettlementThresholdPercent: Int?
    /// True when the file had no customer code, so each item's `customer` is the customer's
    /// name: it is matched to a known customer (the contacts file's) by that name.
    /// Optional so that snapshots held before it existed still decode.
    public var customersByName: Bool?
    /// Rows the file refused on their own (an implausible date): recorded in the journal, and
    /// their invoices are never settled by this snapshot — a refused row is not a payment.
    /// Optional so that snapshots held before it existed still decode.
    public var refusedRows: [RefusedRow]?
    /// True when the file states no date (an open-invoice report without an "as of" line):
    /// `asOf` is then the day it was dropped, so the same bytes dropped again on a later day
    /// say the books are unchanged as of that day (`SnapshotReconfirmation`).
    /// Optional so that snapshots held before it existed still decode.
    public var datedByDropDay: Bool?

    public init(items: [OpenItem], asOf: CivilDate, isAuthoritative: Bool, details: [String: InvoiceDetails] = [:],
                statedDueSource: String = DueDateSource.dueDateColumn, defaultTerms: PaymentTermsRule = PaymentTermsRule(days: 30),
                massSettlementThresholdPercent: Int? = nil) {
        self.items = items
        self.asOf = asOf
        self.isAuthoritative = isAuthoritative
        self.details = details
        self.statedDueSource = statedDueSource
        self.defaultTerms = defaultTerms
        self.massSettlementThresholdPercent = massSettlementThresholdPercent
    }
}
