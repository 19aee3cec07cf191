extension ReasonWording {
    /// A planner's reason kept as facts (`PlanReason`), in this language's words: each case
    /// is the function of the same name, so that the words stay in the language's `Wording`.
    public func reason(_ facts: PlanReason.Facts) -> String {
        switch facts {
        case .stepBeforeDue(let step, let daysLate):
            stepBeforeDue(step: step, daysLate: daysLate)
        case .notYetDue(let daysLate, let dueDay, let step, let onDay):
            notYetDue(daysLate: daysLate, due: CivilDate(daysSinceEpoch: dueDay), step: step, on: CivilDate(daysSinceEpoch: onDay))
        case .ladderComplete(let policy):
            ladderComplete(policy: policy)
        case .contactPlanned(let step, let invoices, let reviewMode):
            contactPlanned(step: step, invoices: invoices, reviewMode: reviewMode)
        case .taskPlanned(let step, let kind, let invoices, let reviewMode):
            taskPlanned(step: step, kind: kind, invoices: invoices, reviewMode: reviewMode)
        case .worded(let text):
            text
        }
    }
}
