import Testing
import RelanceCore

/// The ladder's timing and grouping, on the standard French policy.
@Suite struct PlannerTests {
    typealias F = Fixture

    @Test(arguments: [
        // today, the step taken today (nil: nothing), a fragment of the invoice's decision
        ("2026-10-09", nil, "rappel de courtoisie le 12/10/2026"),
        ("2026-10-12", "courtesy-reminder", nil),
        ("2026-10-15", "courtesy-reminder", nil),           // due today: still before the due date has passed
        ("2026-10-16", nil, "première relance le 20/10/2026"), // one day late: the courtesy step no longer applies
        ("2026-10-20", "first-reminder", nil),
    ] as [(String, String?, String?)])
    func anInvoiceWithNoHistory(today: String, step: String?, waits: String?) {
        let plan = F.plan(on: today, [F.invoice("F-1", id: 1, due: "2026-10-15")])
        #expect(plan.contacts.first?.step.name == step)
        if let waits {
            #expect(plan.decisions.contains { $0.invoice == "F-1" && $0.verdict == .wait && $0.reason.contains(waits) })
        }
        if today == "2026-10-16" {
            #expect(plan.decisions(.stepNotApplicable).first?.reason.contains("étape «\u{00A0}rappel de courtoisie\u{00A0}» sautée") == true)
        }
    }

    @Test func theSecondReminderCountsFromTheFirst() {
        let invoice = F.invoice("F-1", id: 1, due: "2026-10-15", steps: [("first-reminder", "2026-10-20")])
        #expect(F.plan(on: "2026-11-03", [invoice]).contacts.isEmpty)
        #expect(F.plan(on: "2026-11-03", [invoice]).decisions.contains { $0.reason.contains("deuxième relance le 04/11/2026") })
        #expect(F.plan(on: "2026-11-04", [invoice]).contacts.first?.step.name == "second-reminder")
    }

    @Test func aLongOverdueInvoiceStartsAtTheFirstReminderAndClimbsOneStepAtATime() {
        // Imported six months late: the first reminder, not the formal notice.
        let fresh = F.invoice("F-1", id: 1, due: "2026-06-01")
        #expect(F.plan(on: "2026-11-30", [fresh]).contacts.map(\.step.name) == ["first-reminder"])
        // The next one waits for its own delay after the first, not for the due date.
        let reminded = F.invoice("F-1", id: 1, due: "2026-06-01", steps: [("first-reminder", "2026-11-30")])
        let plan = F.plan(on: "2026-12-07", [reminded])
        #expect(plan.contacts.isEmpty && plan.tasks.isEmpty)
        #expect(plan.decisions.contains { $0.reason.contains("deuxième relance le 15/12/2026") })
    }

    @Test func oneMessagePerCustomerEachInvoiceWithItsOwnStepAndTheToneOfTheMostAdvanced() throws {
        let plan = F.plan(on: "2026-11-02", [
            F.invoice("F-2", id: 2, due: "2026-10-20"),
            F.invoice("F-1", id: 1, due: "2026-10-01", steps: [("first-reminder", "2026-10-06")]),
        ])
        let contact = try #require(plan.contacts.first)
        #expect(plan.contacts.count == 1)
        #expect(contact.step.name == "second-reminder")
        #expect(contact.invoices.map(\.receivable.number) == ["F-1", "F-2"])
        #expect(contact.invoices.map(\.step) == ["second-reminder", "first-reminder"])
        #expect(contact.invoices.map(\.daysLate) == [32, 13])
    }

    @Test(arguments: [
        // last contact, today, next allowed day (5 business days later)
        ("2026-10-16", "2026-10-20", "2026-10-23"),
        ("2026-05-07", "2026-05-15", "2026-05-18"),   // over 8 May and Ascension
    ])
    func theMinimumIntervalCountsBusinessDays(lastContact: String, today: String, next: String) {
        let receivables = [
            F.invoice("F-1", id: 1, due: F.day(lastContact).adding(days: -30).iso8601, steps: [("first-reminder", lastContact)]),
            F.invoice("F-2", id: 2, due: F.day(today).adding(days: -10).iso8601),
        ]
        let held = F.plan(on: today, receivables)
        #expect(held.contacts.isEmpty)
        #expect(held.decisions(.interval).first?.reason.contains("le prochain contact attend le \(FrenchWording().date(F.day(next)))") == true)
        #expect(F.plan(on: next, receivables).contacts.first?.invoices.map(\.receivable.number).contains("F-2") == true)
    }

    @Test func aContactAboutAnInvoiceSettledSinceStillCountsForTheInterval() {
        let receivables = [F.invoice("F-2", id: 2, due: "2026-10-10")]
        let state = CustomerState(lastContact: F.day("2026-10-16"))
        #expect(F.plan(on: "2026-10-20", receivables, customers: [1: state]).decisions(.interval).count == 1)
        #expect(F.plan(on: "2026-10-20", receivables).contacts.count == 1)
    }

