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
            let until = pause.until.map { "until \($0)" } ?? "until `relance resume`"
            holds.append(Hold(rule: .creditorPaused, reason: "creditor \(input.creditor) is paused \(until)\(pause.reason.map { " (\($0))" } ?? "")"))
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
        for pause in state.holds.sorted(by: { ($0.kind.rawValue, $0.until ?? today, $0.id) < ($1.kind.rawValue, $1.until ?? today, $1.id) }) {
            if let hold = hold(for: pause) { holds.append(hold) }
        }
        for task in state.openTasks.sorted(by: { ($0.since, $0.step) < ($1.since, $1.step) }) {
            // A letter is sent when posted: the next step waits for it, however long (#13).
            if task.kind.needsPosting {
                holds.append(Hold(rule: .letterNotPosted, reason: TaskWords.letterNotPosted(
                    task.kind, since: task.since, escalated: today >= Self.letterEscalation(task, policy, input), input.language)))
                continue
            }
            let escalation = Self.outcomeEscalation(task, policy, input.calendar)
            if today < escalation {
                if let retry = task.retryOn, task.attempts > 0 {
                    holds.append(Hold(rule: .openTask, reason: TaskWords.callRetry(
                        attempt: task.attempts, of: policy.noAnswerAttempts, retryOn: retry, input.language)))
                } else {
                    holds.append(Hold(rule: .openTask, reason:
                        "waiting for the outcome of the \(task.kind.rawValue) task of \(task.since) (\(task.step)); escalated on \(escalation) if none comes"))
                }
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

    /// The day an unposted letter's task is escalated to a person.
    static func letterEscalation(_ task: OpenTask, _ policy: Policy, _ input: PlanningInput) -> CivilDate {
        task.since.adding(days: policy.escalateAfterDays ?? input.escalateAfterDays)
    }

    /// The day an open call (or other task) without outcome is escalated and the ladder goes on;
    /// a call retried after no answer counts from its next try.
    static func outcomeEscalation(_ task: OpenTask, _ policy: Policy, _ calendar: any BusinessCalendar) -> CivilDate {
        calendar.adding(businessDays: policy.taskOutcomeWaitBusinessDays, to: max(task.since, task.retryOn ?? task.since))
    }

    /// Promises whose day passed with the debt still open in a later snapshot: the ladder
    /// resumes, and says so ("promesse non tenue").
    func brokenPromises() -> [CustomerHold] {
        guard case .latestAuthoritativeSnapshot(let asOf) = input.creditorState.ledger else { return [] }
        return state.holds.filter { hold in
            guard hold.kind == .promise, let until = hold.until else { return false }
            return input.today > until && asOf > until
        }
    }

    private func hold(for pause: CustomerHold) -> Hold? {
        let today = input.today
        let why = pause.reason.isEmpty ? "" : " (\(pause.reason))"
        let active = pause.applies(on: today)
        switch pause.kind {
        case .reply:
            return active ? Hold(rule: .replyToRead, reason: "a reply from the customer waits to be read by a person\(why)") : nil
        case .complaint:
            return active ? Hold(rule: .complaint, reason: "a complaint was received: a person answers it before any reminder\(why)") : nil
        case .manual:
            guard active else { return nil }
            return Hold(rule: .manualPause, reason: (pause.until.map { "paused by hand until \($0)" } ?? "paused by hand until `relance resume`") + why)
        case .away:
            guard active else { return nil }
            guard let until = pause.until else { return Hold(rule: .awayUntil, reason: "the customer is away, return date unknown\(why)") }
            return Hold(rule: .awayUntil, reason:
                "the customer is away until \(until); reminders resume on \(input.calendar.businessDay(onOrAfter: until.adding(days: 1)))\(why)")
        case .promise:
            guard let until = pause.until else { return Hold(rule: .promiseToPay, reason: "the customer promised to pay, no date given\(why)") }
            if today <= until {
                return Hold(rule: .promiseToPay, reason: "the customer promised to pay by \(until); if still unpaid, the ladder resumes on \(until.adding(days: 1))\(why)")
            }
            // Broken only when a snapshot dated after the promised day still shows the debt.
            if case .latestAuthoritativeSnapshot(let asOf) = input.creditorState.ledger, asOf > until { return nil }
            return Hold(rule: .promiseToPay, reason:
                "the customer promised to pay by \(until): waiting for a snapshot dated after \(until) to know whether the promise was kept\(why)")
        }
    }
}
