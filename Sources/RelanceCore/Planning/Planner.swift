/// Decides, for one creditor and one day, which customers get which reminder.
///
/// Pure and deterministic: the daemon calls it with what the store holds and today's date
/// in the creditor's time zone; tests call it with a fixed date.
public enum Planner {
    public static func plan(_ input: PlanningInput) -> Plan {
        var contacts: [PlannedContact] = []
        var decisions: [PlanDecision] = []
        let byCustomer = Dictionary(grouping: input.receivables, by: \.customer.externalID)

        for customerID in byCustomer.keys.sorted() {
            let receivables = byCustomer[customerID]!.sorted { ($0.due?.daysSinceEpoch ?? .min, $0.number) < ($1.due?.daysSinceEpoch ?? .min, $1.number) }
            let customer = receivables[0].customer
            var due: [PlannedInvoice] = []
            for receivable in receivables {
                switch nextAction(for: receivable, input: input) {
                case .take(let planned):
                    due.append(planned)
                case .hold(let verdict, let reason):
                    decisions.append(PlanDecision(customer: customerID, invoice: receivable.number, verdict: verdict, reason: reason))
                }
            }
            guard !due.isEmpty else { continue }
            if let hold = customerHold(customer: customer, receivables: receivables, input: input) {
                decisions.append(PlanDecision(customer: customerID, invoice: nil, verdict: .wait, reason: hold))
                continue
            }
            let stepIndex = due.compactMap { planned in input.policy.steps.firstIndex { $0.name == planned.step } }.max() ?? 0
            let step = input.policy.steps[stepIndex]
            contacts.append(PlannedContact(customer: customer, step: step, invoices: due))
            let numbers = due.map(\.receivable.number).joined(separator: ", ")
            decisions.append(PlanDecision(customer: customerID, invoice: nil, verdict: .act,
                                          reason: "\(step.name) by \(step.channel.rawValue) for \(numbers)"))
        }
        return Plan(creditor: input.creditor, date: input.today, contacts: contacts, decisions: decisions)
    }

    private enum InvoiceAction {
        case take(PlannedInvoice)
        case hold(PlanDecision.Verdict, String)
    }

    private static func nextAction(for receivable: Receivable, input: PlanningInput) -> InvoiceAction {
        guard receivable.open.minorUnits > 0 else {
            return .hold(.skip, "a credit of \(receivable.open): nothing to claim")
        }
        guard let dueDate = receivable.due else {
            return .hold(.skip, "no due date is known: add it to the export or the customer's payment terms")
        }
        let daysLate = dueDate.days(until: input.today)
        let taken = Set(receivable.history.map(\.step))
        guard let index = input.policy.steps.firstIndex(where: { !taken.contains($0.name) }) else {
            return .hold(.skip, "every step of policy \(input.policy.name) was taken")
        }
        let step = input.policy.steps[index]
        let triggerDate: CivilDate
        switch step.trigger {
        case .afterDue(let days):
            triggerDate = dueDate.adding(days: days)
        case .afterPrevious(let days):
            guard let previous = receivable.history.map(\.on).max() else {
                triggerDate = dueDate.adding(days: days)
                break
            }
            triggerDate = previous.adding(days: days)
        }
        guard input.today >= triggerDate else {
            let when = daysLate < 0 ? "not due until \(dueDate)" : "\(daysLate) day(s) late"
            return .hold(.wait, "\(when); \(step.name) on \(triggerDate)")
        }
        guard step.channel == .email else {
            return .hold(.wait, "\(step.name) is a \(step.channel.rawValue) step, which this version does not plan yet")
        }
        return .take(PlannedInvoice(receivable: receivable, step: step.name, daysLate: daysLate))
    }

    /// Holds that concern the whole customer, checked once something is due.
    private static func customerHold(customer: CustomerSummary, receivables: [Receivable], input: PlanningInput) -> String? {
        if let hold = input.creditorHolds.first { return hold }
        if input.today.isWeekend { return "\(input.today) is not a business day" }
        if customer.emails.isEmpty { return "no usable email address for this customer" }
        // Amounts of different currencies are never added: the net is per currency.
        let nets = Dictionary(grouping: receivables, by: \.open.currency)
            .mapValues { items in Money(minorUnits: items.reduce(0) { $0 + $1.open.minorUnits }, currency: items[0].open.currency) }
        if nets.values.allSatisfy({ $0.minorUnits <= 0 }) {
            let shown = nets.values.sorted { $0.currency < $1.currency }.map(\.description).joined(separator: ", ")
            return "the customer's credits cover what is due (net balance \(shown))"
        }
        let lastContact = receivables.flatMap(\.history).map(\.on).max()
        if let lastContact, lastContact.days(until: input.today) < input.policy.minimumDaysBetweenContacts {
            let next = lastContact.adding(days: input.policy.minimumDaysBetweenContacts)
            return "contacted on \(lastContact); the next contact waits until \(next)"
        }
        return nil
    }
}
