/// The plan's reasons, the mailbox's and the bank's task titles, in English.
extension EnglishWording {
    private func paren(_ why: String?) -> String { why.map { $0.isEmpty ? "" : " (\($0))" } ?? "" }
    private func untilResume(_ until: CivilDate?) -> String { until.map { "until \(date($0))" } ?? "until `relance resume`" }
    private func nets(_ nets: [Money]) -> String { nets.map(amount).joined(separator: ", ") }
    private func listed(_ invoices: [PlannedInvoice]) -> String {
        var text = ""
        for invoice in invoices {
            if !text.isEmpty { text += ", " }
            text += invoice.receivable.number; text += " ("; text += stepName(invoice.step); text += ", "
            text += daysLate(invoice.daysLate); text += ")"
        }
        return text
    }
    private func review(_ on: Bool) -> String { on ? " — review mode: rendered for a person to read, not sent" : "" }

    public func creditorPausedReason(creditor: String, until: CivilDate?, why: String?) -> String {
        "creditor \(creditor) is paused \(untilResume(until))\(paren(why))"
    }

    public func noAuthoritativeSnapshot(creditor: String) -> String {
        "no authoritative snapshot (ledger or aged balance) was imported for creditor \(creditor): nothing is sent until one is, as customers may have paid"
    }

    public func staleSnapshot(asOf: CivilDate, ageDays: Int, maximumDays: Int) -> String {
        "the latest authoritative snapshot is dated \(date(asOf)), \(ageDays) days ago (more than \(maximumDays)): nothing is sent until a fresh one is imported, as customers may have paid since"
    }

    public func nonBusinessDay(_ day: CivilDate, holiday: String?, next: CivilDate) -> String {
        let why = holiday.map { "\(Self.englishHolidayName($0)), a public holiday" } ?? "a \(dates.weekday(day))"
        return "\(date(day)) is not a business day (\(why)); what is due goes out on \(date(next))"
    }

    public func doNotRemindReason() -> String { "the customer is marked do-not-remind" }

    public func waitingForOutcome(kind: WorkTask.Kind, since: CivilDate, step: String, escalation: CivilDate) -> String {
        "waiting for the outcome of the \(taskKind(kind).lowercased()) task of \(date(since)) (\(stepName(step))); escalated on \(date(escalation)) if none comes"
    }

    public func contactInterval(last: CivilDate, next: CivilDate, businessDays: Int) -> String {
        "contacted on \(date(last)); the next contact waits until \(date(next)) (\(counted(businessDays, "business day", "business days")))"
    }

    public func replyToReadReason(why: String?) -> String { "a reply from the customer waits to be read by a person\(paren(why))" }

    public func complaintReason(why: String?) -> String {
        "a complaint was received: a person answers it before any reminder\(paren(why))"
    }

    public func manualPauseReason(until: CivilDate?, why: String?) -> String { "paused by hand \(untilResume(until))\(paren(why))" }

    public func awayReason(until: CivilDate?, resumeOn: CivilDate?, why: String?) -> String {
        guard let until, let resumeOn else { return "the customer is away, return date unknown\(paren(why))" }
        return "the customer is away until \(date(until)); reminders resume on \(date(resumeOn))\(paren(why))"
    }

    public func promiseReason(until: CivilDate?, resumeOn: CivilDate?, why: String?) -> String {
        guard let until, let resumeOn else { return "the customer promised to pay, no date given\(paren(why))" }
        return "the customer promised to pay by \(date(until)); if still unpaid, the ladder resumes on \(date(resumeOn))\(paren(why))"
    }

    public func promiseAwaitingSnapshot(until: CivilDate, why: String?) -> String {
        "the customer promised to pay by \(date(until)): waiting for a snapshot dated after \(date(until)) to know whether the promise was kept\(paren(why))"
    }

    public func letterNotPosted(_ kind: WorkTask.Kind, since: CivilDate, escalated: Bool) -> String {
        let name = switch kind {
        case .registeredLetter: "the registered letter"
        case .formalNotice: "the formal notice"
        default: "the reminder letter"
        }
        let then = escalated ? ": escalated to a person; the next step waits until it is" : ": the next step waits until it is"
        return "\(name) of \(dates.dayAndMonth(since)) is not confirmed as posted\(then)"
    }

    public func callRetry(attempt: Int, of attempts: Int, retryOn: CivilDate) -> String {
        "call not answered (attempt \(attempt) of \(attempts)): tried again on \(date(retryOn))"
    }

