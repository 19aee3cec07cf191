public import Foundation

extension EnglishWording {
    public func creditorRegistered(_ creditor: String) -> String { "Creditor \(creditor) registered from the configuration." }

    /// An export's kind (`ParsedImport.Kind`'s code) as an accountant names it.
    func exportKind(_ kind: String) -> String {
        switch kind {
        case "open-invoices": "open-invoice report"
        case "fec": "FEC ledger"
        case "contacts": "contacts"
        case "ubl", "cii", "factur-x": "\(kind.uppercased()) e-invoice"
        case "bank-statement": "bank statement"
        default: kind
        }
    }

    public func importApplied(file: String, kind: String, asOf: CivilDate, new: Int, changed: Int, settled: Int, unchanged: Int,
                              toIdentify: Int) -> String {
        "Imported \(file) (\(exportKind(kind)), as of \(date(asOf))): \(new) new, \(changed) changed, \(settled) settled, \(unchanged) unchanged"
            + (toIdentify > 0 ? ", \(toIdentify) with a customer to identify." : ".")
    }

    public func contactsImported(file: String, new: Int, known: Int) -> String {
        "Imported contacts \(file): \(new) new customers, \(known) known ones checked."
    }

    public func invoiceSettledByImport(invoice: String, file: String, asOf: CivilDate) -> String {
        "Invoice \(invoice) is no longer open in \(file) (as of \(date(asOf))): settled; its reminders stop."
    }

    public func customerAddressesChanged(role: String, customer: String, before: [String], after: [String]) -> String {
        func list(_ addresses: [String]) -> String { addresses.isEmpty ? "none" : addresses.joined(separator: ", ") }
        return "Addresses (\(role)) of customer \(customer) changed from \(list(before)) to \(list(after))."
    }

    public func importDuplicate(file: String, of importID: Int64, held: Bool) -> String {
        held ? "File \(file) has the same content as import #\(importID), which is held: confirm it with `relance import confirm \(importID)`."
            : "File \(file) has the same content as import #\(importID): nothing changed."
    }

    public func importReconfirmed(file: String, of importID: Int64, asOf: CivilDate, previous: CivilDate) -> String {
        "File \(file) has the same content as import #\(importID), the latest export, and states no date: "
            + "the books are taken as unchanged as of \(date(asOf)) (the export was dated \(date(previous)))."
    }

    public func bankStatementAlreadyImported(file: String, as importID: Int64) -> String {
        "File \(file) is the bank statement already imported as #\(importID) (same accounts, same entries): nothing changed."
    }

    public func customerPaused(kind: CustomerHold.Kind, until: CivilDate?, reason: String) -> String {
        let why = switch kind {
        case .manual: "by a person"
        case .reply: "a reply to read"
        case .away: "away"
        case .promise: "a promise to pay"
        case .complaint: "a complaint"
        }
        return "Customer paused (\(why))\(until.map { " until \(date($0))" } ?? " until resumed"): \(reason)."
    }

    public func customerResumed(reason: String) -> String { "Customer resumed: \(reason)." }

    public func addressMarkedInvalid(_ address: String, reason: String) -> String { "Address \(address) marked invalid: \(reason)." }

    public func addressUsableAgain(_ address: String, reason: String) -> String { "Address \(address) is usable again: \(reason)." }

    public func taskSuperseded(old: Int64, oldKind: WorkTask.Kind, oldStep: String?, new: Int64, newKind: WorkTask.Kind, newStep: String?) -> String {
        "Task #\(old) (\(taskKind(oldKind).lowercased()), step \(oldStep.map(stepName) ?? "-")) was never recorded as posted: "
            + "superseded by task #\(new) (\(taskKind(newKind).lowercased()), step \(newStep.map(stepName) ?? "-")); its document is kept."
    }

    public func taskMovedOn(id: Int64, kind: WorkTask.Kind, from: String?, since: CivilDate?, to: String?, on day: CivilDate, title: String) -> String {
        "Task #\(id) (\(taskKind(kind).lowercased())) moved on from step \(from.map(stepName) ?? "-")"
            + "\(since.map { " (since \(date($0)))" } ?? "") to \(to.map(stepName) ?? "-") on \(date(day)): \(title)"
    }

    public func customerHeld(customer: String, on day: CivilDate, reason: String) -> String {
        "Customer \(customer) not contacted on \(date(day)): \(reason)."
    }

