/// Which part of an aged balance to show: the customers whose code or name holds some text,
/// and only the items of one bucket. The filtered balance is aged again from the kept
/// receivables, so its totals are the same computation as the whole one's. Pure.
public struct AgedBalanceFilter: Sendable, Hashable {
    /// Matched case-insensitively against the customer's code and name; nil or blank: all.
    public var customer: String?
    /// Exactly this customer code (`relance aging --customer`).
    public var customerCode: String?
    public var bucket: AgingBucket?

    public init(customer: String? = nil, customerCode: String? = nil, bucket: AgingBucket? = nil) {
        self.customer = customer
        self.customerCode = customerCode
        self.bucket = bucket
    }

    public var isEmpty: Bool { (customer ?? "").isEmpty && customerCode == nil && bucket == nil }

    public func apply(to balance: AgedBalance) -> AgedBalance {
        guard !isEmpty else { return balance }
        let needle = (customer ?? "").lowercased()
        let kept = balance.customers.filter { aging in
            (customerCode == nil || aging.customer.externalID == customerCode)
                && (needle.isEmpty || aging.customer.externalID.lowercased().contains(needle)
                    || (aging.customer.name ?? "").lowercased().contains(needle))
        }.flatMap { $0.invoices.filter { bucket == nil || $0.bucket == bucket }.map(\.receivable) }
        return AgedBalance(receivables: kept, asOf: balance.asOf)
    }
}
