import RelanceCore

extension DigestContextBuilder {
    /// The open receivables, by customer, as the digest asks about them. Amounts are what is still
    /// demanded (`Receivable.demanded`): what the bank shows paid is counted apart.
    struct Book {
        let day: CivilDate
        let byCustomer: [Int64: [Receivable]]
        let byInvoice: [Int64: Receivable]
        let aging: AgedBalance

        init(_ receivables: [Receivable], day: CivilDate) {
            self.day = day
            byCustomer = Dictionary(grouping: receivables, by: \.customer.id)
            byInvoice = Dictionary(receivables.map { ($0.invoiceID, $0) }, uniquingKeysWith: { first, _ in first })
            aging = AgedBalance(receivables: receivables, asOf: day)
        }

        func name(of customer: Int64?) -> String? {
            guard let customer, let summary = byCustomer[customer]?.first?.customer else { return nil }
            return summary.name ?? summary.externalID
        }

        /// What the task is about: its invoices still open, else the customer's overdue total.
        func amount(for task: WorkTask) -> [Money]? {
            let invoices = task.invoiceIDs.compactMap { byInvoice[$0] }
            if !invoices.isEmpty { return Self.sum(invoices.map(\.demanded)) }
            return overdue(of: task.customerID)
        }

        func overdue(of customer: Int64?) -> [Money]? {
            guard let customer, let items = byCustomer[customer] else { return nil }
            // Invoices only: a credit note is never late (`BucketTotals.overdueAmount`).
            let late = items.filter { ($0.due.map { $0 < day }) ?? false && $0.demanded.minorUnits > 0 }
            return late.isEmpty ? nil : Self.sum(late.map(\.demanded))
        }

        /// The most days late among the task's invoices.
        func daysLate(of task: WorkTask) -> Int? {
            task.invoiceIDs.compactMap { byInvoice[$0]?.due?.days(until: day) }.max()
        }

        /// The late buckets of the aged balance, per currency: the figure `relance aging` and the
        /// console show; unapplied credits are told apart (`creditTotals`).
        var overdueTotals: [Money] { aging.totals.map(\.overdueAmount).filter { !$0.isZero } }

        /// Credit notes and unapplied payments, per currency (negative).
        var creditTotals: [Money] { aging.totals.map(\.creditAmount).filter { !$0.isZero } }

        /// Received at the bank and not yet lettered, per currency: set apart from every total above.
        var receivedTotals: [Money] { Self.sum(byInvoice.values.compactMap(\.received)) }

        /// The totals of the currency with the most open: the age bars show it.
        var mainTotals: BucketTotals? { aging.totals.max { $0.total < $1.total } }

        static func sum(_ amounts: [Money]) -> [Money] {
            Dictionary(grouping: amounts, by: \.currency).map { currency, values in
                Money(minorUnits: values.reduce(0) { $0 + $1.minorUnits }, currency: currency)
            }.sorted { $0.currency < $1.currency }
        }
    }
}
