/// The aged balance (*balance âgée*) on a date: per customer, then per invoice, the open
/// amounts spread over the aging buckets. Amounts of different currencies are never added:
/// every total is per currency. Pure: receivables and a date in, the table out.
///
/// Amounts are what is still demanded (`Receivable.demanded`): money a bank statement shows
/// received and the ledger has not lettered yet is set apart, per invoice and per currency
/// (`received`), so the buckets agree with the plan and the ledger's figure is their sum.
public struct AgedBalance: Sendable, Hashable, Codable {
    public var asOf: CivilDate
    public var customers: [CustomerAging]
    /// Grand totals per currency and bucket.
    public var totals: [BucketTotals]

    public init(receivables: [Receivable], asOf: CivilDate) {
        self.asOf = asOf
        let byCustomer = Dictionary(grouping: receivables, by: \.customer.externalID)
        customers = byCustomer.keys.sorted().map { id in
            let items = byCustomer[id]!.sorted { ($0.due?.daysSinceEpoch ?? .min, $0.number) < ($1.due?.daysSinceEpoch ?? .min, $1.number) }
            let invoices = items.map { InvoiceAging(receivable: $0, asOf: asOf) }
            return CustomerAging(customer: items[0].customer, invoices: invoices, totals: BucketTotals.sum(invoices))
        }
        totals = BucketTotals.sum(customers.flatMap(\.invoices))
    }
}

public struct CustomerAging: Sendable, Hashable, Codable {
    public var customer: CustomerSummary
    public var invoices: [InvoiceAging]
    public var totals: [BucketTotals]
}

public struct InvoiceAging: Sendable, Hashable, Codable {
    public var receivable: Receivable
    /// Days past the due date on the as-of date; negative before it; nil without a due date,
    /// and always nil for a credit (a credit note is never late).
    public var daysLate: Int?
    public var bucket: AgingBucket
    /// The most recent step that happened (`StepTaken.happened`: an email sent, a task a person
    /// closed with what was done), and when. A reminder waiting for approval, held, failed or
    /// still queued, and a call or a letter nobody has made yet, are not actions a credit
    /// controller can stand behind in front of the customer.
    public var lastAction: StepTaken?

    /// The due date to show: none for a credit, which is never due.
    public var shownDue: CivilDate? { bucket == .credit ? nil : receivable.due }

    public init(receivable: Receivable, asOf: CivilDate) {
        self.receivable = receivable
        daysLate = receivable.open.minorUnits < 0 ? nil : receivable.due.map { $0.days(until: asOf) }
        bucket = AgingBucket(daysLate: daysLate, open: receivable.open)
        lastAction = receivable.history.filter(\.happened).max { ($0.on, $0.step) < ($1.on, $1.step) }
    }
}

/// Totals of one currency, per bucket and overall, in minor units.
public struct BucketTotals: Sendable, Hashable, Codable {
    public var currency: Currency
    public var byBucket: [AgingBucket: Int64]
    /// What is still demanded, all buckets together.
    public var total: Int64
    /// Received at the bank, awaiting the ledger: not in the buckets nor in `total`.
    public var received: Int64 = 0

    public func amount(_ bucket: AgingBucket) -> Money {
        Money(minorUnits: byBucket[bucket] ?? 0, currency: currency)
    }

    public var totalAmount: Money { Money(minorUnits: total, currency: currency) }

    /// The buckets of invoices past their due date.
    public static let lateBuckets: [AgingBucket] = [.late1to30, .late31to60, .late61to90, .over90]

    /// What is overdue: the late buckets, credits apart. A credit note not yet applied does not
    /// make an invoice less late; the digest, `relance aging` and the console show this figure
    /// and the credits beside it (#13).
    public var overdueAmount: Money {
        Money(minorUnits: Self.lateBuckets.reduce(0) { $0 + (byBucket[$1] ?? 0) }, currency: currency)
    }

    /// Credit notes and unapplied payments (negative): never late, never deducted from what is overdue.
    public var creditAmount: Money { amount(.credit) }
    public var receivedAmount: Money { Money(minorUnits: received, currency: currency) }
    /// The ledger's open total: what is demanded plus what the bank shows received.
    public var ledgerAmount: Money { Money(minorUnits: total + received, currency: currency) }

    static func sum(_ invoices: [InvoiceAging]) -> [BucketTotals] {
        var totals: [Currency: BucketTotals] = [:]
        for invoice in invoices {
            let currency = invoice.receivable.open.currency
            var entry = totals[currency] ?? BucketTotals(currency: currency, byBucket: [:], total: 0)
            entry.byBucket[invoice.bucket, default: 0] += invoice.receivable.demanded.minorUnits
            entry.total += invoice.receivable.demanded.minorUnits
            entry.received += invoice.receivable.received?.minorUnits ?? 0
            totals[currency] = entry
        }
        return totals.values.sorted { $0.currency < $1.currency }
    }
}
