/// Relance's words in English, for an English-speaking creditor's people: dates `7 Dec 2026`,
/// amounts `€2,376.80`.
public struct EnglishWording: Wording {
    public init() {}
    public var language: Language { .english }

    // MARK: Names

    public func stepName(_ step: String) -> String {
        switch step {
        case "courtesy-reminder": "courtesy reminder"
        case "first-reminder": "first reminder"
        case "second-reminder": "second reminder"
        case "phone-call": "phone call"
        case "final-reminder": "final reminder"
        case "formal-letter": "reminder letter"
        case "registered-letter": "registered letter"
        case "formal-notice": "formal notice"
        case "legal-action": "legal action"
        case "hand-off": "hand-off to collection"
        case "contact": "contact"
        default: Self.readable(step)
        }
    }

    public func channelPhrase(_ channel: PolicyStep.Channel) -> String {
        switch channel {
        case .email: "by email"
        case .phone: "by phone"
        case .letter: "by letter"
        case .registeredLetter: "by registered letter"
        case .formalNotice: "by formal notice"
        case .legalAction: "in court"
        case .handOff: "through a collection agency"
        }
    }

    public func daysLate(_ days: Int) -> String {
        switch days {
        case ..<1: "not yet due"
        case 1: "1 day late"
        default: "\(days) days late"
        }
    }

    public func bucket(_ bucket: AgingBucket) -> String { bucket.title }

    public func taskKind(_ kind: WorkTask.Kind) -> String {
        switch kind {
        case .call: "Call"
        case .readReply: "Reply to read"
        case .letter: "Letter"
        case .registeredLetter: "Registered letter"
        case .formalNotice: "Formal notice"
        case .legalAction: "Legal action"
        case .handOff: "Hand-off to collection"
        case .reviewMessage: "Message to check"
        case .fixConfiguration: "Setting to fix"
        case .identifyCustomer: "Customer to identify"
        case .checkPayment: "Payment to check"
        }
    }

    public func outcome(_ outcome: TaskOutcome) -> String {
        switch outcome {
        case .promisedToPay(let day, let amount):
            "promised to pay \(amount.map { "\(self.amount($0)) " } ?? "")on \(date(day))"
        case .dispute(let invoices, _):
            invoices.isEmpty ? "disputes the invoices" : "disputes \(invoices.count > 1 ? "invoices" : "invoice") \(invoices.joined(separator: ", "))"
        case .disputeResolved(let invoices, _):
            invoices.isEmpty ? "dispute resolved"
                : "dispute resolved on \(invoices.count > 1 ? "invoices" : "invoice") \(invoices.joined(separator: ", "))"
        case .wrongNumber: "wrong number"
        case .paid: "says it has paid"
        case .noAnswer: "no answer"
        case .letterSent(let tracking): tracking.map { "letter sent, tracking number \($0)" } ?? "letter sent"
        case .letterPosted(let day, let tracking, let acknowledged):
            "letter posted on \(date(day))\(tracking.map { " (tracking number \($0))" } ?? "")\(acknowledged.map { ", acknowledgement of receipt signed on \(date($0))" } ?? "")"
        case .acknowledged(let day): "acknowledgement of receipt signed on \(date(day))"
        case .newAddress(let address): "new address \(address.value)"
        case .done(let note): note.map { "done: \($0)" } ?? "done"
        case .cancelled(let reason): reason.isEmpty ? "cancelled" : "cancelled: \(reason)"
        case .superseded(let id): "superseded by task #\(id)"
        }
    }

    public func taskState(_ state: WorkTask.State) -> String {
        switch state {
        case .open: "open"
        case .done: "done"
        case .cancelled: "cancelled"
        }
    }

    public func labelled(_ label: String, _ value: String) -> String { "\(label): \(value)" }

