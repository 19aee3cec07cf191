/// Decides, for one creditor and one day, which customers get which reminder or task, and
/// records why for everyone else.
///
/// Pure and deterministic: the daemon calls it with what the store holds and today's date
/// in the creditor's time zone; tests call it with a fixed date. The order of the input does
/// not matter: customers are planned in the order of their ids, invoices oldest first.
///
/// The rules, in the order they apply:
/// - per invoice: credits are allocated to the oldest debits first; a disputed or fully covered
///   invoice is frozen; the next step is the first one after the last step taken (never two at
///   once: the rest follow at the interval); a courtesy step that falls before the due date is
///   not sent once the invoice is late, and a step whose amount condition is not met is not
///   taken, both recorded; a formal step whose interest needs a missing rate waits;
/// - per customer, once something is due: creditor holds (pause, stale ledger), a non-business
///   day, do-not-remind, pauses, open tasks awaiting their outcome, the minimum interval;
/// - then one contact: an email when the most advanced step is an email step and a valid address
///   is left, a call task when none is, and a task for every other channel.
public enum Planner {
    public static func plan(_ input: PlanningInput) -> Plan {
        PlanPart(input: input, customers: customerGroups(input.receivables)[...]).plan()
    }

    /// The same plan in at most `count` parts of consecutive customers, of about as many
    /// invoices each. Customers are planned independently of one another, so the parts may be
    /// computed at once on several cores; `Plan(merging:)` puts them back together, equal to
    /// `plan(input)`.
    public static func parts(_ input: PlanningInput, count: Int) -> [PlanPart] {
        let groups = customerGroups(input.receivables)
        guard count > 1, groups.count > 1 else { return [PlanPart(input: input, customers: groups[...])] }
        let share = (input.receivables.count + count - 1) / count
        var parts: [PlanPart] = []
        var start = groups.startIndex
        var invoices = 0
        for index in groups.indices {
            invoices += groups[index].count
            if invoices >= share || index == groups.endIndex - 1 {
                parts.append(PlanPart(input: input, customers: groups[start...index]))
                start = index + 1
                invoices = 0
            }
        }
        return parts
    }

    /// The receivables of each customer, customers in the order of their ids. The store gives
    /// them in that order already: then each customer's receivables are one run of the array,
    /// found in one pass instead of hashing every id (benchmarks/plan.sh, 100,000 invoices).
    static func customerGroups(_ receivables: [Receivable]) -> [ArraySlice<Receivable>] {
        let ordered = zip(receivables, receivables.dropFirst()).allSatisfy { $0.customer.externalID <= $1.customer.externalID }
        guard ordered else {
            let byCustomer = Dictionary(grouping: receivables, by: \.customer.externalID)
            return byCustomer.keys.sorted().map { byCustomer[$0]![...] }
        }
        var groups: [ArraySlice<Receivable>] = []
        var start = receivables.startIndex
        for index in receivables.indices.dropFirst() where receivables[index].customer.externalID != receivables[start].customer.externalID {
            groups.append(receivables[start..<index])
            start = index
        }
        if start < receivables.endIndex { groups.append(receivables[start...]) }
        return groups
    }
}

/// A reason that holds a customer's contact today.
struct Hold {
    var rule: PlanDecision.Rule
    var reason: String
}
