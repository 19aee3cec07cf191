/// A credit (credit note, unapplied payment) set against a debit.
public struct CreditAllocation: Sendable, Hashable, Codable {
    public var credit: String
    public var invoice: String
    /// Positive: the part of the credit set against `invoice`.
    public var amount: Money
    /// The credit note's date (or the payment's), printed beside its number.
    public var creditIssued: CivilDate?

    public init(credit: String, invoice: String, amount: Money, creditIssued: CivilDate? = nil) {
        self.credit = credit
        self.invoice = invoice
        self.amount = amount
        self.creditIssued = creditIssued
    }
}

/// Allocates a customer's credits to the oldest debits first, per currency.
enum CreditAllocator {
    struct Result {
        /// What remains claimed on each debit a credit was set against, by invoice id; the
        /// other debits are claimed in full.
        var claimed: [Int64: Money]
        var allocations: [CreditAllocation]
        /// Credit left after covering every debit, per currency.
        var unallocated: [Money]
    }

    /// `items` must be sorted oldest first; debits with `frozen` ids (disputed) receive no credit.
    static func allocate(_ items: ArraySlice<Receivable>, frozen: Set<Int64>) -> Result {
        // Most customers have no credit: nothing to allocate, every debit claimed in full.
        guard items.contains(where: { $0.open.minorUnits < 0 }) else { return Result(claimed: [:], allocations: [], unallocated: []) }
        var claimed: [Int64: Money] = [:]
        var allocations: [CreditAllocation] = []
        var unallocated: [Money] = []
        let byCurrency = Dictionary(grouping: items, by: \.open.currency)
        for currency in byCurrency.keys.sorted() {
            let group = byCurrency[currency]!
            let debits = group.filter { $0.open.minorUnits > 0 && !frozen.contains($0.invoiceID) }
            for debit in debits { claimed[debit.invoiceID] = debit.open }
            var debitIndex = 0
            var leftover: Int64 = 0
            for credit in group where credit.open.minorUnits < 0 {
                var available = -credit.open.minorUnits
                while available > 0, debitIndex < debits.count {
                    let debit = debits[debitIndex]
                    let remaining = claimed[debit.invoiceID]!.minorUnits
                    let used = min(available, remaining)
                    claimed[debit.invoiceID] = Money(minorUnits: remaining - used, currency: currency)
                    allocations.append(CreditAllocation(credit: credit.number, invoice: debit.number,
                                                        amount: Money(minorUnits: used, currency: currency),
                                                        creditIssued: credit.issued))
                    available -= used
                    if remaining - used == 0 { debitIndex += 1 }
                }
                leftover += available
            }
            if leftover > 0 { unallocated.append(Money(minorUnits: -leftover, currency: currency)) }
        }
        return Result(claimed: claimed, allocations: allocations, unallocated: unallocated)
    }
}
