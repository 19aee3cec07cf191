/// An aged balance without its invoices: per customer, how many items and the totals per
/// currency and bucket, then the grand totals — what the console's page shows. Built either
/// from the store's sums (`AgingRow`) or from a whole `AgedBalance`; both give the same value
/// for the same book (the store's tests prove it). Pure.
public struct AgedBalanceSummary: Sendable, Hashable {
    public struct Customer: Sendable, Hashable {
        public var customerID: Int64
        public var externalID: String
        public var name: String?
        public var invoices: Int
        public var totals: [BucketTotals]
    }

    public var asOf: CivilDate
    /// By customer code, as `AgedBalance` orders them.
    public var customers: [Customer]
    public var totals: [BucketTotals]

    /// The summary of a whole balance (filter it first with `AgedBalanceFilter`).
    public init(_ balance: AgedBalance) {
        asOf = balance.asOf
        customers = balance.customers.map {
            Customer(customerID: $0.customer.id, externalID: $0.customer.externalID, name: $0.customer.name, invoices: $0.invoices.count,
                     totals: $0.totals)
        }
        totals = balance.totals
    }

    /// The summary of the store's sums, kept as `filter` keeps a balance's items: the customers
    /// whose code or name holds its text, only the items of its bucket.
    public init(rows: [AgingRow], asOf: CivilDate, filter: AgedBalanceFilter = AgedBalanceFilter()) {
        self.asOf = asOf
        let needle = (filter.customer ?? "").lowercased()
        let kept = rows.filter { row in
            (filter.customerCode == nil || row.externalID == filter.customerCode)
                && (needle.isEmpty || row.externalID.lowercased().contains(needle) || (row.name ?? "").lowercased().contains(needle))
                && (filter.bucket == nil || row.bucket == filter.bucket)
        }
        let byCustomer = Dictionary(grouping: kept, by: \.externalID)
        customers = byCustomer.keys.sorted().map { code in
            let rows = byCustomer[code]!
            return Customer(customerID: rows[0].customerID, externalID: code, name: rows[0].name, invoices: rows.reduce(0) { $0 + $1.invoices },
                            totals: Self.totals(rows))
        }
        totals = Self.totals(kept)
    }

    /// Per currency, as `BucketTotals.sum` adds invoices: a bucket holding items has an entry.
    private static func totals(_ rows: [AgingRow]) -> [BucketTotals] {
        var totals: [Currency: BucketTotals] = [:]
        for row in rows {
            var entry = totals[row.currency] ?? BucketTotals(currency: row.currency, byBucket: [:], total: 0)
            entry.byBucket[row.bucket, default: 0] += row.demanded
            entry.total += row.demanded
            entry.received += row.received
            totals[row.currency] = entry
        }
        return totals.values.sorted { $0.currency < $1.currency }
    }
}
