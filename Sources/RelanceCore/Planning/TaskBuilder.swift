/// Fills a task with what the person (or the document) needs: the invoices, the amounts,
/// the actions that really happened before, the proposed procedure (a call's script is
/// written from it by `CallScript`, in the creditor's language).
struct TaskBuilder {
    let input: PlanningInput
    let policy: Policy
    let state: CustomerState
    let customer: CustomerSummary
    let receivables: ArraySlice<Receivable>

    func task(channel: PolicyStep.Channel, tone: PolicyStep, due: [PlannedInvoice],
              allocations: [CreditAllocation], note: String?) -> PlannedTask {
        let kind = PlannedTask.Kind(channel: channel) ?? .call
        // A formal document demands only what reached its step; the rest is "also outstanding".
        let demanded = channel.isFormal ? due.filter { $0.step == tone.name } : due
        let others = channel.isFormal ? due.filter { $0.step != tone.name } : []
        let breakdown = StatutoryCalculator.breakdown(
            demanded.map { StatutoryCalculator.Invoice(number: $0.receivable.number, principal: $0.claimed,
                                                        issued: $0.receivable.issued, due: $0.receivable.due!) },
            asOf: input.today, terms: input.terms)
        let prior = priorActions()
        var task = PlannedTask(
            kind: kind, customer: customer, step: tone, invoices: demanded, alsoOutstanding: others,
            allocations: allocations, breakdown: breakdown, priorActions: prior,
            phoneNumbers: state.phoneNumbers, postalAddress: state.postalAddress,
            proposedProcedure: kind == .legalAction ? LegalProcedure.proposed(for: breakdown) : nil,
            paymentDeadline: kind == .formalNotice ? input.today.adding(days: policy.formalNoticeDeadlineDays) : nil,
            note: note)
        task.disputed = receivables.filter { $0.open.minorUnits > 0 && state.disputedInvoiceIDs.contains($0.invoiceID) }
        return task
    }

    /// Sent messages, tasks with a recorded outcome and contacts made by hand, oldest first.
    /// An open task, a queued message or a cancelled one is not an action that happened.
    func priorActions() -> [PriorAction] {
        struct Key: Hashable { var on: CivilDate; var step: String; var channel: PolicyStep.Channel?; var detail: String? }
        var invoices: [Key: [String]] = [:]
        for receivable in receivables {
            for taken in receivable.history where taken.happened {
                invoices[Key(on: taken.on, step: taken.step, channel: taken.channel ?? .email,
                             detail: taken.outcome?.summary), default: []].append(receivable.number)
            }
        }
        var actions = invoices.map { key, numbers in
            PriorAction(on: key.on, step: key.step, channel: key.channel, invoices: numbers.sorted(), detail: key.detail)
        }
        if let manual = state.lastManualContact {
            // Named by what it was: a registered letter recorded in the contacts file is recalled
            // as a registered letter, not as a mere "contact".
            let channel = state.stepReached.flatMap { reached in policy.steps.first { $0.name == reached }?.channel }
            actions.append(PriorAction(on: manual, step: state.stepReached ?? "contact", channel: channel, invoices: [],
                                       detail: "contact made by hand before Relance (contacts file)"))
        }
        return actions.sorted { ($0.on, $0.step, $0.detail ?? "") < ($1.on, $1.step, $1.detail ?? "") }
    }
}
