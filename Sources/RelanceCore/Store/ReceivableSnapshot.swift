/// The open items a file shows, and how far the store may trust it.
public struct ReceivableSnapshot: Sendable, Hashable {
    public var items: [OpenItem]
    /// The date the file describes the books at.
    public var asOf: CivilDate
    /// True for the creditor's authoritative source (its ledger or aged-balance export):
    /// an invoice such a snapshot no longer lists is settled. Other files only add and enrich.
    public var isAuthoritative: Bool

    public init(items: [OpenItem], asOf: CivilDate, isAuthoritative: Bool) {
        self.items = items
        self.asOf = asOf
        self.isAuthoritative = isAuthoritative
    }
}
