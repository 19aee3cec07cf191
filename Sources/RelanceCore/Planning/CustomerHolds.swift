/// The reasons that hold a whole customer (or the whole creditor) today.
struct CustomerHolds {
    let input: PlanningInput
    let policy: Policy
    let state: CustomerState

    /// Holds for every customer of the creditor: free-text holds, a pause, a stale ledger.
    static func creditorHolds(_ input: PlanningInput) -> [Hold] {
        var holds = input.creditorHolds.map { Hold(rule: .creditorHold, reason: $0) }
        let creditor = input.creditorState
        if let pause = creditor.pause, pause.until.map({ input.today <= $0 }) ?? true {
            holds.append(Hold(rule: .creditorPaused, reason: pause.until.map { "creditor \(input.creditor) is paused until \($0)" }
                ?? "creditor \(input.creditor) is paused until `relance resume`"))
        }
        switch creditor.ledger {
        case .notTracked:
            break
        case .noAuthoritativeSnapshot:
            holds.append(Hold(rule: .staleLedger, reason:
                "no authoritative snapshot (ledger or aged balance) was imported for creditor \(input.creditor): nothing is sent until one is, as customers may have paid"))
        case .latestAuthoritativeSnapshot(let asOf):
            let age = asOf.days(until: input.today)
            if age > creditor.maximumLedgerAgeDays {
                holds.append(Hold(rule: .staleLedger, reason:
                    "the latest authoritative snapshot is dated \(asOf), \(age) days ago (more than \(creditor.maximumLedgerAgeDays)): nothing is sent until a fresh one is imported, as customers may have paid since"))
            }
        }
        return holds
    }

    func holds(lastContact: CivilDate?) -> [Hold] {
        let today = input.today
        var holds: [Hold] = []
        if let why = input.calendar.nonBusinessReason(today) {
            holds.append(Hold(rule: .nonBusinessDay, reason:
                "\(today) is not a business day (\(why)); what is due goes out on \(input.calendar.businessDay(onOrAfter: today))"))
        }
        if state.doNotRemind {
            holds.append(Hold(rule: .doNotRemind, reason: "the customer is marked do-not-remind"))
        }
        for pause in state.pauses.sorted(by: { ($0.kind.rawValue, $0.until ?? today) < ($1.kind.rawValue, $1.until ?? today) }) {
            if let hold = hold(for: pause) { holds.append(hold) }
        }
        for task in state.openTasks.sorted(by: { ($0.since, $0.step) < ($1.since, $1.step) }) {
            let escalation = input.calendar.adding(businessDays: policy.taskOutcomeWaitBusinessDays, to: task.since)
            if today < escalation {
                holds.append(Hold(rule: .openTask, reason:
                    "waiting for the outcome of the \(task.kind.rawValue) task of \(task.since) (\(task.step)); escalated on \(escalation) if none comes"))
            }
        }
        if let lastContact {
            let next = input.calendar.adding(businessDays: policy.minimumBusinessDaysBetweenContacts, to: lastContact)
            if today < next {
                holds.append(Hold(rule: .interval, reason:
                    "contacted on \(lastContact); the next contact waits until \(next) (\(policy.minimumBusinessDaysBetweenContacts) business days)"))
            }
        }
        return holds
    }

    private func hold(for pause: CustomerPause) -> Hold? {
        let today = input.today
        let since = pause.since.map { " since \($0)" } ?? ""
        let active = pause.until.map { today <= $0 } ?? true
        switch pause.kind {
        case .replyToRead:
            return active ? Hold(rule: .replyToRead, reason: "a reply from the customer\(since) waits to be read by a person") : nil
        case .complaint:
            return active ? Hold(rule: .complaint, reason: "a complaint was received\(since): a person answers it before any reminder") : nil
        case .manual:
            return active ? Hold(rule: .manualPause, reason: pause.until.map { "paused by hand until \($0)" } ?? "paused by hand until `relance resume`") : nil
        case .awayUntil:
            guard active else { return nil }
            guard let until = pause.until else { return Hold(rule: .awayUntil, reason: "the customer is away (auto-reply), return date unknown") }
            return Hold(rule: .awayUntil, reason:
                "the customer is away until \(until) (auto-reply); reminders resume on \(input.calendar.businessDay(onOrAfter: until.adding(days: 1)))")
        case .promiseToPay:
            guard let until = pause.until else { return Hold(rule: .promiseToPay, reason: "the customer promised to pay\(since), no date given") }
            if today <= until {
                return Hold(rule: .promiseToPay, reason: "the customer promised to pay by \(until); if still unpaid, the ladder resumes on \(until.adding(days: 1))")
            }
            // Broken only when a snapshot dated after the promised day still shows the debt.
            if case .latestAuthoritativeSnapshot(let asOf) = input.creditorState.ledger, asOf > until { return nil }
            return Hold(rule: .promiseToPay, reason:
                "the customer promised to pay by \(until): waiting for a snapshot dated after \(until) to know whether the promise was kept")
        }
    }
}
