/// Some consecutive customers of one planning input, planned apart from the others (see
/// `Planner.parts(_:count:)`): a plan of 100,000 invoices takes a third of a second on one
/// core, so the daemon spreads the parts over the cores it has.
public struct PlanPart: Sendable {
    let input: PlanningInput
    /// Each customer's receivables, customers in the order of their ids.
    let customers: ArraySlice<ArraySlice<Receivable>>

    public func plan() -> Plan {
        var plan = Plan(creditor: input.creditor, date: input.today, reviewOnly: input.creditorState.reviewMode,
                        contacts: [], decisions: [])
        // About one decision per invoice: reserved once rather than grown by copies.
        plan.decisions.reserveCapacity(customers.reduce(0) { $0 + $1.count })
        let creditorHolds = CustomerHolds.creditorHolds(input)
        for receivables in customers {
            CustomerPlanner(input: input, creditorHolds: creditorHolds, receivables: receivables).plan(into: &plan)
        }
        return plan
    }
}

extension Plan {
    /// The plans of the parts of one input, in order, as the plan of the whole input.
    public init(merging parts: [Plan]) {
        self = parts.first!
        for part in parts.dropFirst() {
            contacts += part.contacts
            tasks += part.tasks
            escalations += part.escalations
            decisions += part.decisions
        }
    }
}
