/// Finds the next step of one invoice and whether it is due today.
struct InvoiceLadder {
    let input: PlanningInput
    let policy: Policy
    let state: CustomerState
    /// The customer's net open amount per currency, for the steps' amount conditions.
    let nets: [Money]

    enum Result {
        case due(PlannedInvoice)
        case hold(PlanDecision.Verdict, PlanDecision.Rule, String)
    }

    struct Outcome {
        /// Steps passed over on the way, each with its reason (never silently).
        var notes: [(PlanDecision.Rule, String)] = []
        var result: Result
    }

    func next(for receivable: Receivable, claimed: Money?) -> Outcome {
        if state.disputedInvoiceIDs.contains(receivable.invoiceID) {
            return Outcome(result: .hold(.skip, .disputed, "disputed by the customer: frozen until the dispute is settled"))
        }
        if let payment = state.paymentClaims[receivable.invoiceID] {
            return Outcome(result: .hold(.wait, .paymentClaimed, TaskWords.paymentClaimed(
                paidOn: payment.paidOn, means: payment.means, until: payment.waitUntil, input.language)))
        }
        let claimed = claimed ?? receivable.open
        guard claimed.minorUnits > 0 else {
            return Outcome(result: .hold(.skip, .coveredByCredit, "covered by the customer's credits: nothing to claim"))
        }
        guard let dueDate = receivable.due else {
            return Outcome(result: .hold(.skip, .noDueDate, "no due date is known: add it to the export or the customer's payment terms"))
        }
        let daysLate = dueDate.days(until: input.today)
        let history = receivable.history.filter(\.counts)
        var highestTaken = history.compactMap { policy.index(of: $0.step) }.max() ?? -1
        var previous = history.map(\.on).max()
        // The contacts file's "step reached" covers the invoices already due when that contact was made.
        if let reached = state.stepReached.flatMap(policy.index(of:)),
           state.lastManualContact.map({ dueDate <= $0 }) ?? true {
            highestTaken = max(highestTaken, reached)
            if let manual = state.lastManualContact { previous = max(previous ?? manual, manual) }
        }

        var notes: [(PlanDecision.Rule, String)] = []
        var index = highestTaken + 1
        while index < policy.steps.count {
            let step = policy.steps[index]
            if case .afterDue(let days) = step.trigger, days < 0, daysLate > 0 {
                notes.append((.stepNotApplicable,
                    "\(step.name) not sent: it comes before the due date and the invoice is already \(daysLate) day(s) late"))
                index += 1
                continue
            }
            if let minimum = step.conditions.minimumOpenAmount, minimum.currency == claimed.currency {
                let net = nets.first { $0.currency == minimum.currency }?.minorUnits ?? 0
                if net < minimum.minorUnits {
                    notes.append((.stepNotApplicable,
                        "\(step.name) not taken: it needs a customer balance of at least \(minimum), the balance is \(Money(minorUnits: net, currency: minimum.currency))"))
                    index += 1
                    continue
                }
            }
            return Outcome(notes: notes, result: evaluate(step, receivable: receivable, due: dueDate, daysLate: daysLate,
                                                          previous: previous, claimed: claimed))
        }
        // Built only here: formatting it for every invoice, to replace it, was wasted work.
        return Outcome(notes: notes, result: .hold(.skip, .ladderComplete, "every step of policy \(policy.name) was taken"))
    }

    private func evaluate(_ step: PolicyStep, receivable: Receivable, due: CivilDate, daysLate: Int,
                          previous: CivilDate?, claimed: Money) -> Result {
        var trigger: CivilDate
        switch step.trigger {
        case .afterDue(let days): trigger = due.adding(days: days)
        case .afterPrevious(let days): trigger = (previous ?? due).adding(days: days)
        case .afterPreviousBusinessDays(let days): trigger = input.calendar.adding(businessDays: days, to: previous ?? due)
        }
        if let minimumLate = step.conditions.minimumDaysLate { trigger = max(trigger, due.adding(days: minimumLate)) }
        guard input.today >= trigger else {
            let when = daysLate < 0 ? "not due until \(due)" : daysLate == 0 ? "due today" : "\(daysLate) day(s) late"
            return .hold(.wait, .notYetDue, "\(when); \(step.name) on \(trigger)")
        }
        if step.channel.isFormal,
           case .failure(let missing) = StatutoryCalculator.interest(on: claimed, due: due, asOf: input.today, terms: input.terms) {
            return .hold(.wait, .missingRate, "\(step.name) held: its statement of interest needs the \(missing)")
        }
        return .due(PlannedInvoice(receivable: receivable, step: step.name, daysLate: daysLate, claimed: claimed))
    }
}