    public func promiseBroken(until: CivilDate, amount: Money?) -> String {
        "promise not kept: payment promised by \(date(until))\(amount.map { " (\(self.amount($0)))" } ?? "")"
    }

    public func bankPayment(amount: Money, booked: CivilDate, label: String) -> String {
        "payment of \(self.amount(amount)) received on \(dates.dayAndMonth(booked)) — \(label)"
    }

    public func paidAwaitingLedger(payment: String, stillDue: Money?) -> String {
        "\(payment): paid, awaiting the ledger\(stillDue.map { "; \(amount($0)) still due" } ?? "")"
    }

    public func creditReason(amount: Money, setAgainst: [(invoice: String, amount: Money)]) -> String {
        let detail = setAgainst.isEmpty ? "nothing left to set it against"
            : "set against " + setAgainst.map { "\($0.invoice) (\(self.amount($0.amount)))" }.joined(separator: ", ")
        // A comma, not a colon: the plan prints it after « C0005 AV2026-0012: ».
        return "a credit of \(self.amount(amount.magnitude)), \(detail)"
    }

    public func taskEscalatedReason(kind: WorkTask.Kind, since: CivilDate, step: String, dueOn: CivilDate) -> String {
        let then = kind.needsPosting ? "the next step waits until it is recorded as posted" : "the ladder goes on"
        return "the \(taskKind(kind).lowercased()) task of \(date(since)) (\(stepName(step))) has no outcome since \(date(dueOn)): escalated to a person; \(then)"
    }

    public func netCredit(_ nets: [Money]) -> String { "the customer's credits cover what is due (net balance \(self.nets(nets)))" }

    public func belowMinimum(_ nets: [Money], minimum: Money) -> String {
        "the net balance \(self.nets(nets)) is at or below the policy's minimum of \(amount(minimum))"
    }

    public func contactPlanned(step: String, invoices: [PlannedInvoice], reviewMode: Bool) -> String {
        "\(stepName(step)) by email for \(listed(invoices))\(review(reviewMode))"
    }

    public func taskPlanned(step: String, kind: WorkTask.Kind, invoices: [PlannedInvoice], reviewMode: Bool) -> String {
        "\(stepName(step)): \(taskKind(kind).lowercased()) task for \(listed(invoices))\(review(reviewMode))"
    }

    public func disputedReason() -> String { "disputed by the customer: frozen until the dispute is settled" }
    public func coveredByCreditReason() -> String { "covered by the customer's credits: nothing to claim" }
    public func noDueDateReason() -> String { "no due date is known: add it to the export or the customer's payment terms" }

    public func stepBeforeDue(step: String, daysLate: Int) -> String {
        "\(stepName(step)) not sent: it comes before the due date and the invoice is already \(self.daysLate(daysLate))"
    }

    public func stepNeedsBalance(step: String, minimum: Money, balance: Money) -> String {
        "\(stepName(step)) not taken: it needs a customer balance of at least \(amount(minimum)), the balance is \(amount(balance))"
    }

    public func ladderComplete(policy: String) -> String { "every step of policy \(policy) was taken" }

    public func notYetDue(daysLate: Int, due: CivilDate, step: String, on: CivilDate) -> String {
        let when = daysLate < 0 ? "not due until \(date(due))" : daysLate == 0 ? "due today" : self.daysLate(daysLate)
        return "\(when); \(stepName(step)) on \(date(on))"
    }

    public func missingRateHeld(step: String, _ rate: MissingRate) -> String {
        "\(stepName(step)) held, as its statement of interest lacks a rate: \(missingRate(rate))"
    }

    public func paymentClaimed(paidOn: CivilDate?, means: String?, until: CivilDate) -> String {
        let when = paidOn.map { " on \(date($0))" } ?? ""
        let how = means.map { " (\($0))" } ?? ""
        return "the customer says it paid\(when)\(how): waiting for the ledger until \(date(until))"
    }

    public func noPhoneLeft() -> String { "no valid number: find one (website, company register, switchboard) before calling" }

    public func checkPaymentTitle(customer: String, invoices: [String]) -> String {
        "Check the payment \(customer) announced (\(invoices.count == 1 ? "invoice" : "invoices") \(invoices.joined(separator: ", "))): the ledger does not show it"
    }

    public func acknowledgementsTitle() -> String { "Recorded from your replies" }

