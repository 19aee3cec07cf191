/// The reasons that hold a whole customer (or the whole creditor) today.
struct CustomerHolds {
    let input: PlanningInput
    let policy: Policy
    let state: CustomerState

    /// Holds for every customer of the creditor: free-text holds, a pause, a stale ledger.
    static func creditorHolds(_ input: PlanningInput) -> [Hold] {
        let words = input.language.wording
        var holds = input.creditorHolds.map { Hold(rule: .creditorHold, reason: $0) }
        let creditor = input.creditorState
        if let pause = creditor.pause, pause.until.map({ input.today <= $0 }) ?? true {
            holds.append(Hold(rule: .creditorPaused, reason: words.creditorPausedReason(
                creditor: input.creditor.rawValue, until: pause.until, why: pause.reason)))
        }
        switch creditor.ledger {
        case .notTracked:
            break
        case .noAuthoritativeSnapshot:
            holds.append(Hold(rule: .staleLedger, reason: words.noAuthoritativeSnapshot(creditor: input.creditor.rawValue)))
        case .latestAuthoritativeSnapshot(let asOf):
            let age = asOf.days(until: input.today)
            if age > creditor.maximumLedgerAgeDays {
                holds.append(Hold(rule: .staleLedger, reason: words.staleSnapshot(
                    asOf: asOf, ageDays: age, maximumDays: creditor.maximumLedgerAgeDays)))
            }
        }
        return holds
    }

    func holds(lastContact: CivilDate?) -> [Hold] {
        let today = input.today
        let words = input.language.wording
        var holds: [Hold] = []
        if !input.calendar.isBusinessDay(today) {
            holds.append(Hold(rule: .nonBusinessDay, reason: words.nonBusinessDay(
                today, holiday: input.calendar.holiday(on: today), next: input.calendar.businessDay(onOrAfter: today))))
        }
        if state.doNotRemind {
            holds.append(Hold(rule: .doNotRemind, reason: words.doNotRemindReason()))
        }
        if let flag = state.personDoNotRemind {
            holds.append(Hold(rule: .doNotRemind, reason: words.doNotRemindByPersonReason(
                by: flag.setBy, since: flag.setOn ?? today, why: flag.reason)))
        }
        for pause in state.holds.sorted(by: { ($0.kind.rawValue, $0.until ?? today, $0.id) < ($1.kind.rawValue, $1.until ?? today, $1.id) }) {
            if let hold = hold(for: pause) { holds.append(hold) }
        }
        for task in state.openTasks.sorted(by: { ($0.since, $0.step) < ($1.since, $1.step) }) {
            // A letter is sent when posted: the next step waits for it, however long (#13).
            if task.kind.needsPosting {
                holds.append(Hold(rule: .letterNotPosted, reason: words.letterNotPosted(
                    task.kind, since: task.since, escalated: today >= Self.letterEscalation(task, policy, input))))
                continue
            }
            let escalation = Self.outcomeEscalation(task, policy, input.calendar)
            if today < escalation {
                if let retry = task.retryOn, task.attempts > 0 {
                    holds.append(Hold(rule: .openTask, reason: words.callRetry(
                        attempt: task.attempts, of: policy.noAnswerAttempts, retryOn: retry)))
                } else {
                    holds.append(Hold(rule: .openTask, reason: words.waitingForOutcome(
                        kind: task.kind, since: task.since, step: task.step, escalation: escalation)))
                }
            }
        }
        if let lastContact {
            let next = input.calendar.adding(businessDays: policy.minimumBusinessDaysBetweenContacts, to: lastContact)
            if today < next {
                holds.append(Hold(rule: .interval, reason: words.contactInterval(
                    last: lastContact, next: next, businessDays: policy.minimumBusinessDaysBetweenContacts)))
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
        let words = input.language.wording
        let why = pause.reason.isEmpty ? nil : pause.reason
        let active = pause.applies(on: today)
        switch pause.kind {
        case .reply:
            return active ? Hold(rule: .replyToRead, reason: words.replyToReadReason(why: why)) : nil
        case .complaint:
            return active ? Hold(rule: .complaint, reason: words.complaintReason(why: why)) : nil
        case .manual:
            guard active else { return nil }
            return Hold(rule: .manualPause, reason: words.manualPauseReason(until: pause.until, why: why))
        case .away:
            guard active else { return nil }
            let resume = pause.until.map { input.calendar.businessDay(onOrAfter: $0.adding(days: 1)) }
            return Hold(rule: .awayUntil, reason: words.awayReason(until: pause.until, resumeOn: resume, why: why))
        case .promise:
            guard let until = pause.until else {
                return Hold(rule: .promiseToPay, reason: words.promiseReason(until: nil, resumeOn: nil, why: why))
            }
            if today <= until {
                return Hold(rule: .promiseToPay, reason: words.promiseReason(until: until, resumeOn: until.adding(days: 1), why: why))
            }
            // Broken only when a snapshot dated after the promised day still shows the debt.
            if case .latestAuthoritativeSnapshot(let asOf) = input.creditorState.ledger, asOf > until { return nil }
            return Hold(rule: .promiseToPay, reason: words.promiseAwaitingSnapshot(until: until, why: why))
        }
    }
}
