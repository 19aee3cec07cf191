/// An invoice the store already holds, as an import reads it to decide its update.
public struct StoredInvoice: Sendable, Hashable {
    public var id: Int64
    public var customerID: Int64
    public var currency: String
    /// ISO 8601 dates as stored.
    public var issuedOn: String?
    public var openMinor: Int64
    public var dueOn: String?
    public var dueSource: String?
    public var isSettled: Bool
    /// The date of the newest authoritative snapshot that spoke of it.
    public var seenAsOf: String
    public var settledByImportID: Int64?

    public init(id: Int64, customerID: Int64, currency: String = "", issuedOn: String?, openMinor: Int64, dueOn: String?, dueSource: String?,
                isSettled: Bool, seenAsOf: String, settledByImportID: Int64?) {
        self.id = id
        self.customerID = customerID
        self.currency = currency
        self.issuedOn = issuedOn
        self.openMinor = openMinor
        self.dueOn = dueOn
        self.dueSource = dueSource
        self.isSettled = isSettled
        self.seenAsOf = seenAsOf
        self.settledByImportID = settledByImportID
    }
}