    public func detailLabel(_ key: String) -> String {
        switch key {
        case "customer": "Customer"
        case "announced": "Payment announced"
        case "step": "Step"
        case "invoices": "Invoices"
        case "also_outstanding": "Also outstanding"
        case "phones", "phone": "Phone"
        case "emails": "Email"
        case "address": "Address"
        case "script": "Call script"
        case "before": "Done before"
        case "amounts": "Amounts"
        case "procedure": "Procedure"
        case "payment_deadline": "Pay by"
        case "note": "Note"
        case "reason": "Reason"
        case "excerpt": "Excerpt"
        case "hints": "Hints"
        case "from": "From"
        case "customers": "Customers"
        case "message": "Message no."
        case "bounced_address": "Bounced address"
        case "status": "Status"
        case "diagnostic": "Server's diagnostic"
        case "document": "Document"
        case "amount_due": "Amount due"
        case "temporary_bounces": "Emails not delivered"
        case "invoice": "Invoice"
        case "amount": "Amount received"
        case "booked": "Received on"
        case "label": "Transfer label"
        case "ledger_as_of": "Ledger as of"
        case "what_to_do": "What to do"
        default: Self.readable(key).capitalizedFirst
        }
    }

    public func verdict(_ verdict: PlanDecision.Verdict) -> String {
        switch verdict {
        case .act: "acts"
        case .wait: "waits"
        case .skip: "skipped"
        }
    }

    public func taskReason(_ code: String) -> String? {
        switch code {
        case "no-contact": "neither an email address nor a phone number in the contacts"
        case "unresolved": "the buyer matches no known customer"
        case "complaint": "the customer reported a reminder as spam"
        default: nil
        }
    }

    public func replyHint(_ code: String) -> String? {
        switch code {
        case "paid": return "says it has paid"
        case "dispute": return "disputes"
        case "not-received": return "says the invoice never arrived"
        default:
            guard code.hasPrefix("promise:"), let day = CivilDate(iso8601: code.dropFirst("promise:".count)) else { return nil }
            return "promises to pay on \(date(day))"
        }
    }

    public func procedure(_ procedure: LegalProcedure) -> String {
        switch procedure {
        case .smallClaims: "simplified small-claims recovery (commissaire de justice, up to €5,000)"
        case .orderForPayment: "order for payment, injonction de payer (commercial court)"
        }
    }

    public func eventKind(_ kind: String) -> String {
        switch kind {
        case "message.queued": "Reminder prepared"
        case "message.awaiting-approval": "Reminder awaiting approval"
        case "message.approved": "Reminder approved"
        case "message.skipped": "Reminder skipped"
        case "message.released": "Reminder sent again"
        case "customer.do-not-remind", "customer.do-not-remind-removed": "Do not remind"
        case "message.sending": "Reminder being sent"
        case "message.sent": "Reminder sent"
        case "message.retry", "message.requeued": "Reminder to send again"
        case "message.held": "Reminder held"
        case "message.cancelled": "Reminder cancelled"
        case "message.failed": "Reminder not sent"
        case "message.copied-to-sent": "Copied to Sent"
        case "customer.email-added", "customer.email-changed": "Customer's addresses"
        case "invoice.opened": "Invoice opened"
        case "invoice.settled": "Invoice settled"
        case "invoice.reopened": "Invoice reopened"
        case "invoice.disputed": "Invoice disputed"
        case "invoice.dispute-resolved": "Dispute resolved"
        case "invoice.due-changed", "invoice.due-disagreement": "Due date"
        case "invoice.terms-beyond-cap": "Payment terms beyond the legal cap"
        case "invoice.document-kept": "E-invoice kept"
        case "invoice.customer-resolved", "invoice.customer-changed": "Invoice's customer"
        case "invoice.older-snapshot": "Older export"
        case "task.opened": "Task opened"
        case "task.closed": "Task closed"
        case "task.escalated": "Task overdue"
        case "mail.received": "Email received"
        case "mail.bounce-temporary": "Email delayed"
        case "mail.bounce-unclear": "Unclear bounce"
        case "address.invalid", "address.refused", "customer.email-invalid": "Address invalid"
        case "address.cleared": "Address valid again"
        case "customer.created": "Customer created"
        case "customer.updated": "Customer updated"
        case "customer.identified": "Customer identified"
        case "customer.unidentified": "Customer to identify"
        case "customer.paused": "Reminders paused"
        case "customer.resumed": "Reminders resumed"
        case "plan.held": "Decision"
        case "import.applied": "Export imported"
        case "import.held": "Export held"
        case "import.confirmed": "Export confirmed"
        case "import.rejected": "Export refused"
        case "bank.matched": "Payment received at the bank"
        case "bank.reversed": "Payment reversed by the bank"
        case "bank.linked": "Bank receipt linked to the customer"
        case "bank.unmatched": "Bank receipt not matched"
        case "bank.overpaid": "Paid more than due"
        case "bank.dismissed": "Bank receipt set aside"
        case "bank.reversal-unmatched": "Bank reversal not matched"
        case "customer.address-corrected": "Address corrected"
        case "import.duplicate": "Already imported"
        case "import.rows-refused": "Rows refused"
        case "import.warning": "Import warning"
        case "import.uploaded": "File uploaded"
        case "import.confirmed-by": "Import confirmed by"
        case "outbox.paused": "Sending paused"
        case "outbox.resumed": "Sending resumed"
        case "task.outcome-refused": "Outcome not recorded"
        case "task.superseded": "Task superseded"
        case "task.updated": "Task updated"
        case "digest.sent": "Digest sent"
        case "creditor.registered": "Creditor registered"
        case "creditor.state": "Creditor's state"
        case "plan.failed": "Step not carried out"
        case "purge.documents", "purge.files", "purge": "Purge"
        case "console.user.added", "console.user.updated", "console.user.removed": "Console user"
        default: kind
        }
    }