    public func taskEscalated(kind: WorkTask.Kind, customer: String, step: String, since: CivilDate, dueOn: CivilDate) -> String {
        "The \(taskKind(kind).lowercased()) task for customer \(customer) (step \(stepName(step)), open since \(date(since))) "
            + "has had no outcome since \(date(dueOn)): it needs a person now."
    }

    public func importRowsRefused(count: Int, file: String, rows: [String], more: Bool) -> String {
        let listed = rows.map { "- \($0)" } + (more ? ["- …"] : [])
        return (["\(counted(count, "row", "rows")) of \(file) refused, the rest imported; their invoices are left as they were (never settled by this file). Correct the cells and drop the export again:"] + listed)
            .joined(separator: "\n")
    }

    public func massSettlement(settling: Int, amount: Money, open: Money, percent: Int, threshold: Int) -> String {
        "it would settle \(counted(settling, "invoice", "invoices")), \(self.amount(amount)) of \(self.amount(open)) open (\(percent) %, above the \(threshold) % safety threshold)"
    }

    public func importHeld(importID: Int64, file: String, reason: String) -> String {
        "Import #\(importID) of \(file) is HELD, nothing changed: \(reason). A truncated or filtered export (\"overdue only\") looks like this. If the payments are real, run `relance import confirm \(importID)`."
    }

    public func heldImportConfirmed(importID: Int64, file: String) -> String {
        "Held import #\(importID) of \(file) confirmed by a person: applied now."
    }

    public func heldImportRejected(importID: Int64, file: String, reason: String) -> String {
        "Held import #\(importID) of \(file) rejected: nothing applied. \(reason)"
    }

    public func importRejected(file: String, reason: String) -> String { "File \(file) was refused: \(reason)" }

    public func outboxPaused(creditor: String, reason: String) -> String {
        "The outbox of \(creditor) is paused: the problem is on our side (\(reason)). No customer is affected; fix the configuration, messages resume on their next attempt."
    }

    public func outboxResumed(creditor: String, since: CivilDate, reason: String) -> String {
        "The outbox of \(creditor), paused since \(date(since)), is tried again: \(reason)."
    }

    public func digestSent(day: CivilDate, to recipients: [String], serverReply: String) -> String {
        "Digest of \(date(day)) sent to \(recipients.joined(separator: ", ")) (server reply: \(serverReply))."
    }

    public func digestNotNeeded(day: CivilDate) -> String { "No digest on \(date(day)): nothing to do." }

    public func invoiceDisputed(invoice: String, reason: String) -> String {
        "Invoice \(invoice) disputed: \(reason). No reminder, letter or notice demands it until the dispute is resolved (`relance resume --invoice`); the customer's other invoices go on."
    }

    public func disputeResolved(invoice: String, reason: String) -> String { "Dispute on invoice \(invoice) resolved: \(reason)." }

    public func disputeEndedByOutcome(_ outcome: TaskOutcome, taskID: Int64) -> String {
        if case .paid = outcome { return "payment announced recorded on task #\(taskID)" }
        if case .disputeResolved = outcome { return "resolved, as recorded on task #\(taskID)" }
        return "promise to pay recorded on task #\(taskID)"
    }

    public func outcomeRefusal(_ refusal: OutcomeRefusal) -> String {
        switch refusal {
        case .alreadyClosed(let id, let state, let outcome):
            "task #\(id) is already \(taskState(state))\(outcome.map { " (\(self.outcome($0)))" } ?? ""): nothing recorded"
        case .onlyLettersArePosted(let id, let kind): "task #\(id) is a \(taskKind(kind).lowercased()) task: only a letter is posted"
        case .postedInTheFuture(let posted, let today): "the posting date \(date(posted)) is after today (\(date(today)))"
        case .trackingNumberMissing: "a registered letter is recorded with its tracking number (--tracking)"
        case .acknowledgementOutOfRange(let acknowledged, let posted, let today):
            "the acknowledgement of receipt (\(date(acknowledged))) must fall between the posting (\(date(posted))) and today (\(date(today)))"
        case .acknowledgementIsRecordedWithPosting: "record the acknowledgement of receipt with letter-posted (--acknowledged DATE)"
        case .supersededByTheLadderOnly: "a task is superseded by the ladder, not by hand"
        case .promiseInThePast(let promised, let today): "the promised date \(date(promised)) has already passed (today is \(date(today)))"
        case .promisedAmountNotPositive: "the promised amount must be above zero"
        case .paidInTheFuture(let paid, let today): "the payment date \(date(paid)) is after today (\(date(today)))"
        case .phoneNotKnown(let phone, let known):
            "\(phone) is not among the customer's numbers (\(known.isEmpty ? "none" : known.joined(separator: ", ")))"
        case .callOnly(let outcome, let id, let kind):
            "\(self.outcome(outcome)) is recorded for a call; task #\(id) is a \(taskKind(kind).lowercased()) task"
        case .invoiceNotOnTask(let invoice, let id, let open):
            "invoice \(invoice) is not one of task #\(id)'s open invoices (\(open.joined(separator: ", ")))"
        case .noSuchTask(let id): "task #\(id) does not exist (relance tasks lists the open ones)"
        case .noDisputeOpen(let id): "the customer of task #\(id) disputes no open invoice: nothing to resolve"
        case .invoiceNotDisputed(let invoice, let disputed):
            "invoice \(invoice) is not disputed (disputed: \(disputed.joined(separator: ", ")))"
        }
    }

