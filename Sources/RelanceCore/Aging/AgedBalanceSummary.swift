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
        // One pass, the customers by code in a dictionary and their sums in arrays. The stores
        // give a customer's rows one after the other, so the filter's verdict and the
        // customer's place are worked out once per customer (when the code and name change),
        // not once per row: 10,000 customers, 40,000 rows on the page's big book.
        var places: [String: Int] = [:]
        places.reserveCapacity(rows.count / 2)
        var sums: [(customerID: Int64, externalID: String, name: String?, invoices: Int, totals: BucketTotalsSum)] = []
        var grand = BucketTotalsSum()
        var previous: (externalID: String, name: String?, kept: Bool, place: Int)?
        for row in rows {
            guard filter.bucket == nil || row.bucket == filter.bucket else { continue }
            let customer: (kept: Bool, place: Int)
            if let previous, previous.externalID == row.externalID, previous.name == row.name {
                customer = (previous.kept, previous.place)
            } else {
                let kept = (filter.customerCode == nil || row.externalID == filter.customerCode)
                    && (needle.isEmpty || row.externalID.lowercased().contains(needle) || (row.name ?? "").lowercased().contains(needle))
                customer = (kept, places[row.externalID] ?? -1)
                previous = (row.externalID, row.name, customer.kept, customer.place)
            }
            guard customer.kept else { continue }
            var place = customer.place
            if place < 0 {
                // The first kept row of this customer labels it, as the rows grouped by code did.
                place = sums.count
                places[row.externalID] = place
                sums.append((row.customerID, row.externalID, row.name, 0, BucketTotalsSum()))
                previous?.place = place
            }
            sums[place].invoices += row.invoices
            sums[place].totals.add(currency: row.currency, bucket: row.bucket, demanded: row.demanded, received: row.received)
            grand.add(currency: row.currency, bucket: row.bucket, demanded: row.demanded, received: row.received)
        }
        // Sorted as places, not as the sums themselves.
        customers = sums.indices.sorted { sums[$0].externalID < sums[$1].externalID }.map {
            Customer(customerID: sums[$0].customerID, externalID: sums[$0].externalID, name: sums[$0].name, invoices: sums[$0].invoices,
                     totals: sums[$0].totals.totals)
        }
        totals = grand.totals
    }
}
