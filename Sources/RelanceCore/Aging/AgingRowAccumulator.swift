/// Sums a creditor's open invoices into the Aged balance page's rows (`AgingSummaryStore`), as
/// the store reads them: one invoice at a time, in the order of customer then currency, so each
/// customer's buckets are summed as the rows stream by and flushed when the customer or currency
/// changes — no dictionary keyed by strings, no sort. Both stores feed it, so the rule (which
/// bucket, what is demanded, what the bank already received) exists once.
public struct AgingRowAccumulator: Sendable {
    /// A customer's code and name, to label its rows.
    public typealias Customer = (code: String, name: String?)

    /// An open invoice whose customer or currency the book does not know: the store is corrupt.
    public struct UnknownCustomerOrCurrency: Error, Sendable, Hashable {
        public var customerID: Int64
        public var currency: String
    }

    struct Sum: Sendable {
        var invoices = 0
        var demanded: Int64 = 0
        var received: Int64 = 0
    }

    private let today: Int
    /// `bankPayments(of:)` summed per invoice and currency: the live matches of the open invoices
    /// whose ledger amount has not moved since.
    private let payments: [Int64: [String: Int64]]
    private var sums: [(customer: Int64, currency: String, bucket: AgingBucket, sum: Sum)] = []
    private var current: (customer: Int64, currency: String)?
    private var buckets = [Sum](repeating: Sum(), count: AgingBucket.allCases.count)

    public init(asOf: CivilDate, payments: [Int64: [String: Int64]]) {
        today = asOf.daysSinceEpoch
        self.payments = payments
    }

    /// One open invoice; `dueOn` as stored (ISO 8601), counted as no due date when it is no
    /// calendar day, as the whole-book balance reads it.
    public mutating func add(invoiceID: Int64, customerID: Int64, currency: String, open: Int64, dueOn: String?) {
        add(invoiceID: invoiceID, customerID: customerID, currency: currency, open: open, due: dueOn.flatMap { CivilDate(iso8601: $0) })
    }

    public mutating func add(invoiceID: Int64, customerID: Int64, currency: String, open: Int64, due: CivilDate?) {
        if current?.customer != customerID || current?.currency != currency {
            flush()
            current = (customerID, currency)
        }
        // `Receivable.netOfBankPayments`: the payments of the invoice's own currency, capped at
        // its open amount, never on a credit.
        let paid = payments.isEmpty ? 0 : payments[invoiceID]?[currency] ?? 0
        let received = open > 0 && paid > 0 ? min(paid, open) : 0
        let bucket = AgingBucket(daysLate: due.map { today - $0.daysSinceEpoch }, open: Money(minorUnits: open, currency: .euro))
        let index = bucket.place
        buckets[index].invoices += 1
        buckets[index].demanded += open - received
        buckets[index].received += received
    }

    /// The rows, in the order the invoices came, labelled with their customers.
    public mutating func rows(customers: [Int64: Customer]) throws(UnknownCustomerOrCurrency) -> [AgingRow] {
        flush()
        var rows: [AgingRow] = []
        rows.reserveCapacity(sums.count)
        // A currency parsed once, not once per row: a few codes for 40,000 rows.
        var currencies: [String: Currency] = [:]
        for key in sums {
            var currency = currencies[key.currency]
            if currency == nil {
                currency = Currency(code: key.currency)
                currencies[key.currency] = currency
            }
            guard let currency, let customer = customers[key.customer] else {
                throw UnknownCustomerOrCurrency(customerID: key.customer, currency: key.currency)
            }
            rows.append(AgingRow(customerID: key.customer, externalID: customer.code, name: customer.name, currency: currency,
                                 bucket: key.bucket, invoices: key.sum.invoices, demanded: key.sum.demanded, received: key.sum.received))
        }
        return rows
    }

    private mutating func flush() {
        guard let current else { return }
        for (index, bucket) in AgingBucket.allCases.enumerated() where buckets[index].invoices > 0 {
            sums.append((current.customer, current.currency, bucket, buckets[index]))
            buckets[index] = Sum()
        }
        self.current = nil
    }
}