    // MARK: Tasks

    public func taskTitle(_ kind: WorkTask.Kind, customer: String, customerID: String, total: String) -> String {
        let who = "\(customer) (\(customerID))"
        return switch kind {
        case .call: "Call \(who) — \(total)"
        case .letter: "Send a reminder letter to \(who) — \(total)"
        case .registeredLetter: "Send a registered letter to \(who) — \(total)"
        case .formalNotice: "Send a formal notice to \(who) — \(total)"
        case .legalAction: "Start legal recovery against \(who) — \(total)"
        case .handOff: "Hand over the file of \(who) to collection — \(total)"
        case .readReply, .reviewMessage, .fixConfiguration, .identifyCustomer, .checkPayment: "Handle \(who) — \(total)"
        }
    }

    public func taskInvoice(number: String, amount: Money, daysLate: Int) -> String {
        "\(number) (\(self.amount(amount)), \(self.daysLate(daysLate)))"
    }

    public func invoiceWithAmount(number: String, amount: Money) -> String { "\(number) (\(self.amount(amount)))" }

    public func priorAction(_ action: PriorAction) -> String {
        let what = "\(date(action.on)): \(stepName(action.step))"
        switch action.detail.flatMap(PriorActionDetail.init) {
        case .outcome(let outcome)?: return "\(what) (\(self.outcome(outcome)))"
        case .manualContact?: return "\(what) (contact made by hand before Relance)"
        case nil: return action.detail.map { "\(what) (\($0))" } ?? what
        }
    }

    public func priorActionOfSeveralSteps(_ actions: [PriorAction]) -> String {
        let steps = actions.map { "\(stepName($0.step)) (\($0.invoices.joined(separator: ", ")))" }
        return "\(date(actions[0].on)): " + (steps.count > 1 ? steps.dropLast().joined(separator: ", ") + " and " + steps.last! : steps[0])
    }

    public var listSeparator: String { "; " }

    public func breakdown(principal: String, interest: String, indemnities: String, total: String) -> String {
        "principal \(principal), interest \(interest), indemnities \(indemnities), total \(total)"
    }

    public func interestUnknown(missing: [String]) -> String {
        "interest cannot be computed, \(missing.count > 1 ? "rates missing" : "rate missing"): \(missing.joined(separator: "; "))"
    }

    public func missingRate(_ rate: MissingRate) -> String {
        "rate unknown for the \(semesterName(rate.semester)) (table “\(rate.table)”): add it under [penalties] in the configuration (key “\(rate.semester)”)"
    }

    /// `first half of 2026`, `second half of 2026`.
    public func semesterName(_ semester: Semester) -> String {
        semester.half == 1 ? "first half of \(semester.year)" : "second half of \(semester.year)"
    }

    public func emailStepBecomesCall(step: String, invalidAddresses: [String]) -> String {
        invalidAddresses.isEmpty
            ? "no email address known for this customer: the \(stepName(step)) is made by phone"
            : "every address of this customer is invalid (\(invalidAddresses.joined(separator: ", "))): the \(stepName(step)) is made by phone"
    }