    public func replyHelp() -> String {
        "To record an outcome, reply to this email, one line per task: \"#12 promised 2027-01-15 912.00\", \"#12 dispute INV-1 reason\", \"#12 paid 2027-01-10 transfer\", \"#12 wrong number\", \"#12 no answer\", \"#12 new address ap@customer.com\", \"#14 posted 2026-11-10 1A23456789012\"."
    }

    public func acknowledgement(outcome: TaskOutcome, by: String) -> String {
        "\(self.outcome(outcome).capitalizedFirst) — recorded from the reply of \(by)"
    }

    public func receiptSetAside(amount: Money, booked: CivilDate, label: String, by: String, channel: TaskOutcomeRequest.Channel) -> String {
        "\(self.amount(amount)) received on \(dates.dayAndMonth(booked)) (\(label)) set aside by \(by) (\(channel.rawValue)): it pays no invoice."
    }

    public func receiptLinked(amount: Money, booked: CivilDate, label: String, customer: String, by: String, channel: TaskOutcomeRequest.Channel,
                              paid: [String], onAccount: Money, taught: [String]) -> String {
        let what = paid.isEmpty
            ? "no open invoice of that amount: it stays on the customer's account for the accountant to allocate"
            : "pays \(paid.joined(separator: ", ")) (paid, awaiting the ledger)"
                + (onAccount.isZero ? "" : "; \(self.amount(onAccount)) more than they asked stays on account")
        return "\(self.amount(amount)) received on \(dates.dayAndMonth(booked)) (\(label)) linked to customer \(customer) by \(by) (\(channel.rawValue)): \(what)"
            + (taught.isEmpty ? "" : "; the next transfers from \(taught.joined(separator: " or ")) are recognised") + "."
    }

    public func addressCorrected(_ address: String, by: String) -> String {
        "Email address \(address) added by \(by), until the next contacts file."
    }

    public func outcomeJournal(taskID: Int64, kind: WorkTask.Kind, outcome: TaskOutcome, staysOpen: Bool,
                               retry: (attempt: Int, of: Int, on: CivilDate)?, by: String, channel: TaskOutcomeRequest.Channel) -> String {
        let kept = !staysOpen ? "" : retry.map { " (attempt \($0.attempt) of \($0.of); next try on \(date($0.on)))" }
            ?? " (the task stays open)"
        return "Task #\(taskID) (\(taskKind(kind).lowercased())): \(self.outcome(outcome))\(kept) — recorded by \(by) (\(channel.rawValue))."
    }

    public func promiseHold(amount: Money?, taskID: Int64, by: String) -> String {
        "promised to pay\(amount.map { " \(self.amount($0))" } ?? "") (task #\(taskID), \(by))"
    }

    public func disputedByTask(taskID: Int64) -> String { "disputed (task #\(taskID))" }

    public func bounceCause(_ cause: BounceCause) -> String {
        switch cause {
        case .unknownUser: "the mailbox does not exist"
        case .unknownDomain: "the domain does not exist or accepts no mail"
        case .moved: "the person has moved and the address is no longer valid"
        case .mailboxFull: "the mailbox is full"
        case .mailboxDisabled: "the mailbox is disabled"
        case .refused: "the receiving server refused the message (spam or policy)"
        case .senderRejected: "the receiving server refused our sender address"
        case .transport: "delivery failed between the servers (network, relaying or size)"
        case .unknown: "delivery failed for an unstated reason"
        }
    }

    public func wrongAddressCallTitle(address: String, cause: BounceCause) -> String {
        "Call the customer: email to \(address) bounced (\(bounceCause(cause)))"
    }

    public func sendingRefusedTitle(cause: BounceCause) -> String {
        "Reminders are refused on the way (\(bounceCause(cause))): check the sending setup"
    }

    public func temporaryBouncesCallTitle(count: Int, days: Int, cause: BounceCause) -> String {
        "Call the customer: \(count == 1 ? "1 reminder" : "\(count) reminders") did not arrive within \(counted(days, "day", "days")) (\(bounceCause(cause)))"
    }

    public func complaintCallTitle() -> String {
        "A reminder was reported as spam: stop emailing, call to agree how to reach the customer"
    }

    public func complaintHoldReason() -> String { "the customer reported our reminder as spam; no more emails" }

    public func readReplyTitle(customerKnown: Bool) -> String {
        customerKnown ? "Read the customer's reply" : "Read a reply: find which customer wrote it"
    }

