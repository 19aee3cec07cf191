import RelanceCore
import Testing

/// What an English creditor's people read in the digest, tasks.html, the journal and
/// `relance run --once`, as an English-speaking credit controller corrected it: counts said in
/// the singular or the plural (never "invoice(s)"), steps and dates in words in the journal (not
/// `first-reminder`, `2026-11-30`), amounts as every other line writes them (`€1,440.00`, not
/// `1440.00 EUR`), and set phrases English says ("until … inclusive", "No open tasks").
@Suite struct EnglishOperatorWordingTests {
    let words = EnglishWording()
    static let day = CivilDate(iso8601: "2026-11-30")!

    @Test("a due date is « Due date » in tasks.html / tasks.csv and the aged balance, as in the letters and the console")
    func dueDateColumns() {
        #expect(words.taskColumns().due == "Due date")
        #expect(words.agingColumns().due == "Due date")
        #expect(words.eventKind("invoice.due-changed") == "Due date")
    }

    @Test("the journal says which reminder, for how many invoices, planned for which day")
    func journalLines() {
        #expect(words.messageQueued(step: "first-reminder", to: ["compta@c1.example"], invoices: 1, plannedOn: Self.day)
            == "Queued first reminder to compta@c1.example for 1 invoice, planned for 30 Nov 2026.")
        #expect(words.messageAwaitingApproval(step: "second-reminder", to: ["a@x.example", "b@x.example"], invoices: 2, plannedOn: Self.day)
            == "Review mode: second reminder to a@x.example, b@x.example for 2 invoices, planned for 30 Nov 2026, awaits a person's approval.")
    }

    @Test("relance run --once counts in the singular and the plural")
    func runLines() {
        #expect(words.runPlan(date: Self.day, emails: 3, tasks: 1) == "Plan for 30 Nov 2026: 3 emails, 1 task for people")
        #expect(words.runPlan(date: Self.day, emails: 1, tasks: 0) == "Plan for 30 Nov 2026: 1 email, 0 tasks for people")
        #expect(words.runQueued(1) == "Queued: 1 message")
        #expect(words.runQueued(3) == "Queued: 3 messages")
        #expect(words.runToIdentify(1) == "1 invoice with a customer to identify: see `relance tasks`")
        #expect(words.runMailbox(fetched: 1, recorded: 1, duplicates: 0, ignored: 0, tasksOpened: 1)
            == "Mailbox: 1 new message, 1 ours, 0 already recorded, 0 not ours (left as they were), 1 task opened")
        #expect(words.runMailboxTruncated(1) == "Mailbox: 1 message over maximum_message_megabytes was read cut to that size")
        #expect(words.statusCreditor(id: "acme", active: true, paused: false, outboxPaused: false, openTasks: 2, heldImports: 1)
            == "Creditor acme: active; open tasks 2; 1 import HELD (relance import held)")
        let invoices = [RunInvoice(number: "F1", open: Money(minorUnits: 144_000, currency: .euro), daysLate: 1),
                        RunInvoice(number: "F2", open: Money(minorUnits: 31_250, currency: .euro), daysLate: -1)]
        #expect(words.runContact(customer: "C0001", name: "Boulangerie Martin SARL", step: "first-reminder", emails: "compta@b.example", invoices: invoices)
            == "C0001 Boulangerie Martin SARL: first reminder → compta@b.example: F1 (€1,440.00, 1 day late), F2 (€312.50, due in 1 day)")
        #expect(words.runTask(customer: "C0004", name: "Cabinet Lefèvre", kind: .call, step: "first-reminder", invoices: "F2026-0389", note: nil)
            == "C0004 Cabinet Lefèvre: call task (first reminder) for F2026-0389")
    }

    @Test("an import's receipt and refusals count in the singular")
    func importLines() {
        #expect(words.receiptTermsBeyondCap(count: 1, invoices: ["F1"], more: false)
            == "1 invoice has payment terms beyond the legal caps (60 days, or 45 days end of month): F1.")
    }

    @Test("tasks, the digest and the call sheet read as English says them")
    func tasksAndDigest() {
        #expect(words.noTasks(includingClosed: false) == "No open tasks.")
        #expect(words.noTasks(includingClosed: true) == "No tasks.")
        #expect(words.openTasksHeading(count: 0) == "No open tasks")
        #expect(words.creditorPaused(until: Self.day) == "Reminders paused until 30 Nov 2026 inclusive.")
        #expect(words.callSheetTitle(creditor: "Atelier Dupont SAS", day: Self.day) == "Calls for 30 Nov 2026 — Atelier Dupont SAS")
        #expect(words.customerWithoutContactTitle(customer: "C0004")
            == "Customer C0004 owes money but has neither an email address nor a phone number: add them to the contacts file")
        #expect(words.taskReason("no-contact") == "neither an email address nor a phone number in the contacts")
        #expect(words.customerIdentified(customer: "C1", file: "fec.txt", closedTasks: [3, 4])
            == "Customer C1 is named by fec.txt, the creditor's ledger: identified, tasks #3, #4 closed.")
        #expect(words.customerIdentified(customer: "C1", file: "fec.txt", closedTasks: [3])
            == "Customer C1 is named by fec.txt, the creditor's ledger: identified, task #3 closed.")
        // « lettrer » is the French ledger's word; an English ledger allocates a payment (a
        // "letter" is what Relance posts).
        #expect(words.paymentNotLetteredTitle(booked: Self.day, invoice: "F1", amount: Money(minorUnits: 10_000, currency: .euro))
            == "Payment received on 30 Nov not allocated in the ledger: invoice F1, €100.00")
        #expect(words.paymentNotLetteredAdvice()
            == "Allocate this payment to the invoice in the books (or tell Relance it was not for this invoice); the next export then settles it.")
        #expect(words.customerPaused(customer: "C1", creditor: "acme", until: Self.day) == "Customer C1 of acme paused until 30 Nov 2026 inclusive.")
        #expect(words.creditorPaused(creditor: "acme", until: Self.day) == "Creditor acme paused until 30 Nov 2026 inclusive: nothing is sent.")
        #expect(words.creditorStateChanged(creditor: "acme", active: true, paused: true, until: Self.day, reason: "")
            == "Creditor acme is now active, paused until 30 Nov 2026.")
        #expect(words.outcome(.dispute(invoices: ["F1"])) == "disputes invoice F1")
        #expect(words.outcome(.dispute(invoices: ["F1", "F2"])) == "disputes invoices F1, F2")
        #expect(words.taskTitle(.handOff, customer: "Garnier Conseil", customerID: "C005", total: "€120.00")
            == "Hand over the file of Garnier Conseil (C005) to collection — €120.00")
    }
}
