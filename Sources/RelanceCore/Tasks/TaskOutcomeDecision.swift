/// What an outcome recorded by a person does: the one decision behind `relance tasks done`,
/// an emailed reply and the console. Pure: the caller reads the facts, the store applies the
/// result in one transaction (`TaskOutcomeStore.applyTaskOutcome`).
public enum TaskOutcomeDecision {
    public static func decide(_ request: TaskOutcomeRequest, facts: TaskOutcomeFacts, today: CivilDate,
                              settings: TaskOutcomeSettings, calendar: any BusinessCalendar) throws(TaskOutcomeError) -> TaskOutcomeApplication {
        let task = facts.task
        let words = settings.language.wording
        guard task.state == .open else {
            throw TaskOutcomeError(.closed, "task #\(task.id) is already \(task.state.rawValue)\(task.outcome.map { " (\($0.code))" } ?? ""): nothing recorded")
        }
        var application = TaskOutcomeApplication(request: request, creditor: task.creditor, customerID: task.customerID,
                                                  closesTask: true, journal: "")
        var outcome = request.outcome
        if case .letterSent(let tracking) = outcome { outcome = .letterPosted(on: today, trackingNumber: tracking) }
        application.request.outcome = outcome

        switch outcome {
        case .letterPosted(let posted, let tracking, let acknowledged):
            guard task.kind.needsPosting else {
                throw TaskOutcomeError(.notForThisTask, "task #\(task.id) is a \(task.kind.rawValue) task: only a letter is posted")
            }
            guard posted <= today else { throw TaskOutcomeError(.futureDate, "the posting date \(posted) is after today (\(today))") }
            if task.kind == .registeredLetter, (tracking ?? "").isEmpty {
                throw TaskOutcomeError(.missingValue, "a registered letter is recorded with its tracking number (--tracking)")
            }
            if let acknowledged, acknowledged < posted || acknowledged > today {
                throw TaskOutcomeError(.futureDate, "the acknowledgement of receipt (\(acknowledged)) must fall between the posting (\(posted)) and today")
            }
            application.posting = .init(postedOn: posted, trackingNumber: tracking, acknowledgedOn: acknowledged)
        case .acknowledged:
            throw TaskOutcomeError(.notForThisTask, "record the acknowledgement of receipt with letter-posted (--acknowledged DATE)")
        case .superseded:
            throw TaskOutcomeError(.notForThisTask, "a task is superseded by the ladder, not by hand")
        case .promisedToPay(let date, let amount):
            guard date >= today else { throw TaskOutcomeError(.futureDate, "the promised date \(date) has already passed (today is \(today))") }
            if let amount, amount.minorUnits <= 0 { throw TaskOutcomeError(.missingValue, "the promised amount must be above zero") }
            application.promise = .init(until: date, amount: amount,
                                        reason: words.promiseHold(amount: amount, taskID: task.id, by: request.recordedBy))
        case .dispute(let numbers, let reason):
            application.disputedInvoiceIDs = try invoiceIDs(numbers, facts: facts)
            application.disputeReason = reason.flatMap { $0.isEmpty ? nil : $0 } ?? words.disputedByTask(taskID: task.id)
        case .paid(let date, let means):
            if let date, date > today { throw TaskOutcomeError(.futureDate, "the payment date \(date) is after today (\(today))") }
            let ids = facts.invoices.map(\.id)
            if !ids.isEmpty {
                application.paymentClaim = .init(invoiceIDs: ids, paidOn: date, means: means, waitUntil: today.adding(days: settings.paidWaitDays))
            }
        case .wrongNumber(let phone):
            try callOnly(task, outcome)
            let wrong: [String]
            if let phone {
                guard let known = facts.phones.first(where: { digits($0) == digits(phone) }) else {
                    throw TaskOutcomeError(.missingValue, "\(phone) is not among the customer's numbers (\(facts.phones.isEmpty ? "none" : facts.phones.joined(separator: ", ")))")
                }
                wrong = [known]
            } else {
                wrong = facts.phones
            }
            application.invalidPhones = wrong
            let left = facts.phones.filter { !wrong.contains($0) }
            // Another number to try: the call stays open. None: it stays open to find one.
            application.closesTask = false
            application.detailUpdates["phones"] = left.isEmpty ? TaskWords.noPhoneLeft(settings.language) : left.joined(separator: ", ")
        case .noAnswer:
            try callOnly(task, outcome)
            let attempts = task.attempts + 1
            application.attempts = attempts
            if attempts < settings.noAnswerAttempts {
                application.closesTask = false
                application.retryOn = calendar.businessDay(onOrAfter: today.adding(days: 1))
            }
        case .newAddress(let address):
            application.newAddress = address
        case .done, .cancelled, .letterSent:
            break
        }
        if task.kind == .checkPayment { application.resolvesPaymentClaims = true }
        application.journal = words.outcomeJournal(
            taskID: task.id, kind: task.kind, outcome: outcome, staysOpen: !application.closesTask,
            retry: application.retryOn.map { (attempt: application.attempts ?? 0, of: settings.noAnswerAttempts, on: $0) },
            by: request.recordedBy, channel: request.channel)
        return application
    }

    private static func callOnly(_ task: WorkTask, _ outcome: TaskOutcome) throws(TaskOutcomeError) {
        guard task.kind == .call else {
            throw TaskOutcomeError(.notForThisTask, "\(outcome.code) is recorded for a call; task #\(task.id) is a \(task.kind.rawValue) task")
        }
    }

    private static func invoiceIDs(_ numbers: [String], facts: TaskOutcomeFacts) throws(TaskOutcomeError) -> [Int64] {
        guard !numbers.isEmpty else { return facts.invoices.map(\.id) }
        var ids: [Int64] = []
        for number in numbers {
            guard let invoice = facts.invoices.first(where: { $0.number.caseInsensitiveEquals(number) }) else {
                throw TaskOutcomeError(.unknownInvoice, "invoice \(number) is not one of task #\(facts.task.id)'s open invoices (\(facts.invoices.map(\.number).joined(separator: ", ")))")
            }
            ids.append(invoice.id)
        }
        return ids
    }

    /// Numbers compare by their digits: `01 23 45 67 89` is `0123456789`.
    static func digits(_ phone: String) -> String { String(phone.filter(\.isNumber)) }
}

extension String {
    fileprivate func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