    public func replyHoldReason() -> String { "the customer replied; read the reply before the next reminder" }
    public func promisedInReply(_ day: CivilDate) -> String { "the customer promised to pay on \(date(day))" }
    public func awayAutoReply(until: CivilDate) -> String { "auto-reply: away until \(date(until))" }

    /// How an inbound message was tied to us.
    private func matched(_ match: InboundMatch) -> String {
        switch match {
        case .message(let id, let byVERP):
            "matched to message #\(id) by \(byVERP ? "its VERP address" : "the Message-ID it refers to")"
        case .contact(let address, let customers):
            "sent by \(address), a contact of \(customers == 1 ? "the customer" : "\(customers) customers")"
        }
    }

    public func bounceSummary(_ matched: InboundMatch) -> String { "Bounce \(self.matched(matched))." }

    public func deliveryReportSummary(_ matched: InboundMatch, actions: [String]) -> String {
        "Delivery report (\(actions.joined(separator: ", "))) \(self.matched(matched)): recorded only."
    }

    public func autoReplySummary(_ matched: InboundMatch, back: CivilDate?) -> String {
        "Auto-reply \(self.matched(matched))" + (back.map { ", back on \(date($0))." } ?? ", no return date stated.")
    }

    public func replySummary(_ matched: InboundMatch, hints: [String]) -> String {
        "Reply \(self.matched(matched))" + (hints.isEmpty ? "." : "; it says: \(hints.map { replyHint($0) ?? $0 }.joined(separator: ", ")).")
    }

    public func complaintSummary(_ matched: InboundMatch) -> String { "Complaint (reported as spam or abuse) \(self.matched(matched))." }

    public func notUnderstoodSummary(_ matched: InboundMatch, why: InboundOtherReason?) -> String {
        let reason = switch why {
        case .unreadable: " (unreadable structure)"
        case .truncated: " (truncated)"
        case .mailingList: " (sent by a mailing list)"
        case .empty: " (no text and no subject)"
        case nil: ""
        }
        return "Message \(self.matched(matched)), not understood\(reason): recorded only."
    }

    public func bounceWithoutFailure(messageID: Int64) -> String {
        "A bounce of message #\(messageID) names no failed recipient: recorded only."
    }

    public func bounceWrongAddressUnnamed(messageID: Int64, cause: BounceCause) -> String {
        "A bounce of message #\(messageID) says an address is wrong (\(bounceCause(cause))) but names none we wrote to."
    }

    public func paymentNotLetteredTitle(booked: CivilDate, invoice: String, amount: Money) -> String {
        "Payment received on \(dates.dayAndMonth(booked)) not allocated in the ledger: invoice \(invoice), \(self.amount(amount))"
    }

    public func paymentNotLetteredAdvice() -> String {
        "Allocate this payment to the invoice in the books (or tell Relance it was not for this invoice); the next export then settles it."
    }

    public func bankMatched(invoice: String, payment: String, ledgerOpen: Money?, method: PaymentMatcher.Method) -> String {
        let part = ledgerOpen.map { " (part of the \(amount($0)) open)" } ?? ""
        return "Invoice \(invoice): \(payment)\(part); paid, awaiting the ledger (matched by \(method.rawValue.replacingOccurrences(of: "-", with: " ")))."
    }

    public func bankUnmatched(amount: Money, booked: CivilDate, payer: String?, remittance: String) -> String {
        "Received \(self.amount(amount)) on \(date(booked)) from \(payer ?? "an unnamed payer"): no open invoice could be matched for sure — \(remittance)"
    }

    public func bankOverpaid(amount: Money, booked: CivilDate, invoices: [String], extra: Money) -> String {
        "Received \(self.amount(amount)) on \(date(booked)) for \(invoices.joined(separator: ", ")): \(self.amount(extra)) more than they asked."
    }

    public func bankStatementImported(file: String, format: String, newEntries: Int, knownEntries: Int, matched: Int,
                                      invoices: Int, unmatched: Int, reversed: Int) -> String {
        "Imported bank statement \(file) (\(format)): \(counted(newEntries, "new entry", "new entries")), \(knownEntries) already known, "
            + "\(counted(matched, "receipt", "receipts")) matched to \(counted(invoices, "invoice", "invoices")), \(unmatched) not matched, "
            + "\(counted(reversed, "receipt", "receipts")) reversed."
    }
}
