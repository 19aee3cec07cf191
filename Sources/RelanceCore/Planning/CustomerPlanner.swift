/// Plans one customer's day: which invoices are due for which step, whether anything holds
/// the contact, and the contact or task itself.
struct CustomerPlanner {
    let input: PlanningInput
    let creditorHolds: [Hold]
    let customer: CustomerSummary
    /// Oldest first: by due date, then number, then id, whatever the input order.
    let receivables: ArraySlice<Receivable>
    let state: CustomerState
    let policy: Policy

    init(input: PlanningInput, creditorHolds: [Hold], receivables: ArraySlice<Receivable>) {
        self.input = input
        self.creditorHolds = creditorHolds
        let oldestFirst: (Receivable, Receivable) -> Bool = {
            ($0.due?.daysSinceEpoch ?? .min, $0.number, $0.invoiceID) < ($1.due?.daysSinceEpoch ?? .min, $1.number, $1.invoiceID)
        }
        // Usually in order already (the store sorts them): checking costs less than sorting a copy.
        let ordered = zip(receivables, receivables.dropFirst()).allSatisfy { !oldestFirst($1, $0) }
        self.receivables = ordered ? receivables : ArraySlice(receivables.sorted(by: oldestFirst))
        // Every receivable of the group carries the same customer; the lowest id wins if not.
        self.customer = self.receivables.min { $0.customer.id < $1.customer.id }!.customer
        self.state = input.customers[customer.id] ?? CustomerState()
        self.policy = state.policy ?? input.policy
    }

    private var key: String { customer.externalID }

    private func decision(_ invoice: String?, _ verdict: PlanDecision.Verdict, _ rule: PlanDecision.Rule, _ reason: String) -> PlanDecision {
        PlanDecision(customer: key, invoice: invoice, verdict: verdict, rule: rule, reason: reason)
    }

    func plan(into plan: inout Plan) {
        // Paid, awaiting the ledger: said for each payment; what is left (if anything) goes on.
        for payment in state.bankPayments {
            let left = receivables.first { $0.invoiceID == payment.invoiceID }.map(\.open)
            let rest = left.map { $0.minorUnits > 0 ? "; \($0.formatted(locale: input.language)) still due" : "" } ?? ""
            plan.decisions.append(decision(payment.invoiceNumber, .skip, .paidAwaitingLedger,
                                           "\(payment.sentence(in: input.language)): paid, awaiting the ledger\(rest)"))
        }
        guard receivables.contains(where: { $0.open.minorUnits != 0 }) || state.bankPayments.isEmpty else { return }
        let allocation = CreditAllocator.allocate(receivables, frozen: state.disputedInvoiceIDs)
        for credit in receivables where credit.open.minorUnits < 0 {
            let uses = allocation.allocations.filter { $0.credit == credit.number }
            let detail = uses.isEmpty ? "nothing left to set it against"
                : "set against " + uses.map { "\($0.invoice) (\($0.amount))" }.joined(separator: ", ")
            plan.decisions.append(decision(credit.number, .skip, .credit, "a credit of \(credit.open): \(detail)"))
        }
        let escalations = escalations()
        plan.escalations += escalations
        for escalation in escalations {
            let then = escalation.task.kind.needsPosting ? "the next step waits until it is recorded as posted" : "the ladder goes on"
            plan.decisions.append(decision(nil, .act, .taskEscalated,
                "the \(escalation.task.kind.rawValue) task of \(escalation.task.since) (\(escalation.task.step)) has no outcome since \(escalation.dueOn): escalated to a person; \(then)"))
        }

        let nets = netBalances()
        guard nets.contains(where: isAboveMinimum) else {
            let shown = nets.map(\.description).joined(separator: ", ")
            let rule: PlanDecision.Rule = nets.allSatisfy { $0.minorUnits <= 0 } ? .netCredit : .belowThreshold
            let reason = rule == .netCredit
                ? "the customer's credits cover what is due (net balance \(shown))"
                : "the net balance \(shown) is at or below the policy's minimum of \(policy.minimumNetBalance)"
            plan.decisions.append(decision(nil, .skip, rule, reason))
            return
        }

        var due: [PlannedInvoice] = []
        due.reserveCapacity(receivables.count)
        let ladder = InvoiceLadder(input: input, policy: policy, state: state, nets: nets)
        for receivable in receivables where receivable.open.minorUnits > 0 {
            let outcome = ladder.next(for: receivable, claimed: allocation.claimed[receivable.invoiceID])
            for (rule, reason) in outcome.notes { plan.decisions.append(decision(receivable.number, .skip, rule, reason)) }
            switch outcome.result {
            case .due(let planned): due.append(planned)
            case .hold(let verdict, let rule, let reason): plan.decisions.append(decision(receivable.number, verdict, rule, reason))
            }
        }
        guard !due.isEmpty else { return }

        let customerHolds = CustomerHolds(input: input, policy: policy, state: state)
        let holds = creditorHolds + customerHolds.holds(lastContact: lastContact)
        guard holds.isEmpty else {
            for hold in holds { plan.decisions.append(decision(nil, .wait, hold.rule, hold.reason)) }
            return
        }
        // A promise not kept is said when the ladder resumes, once: before the next contact.
        let broken = customerHolds.brokenPromises().filter { promise in lastContact.map { $0 <= promise.until! } ?? true }
        let notes = broken.map { TaskWords.promiseBroken(until: $0.until!, amount: nil, input.language) }
        for note in notes { plan.decisions.append(decision(nil, .act, .promiseBroken, note)) }
        act(on: due, allocations: allocation.allocations, notes: notes, plan: &plan)
    }

