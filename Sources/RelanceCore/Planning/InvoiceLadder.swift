/// Finds the next step of one invoice and whether it is due today.
struct InvoiceLadder {
    let input: PlanningInput
    let policy: Policy
    let state: CustomerState
    /// The customer's net open amount per currency, for the steps' amount conditions.
    let nets: [Money]

    enum Result {
        case due(PlannedInvoice)
        case hold(PlanDecision.Verdict, PlanDecision.Rule, PlanReason)
    }

    struct Outcome {
        /// Steps passed over on the way, each with its reason (never silently).
        var notes: [(PlanDecision.Rule, PlanReason)] = []
        var result: Result
    }

    func next(for receivable: Receivable, claimed: Money?) -> Outcome {
        if state.disputedInvoiceIDs.contains(receivable.invoiceID) {
            return Outcome(result: .hold(.skip, .disputed, .worded(input.language.wording.disputedReason())))
        }
        if let payment = state.paymentClaims[receivable.invoiceID] {
            return Outcome(result: .hold(.wait, .paymentClaimed, .worded(input.language.wording.paymentClaimed(
                paidOn: payment.paidOn, means: payment.means, until: payment.waitUntil))))
        }
        let claimed = claimed ?? receivable.open
        guard claimed.minorUnits > 0 else {
            return Outcome(result: .hold(.skip, .coveredByCredit, .worded(input.language.wording.coveredByCreditReason())))
        }
        guard let dueDate = receivable.due else {
            return Outcome(result: .hold(.skip, .noDueDate, .worded(input.language.wording.noDueDateReason())))
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

        var notes: [(PlanDecision.Rule, PlanReason)] = []
        var index = highestTaken + 1
        while index < policy.steps.count {
            let step = policy.steps[index]
            if case .afterDue(let days) = step.trigger, days < 0, daysLate > 0 {
                notes.append((.stepNotApplicable, PlanReason(.stepBeforeDue(step: step.name, daysLate: daysLate), in: input.language)))
                index += 1
                continue
            }
            if let minimum = step.conditions.minimumOpenAmount, minimum.currency == claimed.currency {
                let net = nets.first { $0.currency == minimum.currency }?.minorUnits ?? 0
                if net < minimum.minorUnits {
                    notes.append((.stepNotApplicable, .worded(input.language.wording.stepNeedsBalance(
                        step: step.name, minimum: minimum, balance: Money(minorUnits: net, currency: minimum.currency)))))
                    index += 1
                    continue
                }
            }
            return Outcome(notes: notes, result: evaluate(step, receivable: receivable, due: dueDate, daysLate: daysLate,
                                                          previous: previous, claimed: claimed))
        }
        return Outcome(notes: notes, result: .hold(.skip, .ladderComplete, PlanReason(.ladderComplete(policy: policy.name), in: input.language)))
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
            return .hold(.wait, .notYetDue, PlanReason(.notYetDue(daysLate: daysLate, dueDay: due.daysSinceEpoch, step: step.name,
                                                                  onDay: trigger.daysSinceEpoch), in: input.language))
        }
        if step.channel.isFormal,
           case .failure(let missing) = StatutoryCalculator.interest(on: claimed, due: due, asOf: input.today, terms: input.terms) {
            return .hold(.wait, .missingRate, .worded(input.language.wording.missingRateHeld(step: step.name, missing)))
        }
        return .due(PlannedInvoice(receivable: receivable, step: step.name, daysLate: daysLate, claimed: claimed))
    }
}
