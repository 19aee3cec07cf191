/// The aged balance's figures summed in the store (the console's Aged balance page), so that a
/// page on a big book does not read and age every invoice with its history on each request.
public protocol AgingSummaryStore: Sendable {
    /// The creditor's open invoices aged on `asOf`, summed per customer, currency and bucket,
    /// with the bank's payments set apart as `BankAwareReceivables` does: the same figures as
    /// `AgedBalance(receivables: BankAwareReceivables.read(…), asOf:)`, summed.
    func agingRows(of creditor: CreditorID, asOf: CivilDate) async throws -> [AgingRow]
}

/// One customer's open invoices of one currency in one bucket.
public struct AgingRow: Sendable, Hashable {
    public var customerID: Int64
    public var externalID: String
    public var name: String?
    public var currency: Currency
    public var bucket: AgingBucket
    public var invoices: Int
    /// What is still demanded (`Receivable.demanded`), summed.
    public var demanded: Int64
    /// Received at the bank, awaiting the ledger (`Receivable.received`), summed.
    public var received: Int64

    public init(customerID: Int64, externalID: String, name: String?, currency: Currency, bucket: AgingBucket, invoices: Int,
                demanded: Int64, received: Int64) {
        self.customerID = customerID
        self.externalID = externalID
        self.name = name
        self.currency = currency
        self.bucket = bucket
        self.invoices = invoices
        self.demanded = demanded
        self.received = received
    }
}