    @Test(arguments: [
        // a day when a first reminder is due, the name in the reason, the next business day
        ("2026-04-06", "lundi de Pâques, jour férié", "2026-04-07"),
        ("2026-05-14", "Ascension", "2026-05-15"),
        ("2026-05-25", "lundi de Pentecôte", "2026-05-26"),
        ("2026-07-14", "fête nationale", "2026-07-15"),
        ("2024-07-14", "fête nationale", "2024-07-15"),   // a Sunday
        ("2026-12-25", "Noël", "2026-12-28"),
        ("2026-10-24", "samedi", "2026-10-26"),
    ])
    func nothingOnANonBusinessDayAndItIsCaughtUpOnTheNext(today: String, name: String, next: String) {
        let invoice = F.invoice("F-1", id: 1, due: F.day(today).adding(days: -20).iso8601)
        let held = F.plan(on: today, [invoice])
        #expect(held.contacts.isEmpty && held.tasks.isEmpty)
        let reason = held.decisions(.nonBusinessDay).first?.reason ?? ""
        #expect(reason.contains(name) && reason.contains(FrenchWording().date(F.day(next))), "\(reason)")
        #expect(F.plan(on: next, [invoice]).contacts.first?.step.name == "first-reminder")
    }

    @Test func aCustomerPolicyOverridesTheCreditors() {
        let gentle = Policy(name: "gentle", steps: [PolicyStep(name: "first-reminder", channel: .email, trigger: .afterDue(days: 7))])
        let invoice = F.invoice("F-1", id: 1, due: "2026-10-15")
        #expect(F.plan(on: "2026-10-20", [invoice], customers: [1: CustomerState(policy: gentle)]).contacts.isEmpty)
        #expect(F.plan(on: "2026-10-22", [invoice], customers: [1: CustomerState(policy: gentle)]).contacts.count == 1)
    }

    @Test func theStepReachedByHandIsHonouredForTheInvoicesItCovered() throws {
        let state = CustomerState(stepReached: "second-reminder", lastManualContact: F.day("2026-10-01"))
        let plan = F.plan(on: "2026-10-08", [
            F.invoice("F-1", id: 1, due: "2026-09-01"),
            F.invoice("F-2", id: 2, due: "2026-10-10"),   // issued after that contact: its own ladder
        ], customers: [1: state])
        let task = try #require(plan.tasks.first)
        #expect(task.kind == .call)
        #expect(task.invoices.map(\.step) == ["phone-call", "courtesy-reminder"])
        #expect(task.priorActions.map(\.detail) == ["contact made by hand before Relance (contacts file)"])
        // Not the first reminder again, and not before the interval after the manual contact.
        let early = F.plan(on: "2026-10-07", [F.invoice("F-1", id: 1, due: "2026-09-01"), F.invoice("F-2", id: 2, due: "2026-10-10")],
                           customers: [1: state])
        #expect(early.tasks.isEmpty && early.contacts.isEmpty)
        #expect(early.decisions(.interval).first?.reason.contains("08/10/2026") == true)
    }

    @Test func aTakenStepIsNeverPlannedAgain() {
        let all = F.stepsThrough("legal-action", on: "2026-09-01")
        let plan = F.plan(on: "2026-11-02", [F.invoice("F-1", id: 1, due: "2026-08-01", steps: all)])
        #expect(plan.contacts.isEmpty && plan.tasks.isEmpty)
        #expect(plan.decisions(.ladderComplete).count == 1)
    }

    @Test func aCancelledMessageDoesNotCountAsTaken() {
        var invoice = F.invoice("F-1", id: 1, due: "2026-10-01")
        invoice.history = [StepTaken(step: "first-reminder", on: F.day("2026-10-06"), messageState: .cancelled)]
        #expect(F.plan(on: "2026-10-07", [invoice]).contacts.first?.step.name == "first-reminder")
    }

    @Test func theSameInputGivesTheSamePlanWhateverItsOrder() {
        let customers = (1...7).map { F.customer(Int64($0), "C\($0)") }
        let receivables = (1...60).map { n in
            F.invoice("F-\(n)", id: Int64(n), due: F.day("2026-09-01").adding(days: n % 45).iso8601,
                      open: Int64(n % 5 == 0 ? -3_000 : 10_000 + n), customer: customers[n % 7])
        }
        let plan = F.plan(on: "2026-11-02", receivables)
        #expect(plan == F.plan(on: "2026-11-02", receivables.reversed()))
        #expect(plan == F.plan(on: "2026-11-02", receivables.sorted { $0.number < $1.number }))
        #expect(!plan.contacts.isEmpty)
    }
}
