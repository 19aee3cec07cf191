extension CustomerPlanner {
    /// The task of `open`'s current step as the planner would build it today, with the invoices
    /// of `open` still owed and today's figures — the same `TaskBuilder`, the same credit
    /// allocation and the same days late as a planned task — for `StaleLadderTasks`. Nil when
    /// nothing of it is left to demand, or its step is no longer in the customer's policy.
    ///
    /// Only the task's own invoices: an invoice overdue since enters the ladder at its own first
    /// step rather than inherit this one (its history would record a step it never had).
    func task(refreshing open: WorkTask) -> PlannedTask? {
        guard let stepName = open.step, let index = policy.index(of: stepName) else { return nil }
        let tone = policy.steps[index]
        let channel: PolicyStep.Channel = tone.channel == .email ? .phone : tone.channel
        guard (PlannedTask.Kind(channel: channel) ?? .call) == open.kind else { return nil }
        let allocation = CreditAllocator.allocate(receivables, frozen: state.disputedInvoiceIDs)
        let asked = Set(open.invoiceIDs)
        // A formal document demanded only the invoices that reached its step and listed the
        // others as also outstanding: the store keeps no step per task invoice, the detail it
        // showed does. Those keep their place (any step but this one puts them there).
        let alsoOutstanding = channel.isFormal ? StaleLadderTasks.listedNumbers(open.detail["also_outstanding"]) : []
        let earlier = index > 0 ? policy.steps[index - 1].name : ""
        var due: [PlannedInvoice] = []
        for receivable in receivables where asked.contains(receivable.invoiceID) && receivable.open.minorUnits > 0 {
            // As the ladder: a disputed invoice, or one a credit covers, is not demanded.
            guard !state.disputedInvoiceIDs.contains(receivable.invoiceID), let dueDate = receivable.due else { continue }
            let claimed = allocation.claimed[receivable.invoiceID] ?? receivable.open
            guard claimed.minorUnits > 0 else { continue }
            due.append(PlannedInvoice(receivable: receivable, step: alsoOutstanding.contains(receivable.number) ? earlier : tone.name,
                                      daysLate: dueDate.days(until: input.today), claimed: claimed))
        }
        guard due.contains(where: { $0.step == tone.name }) else { return nil }
        // An email step without a valid address became a call, and says so, as when it was planned.
        let note = tone.channel == .email
            ? input.language.wording.emailStepBecomesCall(step: tone.name, invalidAddresses: customer.emails.map(\.value)) : nil
        return TaskBuilder(input: input, policy: policy, state: state, customer: customer, receivables: receivables)
            .task(channel: channel, tone: tone, due: due, allocations: allocation.allocations, note: note)
    }
}