    private func act(on due: [PlannedInvoice], allocations: [CreditAllocation], notes: [String], plan: inout Plan) {
        let toneIndex = due.compactMap { policy.index(of: $0.step) }.max() ?? 0
        let tone = policy.steps[toneIndex]
        let validEmails = customer.emails.filter { !state.invalidAddresses.contains($0) }
        // Appended piece by piece: a string per invoice, then their join, doubled the allocations.
        var listed = ""
        for invoice in due {
            if !listed.isEmpty { listed += ", " }
            listed += invoice.receivable.number; listed += " ("; listed += invoice.step; listed += ", "
            listed += String(invoice.daysLate); listed += " days late)"
        }
        let review = input.creditorState.reviewMode ? " — review mode: rendered for a person to read, not sent" : ""

        if tone.channel == .email, !validEmails.isEmpty {
            var recipient = customer
            recipient.emails = validEmails
            plan.contacts.append(PlannedContact(customer: recipient, step: tone, invoices: due, allocations: allocations))
            plan.decisions.append(decision(nil, .act, .due, "\(tone.name) by email for \(listed)\(review)"))
            return
        }
        var note: String?
        var channel = tone.channel
        if channel == .email {
            channel = .phone
            let invalid = customer.emails.map(\.value).joined(separator: ", ")
            note = customer.emails.isEmpty
                ? "no usable email address: none is known for this customer, so the \(tone.name) becomes a phone call"
                : "no usable email address: every address of this customer is marked invalid (\(invalid)), so the \(tone.name) becomes a phone call"
            plan.decisions.append(decision(nil, .act, .invalidAddress, note!))
        }
        let joined = ([note].compactMap { $0 } + notes).joined(separator: "; ")
        let task = TaskBuilder(input: input, policy: policy, state: state, customer: customer, receivables: receivables)
            .task(channel: channel, tone: tone, due: due, allocations: allocations, note: joined.isEmpty ? nil : joined)
        plan.tasks.append(task)
        plan.decisions.append(decision(nil, .act, .due, "\(tone.name): \(task.kind.rawValue) task for \(listed)\(review)"))
    }

    /// The last contact by any means: a step in the history (a cancelled message never went out),
    /// a contact about an invoice settled since, or a contact made by hand.
    private var lastContact: CivilDate? {
        var latest: CivilDate?
        func consider(_ date: CivilDate?) {
            if let date, latest.map({ date > $0 }) ?? true { latest = date }
        }
        for receivable in receivables {
            for step in receivable.history where step.counts { consider(step.on) }
        }
        consider(state.lastManualContact)
        consider(state.lastContact)
        return latest
    }

    /// Net open amount per currency, disputed invoices left out; sorted by currency.
    private func netBalances() -> [Money] {
        // A customer's invoices are nearly always in one currency: a short list searched in
        // place costs less than a dictionary per customer.
        var totals: [Money] = []
        for receivable in receivables where !state.disputedInvoiceIDs.contains(receivable.invoiceID) {
            if let index = totals.firstIndex(where: { $0.currency == receivable.open.currency }) {
                totals[index].minorUnits += receivable.open.minorUnits
            } else {
                totals.append(receivable.open)
            }
        }
        return totals.sorted { $0.currency < $1.currency }
    }

    private func isAboveMinimum(_ net: Money) -> Bool {
        net.currency == policy.minimumNetBalance.currency ? net.minorUnits > policy.minimumNetBalance.minorUnits : net.minorUnits > 0
    }

    private func escalations() -> [TaskEscalation] {
        state.openTasks.sorted { ($0.since, $0.step) < ($1.since, $1.step) }.compactMap { task in
            let dueOn = task.kind.needsPosting ? CustomerHolds.letterEscalation(task, policy, input)
                : CustomerHolds.outcomeEscalation(task, policy, input.calendar)
            return input.today >= dueOn ? TaskEscalation(customer: key, task: task, dueOn: dueOn) : nil
        }
    }
}
