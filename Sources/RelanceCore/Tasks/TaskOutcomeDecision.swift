/// What an outcome recorded by a person does: the one decision behind `relance tasks done`,
/// an emailed reply and the console. Pure: the caller reads the facts, the store applies the
/// result in one transaction (`TaskOutcomeStore.applyTaskOutcome`).
public enum TaskOutcomeDecision {
    public static func decide(_ request: TaskOutcomeRequest, facts: TaskOutcomeFacts, today: CivilDate,
                              settings: TaskOutcomeSettings, calendar: any BusinessCalendar) throws(TaskOutcomeError) -> TaskOutcomeApplication {
        let task = facts.task
        let words = settings.language.wording
        // A refusal in the creditor's language: the CLI, the console and the reply's acknowledgement show it.
        func refusal(_ code: TaskOutcomeError.Code, _ why: OutcomeRefusal) -> TaskOutcomeError {
            TaskOutcomeError(code, words.outcomeRefusal(why))
        }
        // A dispute is resolved on the task that recorded it, though that task closed then.
        let resolvesItsOwnDispute: Bool = if case .disputeResolved = request.outcome, case .dispute? = task.outcome { true } else { false }
        guard task.state == .open || resolvesItsOwnDispute else {
            throw refusal(.closed, .alreadyClosed(taskID: task.id, state: task.state, outcome: task.outcome))
        }
        var application = TaskOutcomeApplication(request: request, creditor: task.creditor, customerID: task.customerID,
                                                  closesTask: true, journal: "")
        var outcome = request.outcome
        if case .letterSent(let tracking) = outcome { outcome = .letterPosted(on: today, trackingNumber: tracking) }
        application.request.outcome = outcome

        switch outcome {
        case .letterPosted(let posted, let tracking, let acknowledged):
            guard task.kind.needsPosting else {
                throw refusal(.notForThisTask, .onlyLettersArePosted(taskID: task.id, kind: task.kind))
            }
            guard posted <= today else { throw refusal(.futureDate, .postedInTheFuture(posted: posted, today: today)) }
            if task.kind == .registeredLetter, (tracking ?? "").isEmpty {
                throw refusal(.missingValue, .trackingNumberMissing)
            }
            if let acknowledged, acknowledged < posted || acknowledged > today {
                throw refusal(.futureDate, .acknowledgementOutOfRange(acknowledged: acknowledged, posted: posted, today: today))
            }
            application.posting = .init(postedOn: posted, trackingNumber: tracking, acknowledgedOn: acknowledged)
        case .acknowledged:
            throw refusal(.notForThisTask, .acknowledgementIsRecordedWithPosting)
        case .superseded:
            throw refusal(.notForThisTask, .supersededByTheLadderOnly)
        case .promisedToPay(let date, let amount):
            guard date >= today else { throw refusal(.futureDate, .promiseInThePast(promised: date, today: today)) }
            if let amount, amount.minorUnits <= 0 { throw refusal(.missingValue, .promisedAmountNotPositive) }
            application.promise = .init(until: date, amount: amount,
                                        reason: words.promiseHold(amount: amount, taskID: task.id, by: request.recordedBy))
        case .dispute(let numbers, let reason):
            application.disputedInvoiceIDs = try invoiceIDs(numbers, facts: facts, words)
            application.disputeReason = reason.flatMap { $0.isEmpty ? nil : $0 } ?? words.disputedByTask(taskID: task.id)
        case .disputeResolved(let numbers, let note):
            let disputed = facts.disputedInvoices
            guard !disputed.isEmpty else { throw refusal(.noDispute, .noDisputeOpen(taskID: task.id)) }
            var ids: [Int64] = []
            for number in numbers {
                guard let invoice = disputed.first(where: { $0.number.caseInsensitiveEquals(number) }) else {
                    throw refusal(.unknownInvoice, .invoiceNotDisputed(invoice: number, disputed: disputed.map(\.number)))
                }
                ids.append(invoice.id)
            }
            application.resolvedDisputeInvoiceIDs = numbers.isEmpty ? disputed.map(\.id) : ids
            // None named: all of them, and the journal and the timeline say which.
            if numbers.isEmpty { outcome = .disputeResolved(invoices: disputed.map(\.number), note: note) }
            if task.state != .open {
                application.closesTask = false
                application.recordsOnClosedTask = true
            }
        case .paid(let date, let means):
            if let date, date > today { throw refusal(.futureDate, .paidInTheFuture(paid: date, today: today)) }
            let ids = facts.invoices.map(\.id)
            if !ids.isEmpty {
                application.paymentClaim = .init(invoiceIDs: ids, paidOn: date, means: means, waitUntil: today.adding(days: settings.paidWaitDays))
            }
        case .wrongNumber(let phone):
            try callOnly(task, outcome, words)
            let wrong: [String]
            if let phone {
                guard let known = facts.phones.first(where: { digits($0) == digits(phone) }) else {
                    throw refusal(.missingValue, .phoneNotKnown(phone: phone, known: facts.phones))
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
            try callOnly(task, outcome, words)
            let attempts = task.attempts + 1
            application.attempts = attempts
            if attempts < settings.noAnswerAttempts {
                application.closesTask = false
                application.retryOn = calendar.businessDay(onOrAfter: today.adding(days: 1))
            }
        case .newAddress(let address):
            application.newAddress = address
            application.newAddressReason = words.addressGivenAsRight(by: nil, taskID: task.id)
        case .done, .cancelled, .letterSent:
            break
        }
        // A promise or a payment announced about a disputed invoice ends its dispute (#11),
        // whoever records it and however.
        switch outcome {
        case .promisedToPay, .paid:
            let ending = facts.taskDisputedInvoiceIDs.filter { !application.resolvedDisputeInvoiceIDs.contains($0) }
            application.resolvedDisputeInvoiceIDs += ending
        default: break
        }
        if !application.resolvedDisputeInvoiceIDs.isEmpty {
            application.disputeEndReason = words.disputeEndedByOutcome(outcome, taskID: task.id)
        }
        if task.kind == .checkPayment { application.resolvesPaymentClaims = true }
        application.request.outcome = outcome
        application.journal = words.outcomeJournal(
            taskID: task.id, kind: task.kind, outcome: outcome, staysOpen: !application.closesTask && task.state == .open,
            retry: application.retryOn.map { (attempt: application.attempts ?? 0, of: settings.noAnswerAttempts, on: $0) },
            by: request.recordedBy, channel: request.channel)
        return application
    }

    private static func callOnly(_ task: WorkTask, _ outcome: TaskOutcome, _ words: any Wording) throws(TaskOutcomeError) {
        guard task.kind == .call else {
            throw TaskOutcomeError(.notForThisTask, words.outcomeRefusal(.callOnly(outcome: outcome, taskID: task.id, kind: task.kind)))
        }
    }

    private static func invoiceIDs(_ numbers: [String], facts: TaskOutcomeFacts, _ words: any Wording) throws(TaskOutcomeError) -> [Int64] {
        guard !numbers.isEmpty else { return facts.invoices.map(\.id) }
        var ids: [Int64] = []
        for number in numbers {
            guard let invoice = facts.invoices.first(where: { $0.number.caseInsensitiveEquals(number) }) else {
                throw TaskOutcomeError(.unknownInvoice, words.outcomeRefusal(
                    .invoiceNotOnTask(invoice: number, taskID: facts.task.id, open: facts.invoices.map(\.number))))
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