    public func taskHeading(id: Int64, kind: WorkTask.Kind, creditor: String, due: CivilDate?, state: WorkTask.State,
                            outcome: TaskOutcome?, title: String) -> String {
        var heading = "#\(id) · \(taskKind(kind)) · \(creditor)"
        if let due { heading += " · by \(date(due))" }
        if state != .open { heading += " · \(taskState(state))" + (outcome.map { " (\(self.outcome($0)))" } ?? "") }
        return heading + " — \(title)"
    }

    public func noTasks(includingClosed: Bool) -> String { includingClosed ? "No tasks." : "No open tasks." }

    public func taskClosed(id: Int64, outcome: TaskOutcome) -> String { "Task #\(id) closed: \(self.outcome(outcome))." }

    public func taskOpened(id: Int64, kind: WorkTask.Kind, title: String) -> String {
        "Task #\(id) (\(taskKind(kind).lowercased())): \(title)"
    }

    public func taskAnsweredByContacts(id: Int64, file: String) -> String {
        "Task #\(id) closed: the contacts file \(file) identifies the customer and gives a usable contact."
    }

    public func noLongerDueNote(paidAtBank: Bool) -> String {
        paidAtBank ? "nothing is owed any more (paid per the bank, awaiting the ledger)"
            : "nothing is owed any more (settled per the ledger)"
    }

    public func taskNoLongerDue(id: Int64, kind: WorkTask.Kind, note: String) -> String {
        "Task #\(id) (\(taskKind(kind).lowercased())) closed: \(note)."
    }

    public func nothingDemandedLeftNote() -> String {
        "nothing it demands is owed any more; the invoices it only listed follow their own reminders"
    }

    public func taskRefreshed(id: Int64, kind: WorkTask.Kind, replacedBy: Int64?, settled: [String], paidAtBank: [String],
                              disputed: [String], owed: String) -> String {
        func invoices(_ numbers: [String], _ one: String, _ many: String) -> String? {
            numbers.isEmpty ? nil : numbers.count == 1 ? "invoice \(numbers[0]) \(one)" : "invoices \(numbers.joined(separator: ", ")) \(many)"
        }
        let changes = [invoices(settled, "is settled", "are settled"),
                       invoices(paidAtBank, "is paid per the bank", "are paid per the bank"),
                       invoices(disputed, "is disputed", "are disputed")].compactMap { $0 }
        let what = (changes.isEmpty ? ["the amounts owed changed"] : changes).joined(separator: listSeparator)
        let kindName = taskKind(kind).lowercased()
        guard let replacedBy else { return "Task #\(id) (\(kindName)) updated: \(what); still owed: \(owed)." }
        return "Task #\(id) (\(kindName)) superseded by task #\(replacedBy), same step: \(what); still owed: \(owed). "
            + "Post the new letter, not the old one (kept)."
    }

    public func documentToPrint() -> String { "document to print" }

    public func openTasksHeading(count: Int) -> String {
        switch count {
        case 0: "No open tasks"
        case 1: "1 open task"
        default: "\(count) open tasks"
        }
    }

    public func tasksPageTitle(creditor: String) -> String { "Tasks — \(creditor)" }

    public func taskColumns() -> TaskColumns {
        TaskColumns(number: "No.", kind: "Kind", customer: "Customer", opened: "Opened", due: "Due date", what: "To do",
                    details: "Details", document: "Document")
    }

    // MARK: Call script

    public func callAskFor(customer: String, customerID: String) -> String {
        "Ask for the person in charge of supplier payments at \(customer) (customer \(customerID))."
    }

    public func callIntroduce(creditor: String, invoiceCount: Int) -> String {
        "Say you are calling on behalf of \(creditor) about " + (invoiceCount > 1 ? "invoices that are past due:" : "an invoice that is past due:")
    }

    public func callCheckAddress(_ lines: [String]) -> String {
        "Check the postal address on file: " + lines.joined(separator: ", ") + "."
    }

    public func callInvoice(number: String, amount: Money, due: CivilDate?, daysLate: Int) -> String {
        let dueText = due.map { "due on \(date($0))" } ?? "with no due date"
        return "\(number): \(self.amount(amount)) \(dueText), \(self.daysLate(daysLate))."
    }

