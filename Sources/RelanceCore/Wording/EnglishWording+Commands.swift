extension EnglishWording {
    public func outcomeOptionMissing(outcome: String, option: String) -> String {
        "--outcome \(outcome) needs \(option) (see relance tasks done --help)"
    }

    public func outcomeOptionNotADate(option: String, value: String) -> String {
        "\(option) \(value): expected a date as DD/MM/YYYY or YYYY-MM-DD"
    }

    public func outcomeOptionNotAnAmount(option: String, value: String) -> String {
        "\(option) \(value): expected an amount such as 912.00"
    }

    public func outcomeOptionNotAnEmail(option: String, value: String) -> String {
        "\(option) \(value): not an email address"
    }

    public func outcomeUnknown(_ value: String, known: [String]) -> String {
        "--outcome \(value): unknown; outcomes: \(known.joined(separator: ", "))"
    }

    public func outcomeRefusedOnTask(taskID: Int64, why: String) -> String {
        "Task #\(taskID): \(why)"
    }

    public func customerPaused(customer: String, creditor: String, until: CivilDate?) -> String {
        "Customer \(customer) of \(creditor) paused" + (until.map { " until \(date($0)) inclusive." } ?? " until resumed.")
    }

    public func creditorPaused(creditor: String, until: CivilDate?) -> String {
        "Creditor \(creditor) paused" + (until.map { " until \(date($0)) inclusive" } ?? " until resumed") + ": nothing is sent."
    }

    public func invoiceWasNotDisputed(invoice: String, creditor: String) -> String {
        "Invoice \(invoice) of \(creditor) was not disputed: nothing changed."
    }

    public func disputeResolvedByResume(invoice: String, creditor: String, taskID: Int64) -> String {
        "Invoice \(invoice) of \(creditor): dispute resolved (recorded on task #\(taskID)); it is back on the ladder."
    }

    public func customerResumed(customer: String, creditor: String) -> String {
        "Customer \(customer) of \(creditor) resumed."
    }

    public func creditorResumed(creditor: String, outboxRetried: Bool) -> String {
        "Creditor \(creditor) resumed" + (outboxRetried ? "; its outbox, paused for a fault, is tried again." : ".")
    }

    public func digestSentNow(creditor: String, day: CivilDate, recipients: [String]) -> String {
        "Digest of \(creditor) for \(date(day)) sent to \(recipients.joined(separator: ", "))."
    }

    public func digestNotSentNow(creditor: String, day: CivilDate) -> String {
        "Nothing to do for \(creditor) on \(date(day)): no digest sent (send_when_empty = false)."
    }

    public func messagesNoneWaiting() -> String { "No reminder waits for a decision." }

    public func messageForReview(id: Int64, creditor: String, step: String, state: OutboxState, recipients: [String], subject: String) -> String {
        "#\(id) \(creditor) \(state.rawValue) to \(recipients.joined(separator: ", ")): \(subject)"
    }

    public func messageWaitsBecause(_ reason: String) -> String { "why: \(reason)" }

    public func messageDecided(id: Int64, decision: MessageReviewDecision, approving: Bool) -> String {
        switch decision {
        case .send where approving:
            "Message #\(id) approved and queued; the outbox still cancels it if an invoice was settled or the customer paused since."
        case .send: "Message #\(id) queued again; the outbox still cancels it if an invoice was settled or changed since."
        case .skip: "Message #\(id) skipped: it will not be sent."
        }
    }
}
