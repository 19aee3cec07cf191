/// What a message or a document asks the customer to pay — the one source of truth every
/// email and letter prints (issue #11, "Money"): each invoice's open amount, the credits set
/// against it (credit note or unapplied payment: number, date, amount), what remains claimed,
/// and the net total per currency. Computed from the same `CreditAllocation`s the planner
/// made, so the figures are the plan's, the letters' and the aged balance's to the cent.
/// Pure.
public struct Demand: Sendable, Hashable, Codable {
    public struct Line: Sendable, Hashable, Codable {
        public var item: OpenItem
        /// The credits set against this invoice, in the order they were allocated.
        public var credits: [CreditAllocation]
        /// The open amount less the credits: what is asked for this invoice.
        public var claimed: Money

        public var hasCredit: Bool { !credits.isEmpty }
    }

    /// The invoices asked for, oldest due date first, the number breaking ties.
    public var lines: [Line]
    /// Every credit set against one of `lines`, in the order of the lines.
    public var credits: [CreditAllocation]
    /// Sum of the open amounts before credits, one amount per currency (currency-code order).
    public var open: [Money]
    /// Sum of the credits deducted (positive amounts), per currency.
    public var credited: [Money]
    /// What is asked for: open less credits, per currency.
    public var net: [Money]

    /// `allocations` may speak of invoices not in `items` (a credit set against an invoice not
    /// yet due): only those against the listed invoices are deducted here.
    public init(items: [OpenItem], allocations: [CreditAllocation]) {
        let ordered = items.sorted {
            ($0.due?.daysSinceEpoch ?? $0.issued?.daysSinceEpoch ?? .max, $0.invoice)
                < ($1.due?.daysSinceEpoch ?? $1.issued?.daysSinceEpoch ?? .max, $1.invoice)
        }
        let byInvoice = Dictionary(grouping: allocations, by: \.invoice)
        lines = ordered.map { item in
            let credits = (byInvoice[item.invoice] ?? []).filter { $0.amount.currency == item.open.currency }
            let deducted = credits.reduce(0) { $0 + $1.amount.minorUnits }
            return Line(item: item, credits: credits,
                        claimed: Money(minorUnits: item.open.minorUnits - deducted, currency: item.open.currency))
        }
        credits = lines.flatMap(\.credits)
        open = Self.sumByCurrency(lines.map(\.item.open))
        credited = Self.sumByCurrency(credits.map(\.amount))
        net = Self.sumByCurrency(lines.map(\.claimed))
    }

    public var hasCredits: Bool { !credits.isEmpty }

    /// One amount per currency, in currency-code order; amounts of different currencies are never added.
    public static func sumByCurrency(_ amounts: [Money]) -> [Money] {
        var totals: [Currency: Int64] = [:]
        for amount in amounts { totals[amount.currency, default: 0] += amount.minorUnits }
        return totals.keys.sorted().map { Money(minorUnits: totals[$0]!, currency: $0) }
    }
}

extension PlannedInvoice {
    /// The invoice as a demand lists it.
    public func openItem(customer: CustomerSummary) -> OpenItem {
        OpenItem(customer: customer.externalID, customerName: customer.name, invoice: receivable.number,
                 issued: receivable.issued, due: receivable.due, open: receivable.open, total: receivable.total)
    }
}

extension PlannedContact {
    /// What this email asks for.
    public var demand: Demand {
        Demand(items: invoices.map { $0.openItem(customer: customer) }, allocations: allocations)
    }
}

extension PlannedTask {
    /// What this task's document demands (the invoices that reached its step).
    public var demand: Demand {
        Demand(items: invoices.map { $0.openItem(customer: customer) }, allocations: allocations)
    }
}