    public func outcomeLineProblem(_ problem: OutcomeLineProblem) -> String {
        switch problem {
        case .lineTooLong: "line too long"
        case .tooManyOutcomes(let count): "more than \(count) outcomes in one reply"
        case .noTaskNumber: "a task number must follow # (e.g. #12)"
        case .noOutcomeRecognised:
            "no outcome recognised (promised, dispute, dispute resolved, paid, wrong number, no answer, new address, posted, done, cancelled)"
        case .promiseNeedsDate: "a promise needs its date (15/01/2027)"
        case .notAnAmount(let text): "\(text) is not an amount (912.00)"
        case .newAddressNeedsAddress: "a new address needs the address"
        }
    }

    public func outcomeLineNotRead(taskID: Int64?, sender: String, line: String, problem: OutcomeLineProblem) -> String {
        "\(taskID.map { "Task #\($0)" } ?? "A line") in the reply of \(sender): \"\(line.prefix(120))\" not read: \(outcomeLineProblem(problem))."
    }

    public func outcomeNotRecorded(taskID: Int64, outcome: TaskOutcome, by: String, why: String) -> String {
        "Task #\(taskID) (reply of \(by)): \(self.outcome(outcome)) not recorded: \(why)."
    }
}

extension EnglishWording {
    public func messageQueued(step: String, to: [String], invoices: Int, plannedOn: CivilDate) -> String {
        "Queued \(stepName(step)) to \(to.joined(separator: ", ")) for \(counted(invoices, "invoice", "invoices")), planned for \(date(plannedOn))."
    }

    public func messageAttempt(_ attempt: Int, messageID: Int64) -> String { "Attempt \(attempt) to send message #\(messageID)." }
    public func messageUnclaimed(messageID: Int64) -> String {
        "Message #\(messageID) put back in the outbox before sending (the outbox paused or the sender stopped); it was not sent."
    }

    public func messageSent(step: String?, messageID: Int64, customer: String, recipients: String, serverReply: String) -> String {
        if let file = OutboxFolderReply.file(in: serverReply) {
            return "Message #\(messageID)\(step.map { " (\(stepName($0)))" } ?? "") for \(customer) (\(recipients)) written to the outbox folder as \(file) (no SMTP server configured: the file is not sent)"
        }
        return "Sent \(step ?? "message") #\(messageID) to \(customer) (\(recipients)); server said: \(serverReply)"
    }

    public func messageRetry(messageID: Int64, reason: String, retryAt: Date) -> String {
        "Message #\(messageID) not sent (\(reason)); next attempt on \(dateAndTimeUTC(retryAt))."
    }

    public func messageFailed(messageID: Int64, reason: String) -> String { "Message #\(messageID) failed: \(reason)" }

    public func messageCancelled(messageID: Int64, because reason: MessageCancelReason) -> String {
        let why = switch reason {
        case .paidAtTheBank(let invoice): "a bank statement shows invoice \(invoice) paid since the message was written"
        case .settled(let invoice): "invoice \(invoice) is settled"
        case .disputed(let invoice): "invoice \(invoice) is disputed"
        case .amountChanged(let invoice): "the open amount of invoice \(invoice) changed since the message was written"
        case .customerPaused(let kind, let reason): "the customer is paused (\(kind): \(reason))"
        case .staleApproval(let day): "written on \(date(day)) and not approved since, its figures are out of date; today's plan writes it again"
        }
        return "Message #\(messageID) cancelled before sending: \(why)."
    }
}
