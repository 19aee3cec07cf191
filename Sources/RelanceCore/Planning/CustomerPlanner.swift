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
    private var words: any Wording { input.language.wording }

    private func decision(_ invoice: String?, _ verdict: PlanDecision.Verdict, _ rule: PlanDecision.Rule, _ reason: String) -> PlanDecision {
        PlanDecision(customer: key, invoice: invoice, verdict: verdict, rule: rule, reason: reason)
    }

    private func decision(_ invoice: String?, _ verdict: PlanDecision.Verdict, _ rule: PlanDecision.Rule, _ reason: PlanReason) -> PlanDecision {
        PlanDecision(customer: key, invoice: invoice, verdict: verdict, rule: rule, because: reason)
    }

    func plan(into plan: inout Plan) {
        // Paid, awaiting the ledger: said for each payment; what is left (if anything) goes on.
        for payment in state.bankPayments {
            let left = receivables.first { $0.invoiceID == payment.invoiceID }.map(\.open).flatMap { $0.minorUnits > 0 ? $0 : nil }
            plan.decisions.append(decision(payment.invoiceNumber, .skip, .paidAwaitingLedger,
                                           words.paidAwaitingLedger(payment: payment.sentence(in: input.language), stillDue: left)))
        }
        guard receivables.contains(where: { $0.open.minorUnits != 0 }) || state.bankPayments.isEmpty else { return }
        let allocation = CreditAllocator.allocate(receivables, frozen: state.disputedInvoiceIDs)
        for credit in receivables where credit.open.minorUnits < 0 {
            let uses = allocation.allocations.filter { $0.credit == credit.number }
            plan.decisions.append(decision(credit.number, .skip, .credit, words.creditReason(
                amount: credit.open, setAgainst: uses.map { ($0.invoice, $0.amount) })))
        }
        let escalations = escalations()
        plan.escalations += escalations
        for escalation in escalations {
            plan.decisions.append(decision(nil, .act, .taskEscalated, words.taskEscalatedReason(
                kind: escalation.task.kind, since: escalation.task.since, step: escalation.task.step, dueOn: escalation.dueOn)))
        }

        let nets = netBalances()
        guard nets.contains(where: isAboveMinimum) else {
            let rule: PlanDecision.Rule = nets.allSatisfy { $0.minorUnits <= 0 } ? .netCredit : .belowThreshold
            let reason = rule == .netCredit ? words.netCredit(nets) : words.belowMinimum(nets, minimum: policy.minimumNetBalance)
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
        let notes = broken.map { words.promiseBroken(until: $0.until!, amount: $0.amount) }
        for note in notes { plan.decisions.append(decision(nil, .act, .promiseBroken, note)) }
        let latest = broken.max { ($0.until!, $0.id) < ($1.until!, $1.id) }.map { PromiseNotKept(promisedFor: $0.until!, amount: $0.amount) }
        act(on: due, allocations: allocation.allocations, notes: notes, brokenPromise: latest, plan: &plan)
    }

    private func act(on due: [PlannedInvoice], allocations: [CreditAllocation], notes: [String], brokenPromise: PromiseNotKept?,
                     plan: inout Plan) {
        let toneIndex = due.compactMap { policy.index(of: $0.step) }.max() ?? 0
        let tone = policy.steps[toneIndex]
        let validEmails = customer.emails.filter { !state.invalidAddresses.contains($0) }
        let review = input.creditorState.reviewMode

        if tone.channel == .email, !validEmails.isEmpty {
            var recipient = customer
            recipient.emails = validEmails
            plan.contacts.append(PlannedContact(customer: recipient, step: tone, invoices: due, allocations: allocations,
                                                brokenPromise: brokenPromise))
            plan.decisions.append(decision(nil, .act, .due, PlanReason(.contactPlanned(step: tone.name, invoices: due, reviewMode: review),
                                                                       in: input.language)))
            return
        }
        var note: String?
        var channel = tone.channel
        if channel == .email {
            channel = .phone
            note = words.emailStepBecomesCall(step: tone.name, invalidAddresses: customer.emails.map(\.value))
            plan.decisions.append(decision(nil, .act, .invalidAddress, note!))
        }
        let joined = ([note].compactMap { $0 } + notes).joined(separator: words.listSeparator)
        let task = TaskBuilder(input: input, policy: policy, state: state, customer: customer, receivables: receivables)
            .task(channel: channel, tone: tone, due: due, allocations: allocations, note: joined.isEmpty ? nil : joined)
        plan.tasks.append(task)
        plan.decisions.append(decision(nil, .act, .due, PlanReason(.taskPlanned(step: tone.name, kind: task.kind, invoices: due,
                                                                                reviewMode: review), in: input.language)))
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