    public func callFirstContact(invoiceCount: Int) -> String {
        "No earlier reminder reached them: this call is the first contact about " + (invoiceCount > 1 ? "these invoices." : "this invoice.")
    }

    public func callEarlierActions(_ actions: [PriorAction]) -> String {
        "Earlier actions: " + priorActions(actions) + "."
    }

    public func callQuestions(invoiceCount: Int) -> [String] {
        [
            "Ask whether payment has been made; if not, on what date it will be.",
            invoiceCount > 1 ? "Ask whether any invoice is disputed, which one and why." : "Ask whether the invoice is disputed and, if so, why.",
            "Record the outcome: promised to pay on DATE, dispute on invoice X, paid, no answer, or wrong number.",
        ]
    }

    // MARK: Aged balance

    public func agingTitle(creditor: String, legalName: String, asOf: CivilDate) -> String {
        "Aged balance of \(legalName) (\(creditor)) as of \(date(asOf))"
    }

    public func agingPageTitle(legalName: String) -> String { "Aged balance — \(legalName)" }

    public func agingAsOf(_ day: CivilDate) -> String { "As of \(date(day))" }

    public func agingColumns() -> AgingColumns {
        AgingColumns(customer: "Customer", customerName: "Customer name", customerOrInvoice: "Customer / invoice", invoice: "Invoice",
                     issued: "Issued", due: "Due date", daysLate: "Days late", bucket: "Bucket", open: "Open",
                     currency: "Currency", total: "Total", lastAction: "Last action", lastActionOn: "Last action on")
    }

    public func agingTotal(currency: Currency) -> String { "TOTAL \(currency.code)" }

    public func lastAction(step: String, on day: CivilDate) -> String { "\(stepName(step)) on \(date(day))" }

    // MARK: Customer

    public func customerHeading(customerID: String, name: String?, creditor: String) -> String {
        "Customer \(customerID)\(name.map { " — \($0)" } ?? "") (creditor \(creditor))"
    }

    public func customerEmails(_ emails: [String]) -> String { "Email: \(emails.joined(separator: ", "))" }

    public func customerOpen(_ items: [String]) -> String {
        items.isEmpty ? "Open: nothing" : "Open: \(items.joined(separator: "; "))"
    }

    public func openItem(number: String, amount: Money, due: CivilDate?, received: Money?) -> String {
        "\(number) \(self.amount(amount))" + (due.map { " due \(date($0))" } ?? " with no due date")
            + (received.map { " (received at the bank: \(self.amount($0)), awaiting the ledger)" } ?? "")
    }

    public func timelineHeading() -> String { "Timeline:" }

    // MARK: Plan

    public func planHeading(creditor: String, date day: CivilDate, contacts: Int) -> String {
        let count = switch contacts {
        case 0: "no customer to email"
        case 1: "1 customer to email"
        default: "\(contacts) customers to email"
        }
        return "Creditor \(creditor), \(date(day)): \(count)"
    }

    public func planContact(customerID: String, name: String?, step: String, channel: PolicyStep.Channel) -> String {
        "\(customerID)\(name.map { " \($0)" } ?? ""): \(stepName(step)) \(channelPhrase(channel))"
    }

    public func planInvoice(number: String, amount: Money, daysLate: Int, step: String) -> String {
        "\(number): \(self.amount(amount)), \(self.daysLate(daysLate)) → \(stepName(step))"
    }

    public func planTask(customerID: String, name: String?, kind: WorkTask.Kind, step: String,
                         invoices: [(number: String, step: String)]) -> String {
        let list = invoices.map { "\($0.number) (\(stepName($0.step)))" }.joined(separator: ", ")
        return "task: \(customerID)\(name.map { " \($0)" } ?? ""): \(taskKind(kind)) (\(stepName(step))): \(list)"
    }

    public func planDecision(_ verdict: PlanDecision.Verdict, customerID: String, invoice: String?, reason: String) -> String {
        "\(self.verdict(verdict)): \(customerID)\(invoice.map { " \($0)" } ?? ""): \(reason)"
    }
}

extension EnglishWording {
    /// `1 invoice`, `2 invoices`.
    func counted(_ value: Int, _ one: String, _ many: String) -> String { "\(value) \(value == 1 ? one : many)" }
}
