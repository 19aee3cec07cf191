import Testing
import RelanceCore

@Suite struct PlannerTests {
    static let customer = CustomerSummary(id: 1, externalID: "C001", name: "Client", language: .french,
                                          emails: [EmailAddress("compta@client.example")!])

    static func receivable(_ number: String, due: String?, open: Int64 = 10_000, history: [StepTaken] = [],
                           customer: CustomerSummary = customer) -> Receivable {
        Receivable(invoiceID: Int64(number.hashValue & 0xFFFF), number: number, customer: customer, issued: nil,
                   due: due.flatMap { CivilDate(iso8601: $0) }, open: Money(minorUnits: open, currency: .euro),
                   total: nil, history: history)
    }

    static func plan(on day: String, _ receivables: [Receivable], holds: [String] = []) -> Plan {
        Planner.plan(PlanningInput(creditor: CreditorID("acme")!, today: CivilDate(iso8601: day)!, policy: .standard,
                                   receivables: receivables, creditorHolds: holds))
    }

    @Test func anInvoiceLateEnoughGetsTheFirstReminder() {
        // Due Thursday 15 October 2026; first reminder 3 days later, Monday 19 October is a business day.
        let plan = Self.plan(on: "2026-10-19", [Self.receivable("F-1", due: "2026-10-15")])
        #expect(plan.contacts.count == 1)
        #expect(plan.contacts[0].step.name == "first-reminder")
        #expect(plan.contacts[0].invoices.map(\.daysLate) == [4])
    }

    @Test func notYetLateWaitsAndSaysUntilWhen() {
        let plan = Self.plan(on: "2026-10-16", [Self.receivable("F-1", due: "2026-10-15")])
        #expect(plan.contacts.isEmpty)
        #expect(plan.decisions.first?.verdict == .wait)
        #expect(plan.decisions.first?.reason.contains("2026-10-18") == true)
    }

    @Test func nothingGoesOutOnAWeekend() {
        let plan = Self.plan(on: "2026-10-24", [Self.receivable("F-1", due: "2026-10-15")])
        #expect(plan.contacts.isEmpty)
        #expect(plan.decisions.contains { $0.reason.contains("not a business day") })
    }

    @Test func oneMessagePerCustomerListingEveryDueInvoice() {
        let plan = Self.plan(on: "2026-11-02", [
            Self.receivable("F-1", due: "2026-10-01", history: [StepTaken(step: "first-reminder", on: CivilDate(iso8601: "2026-10-05")!, messageState: .sent)]),
            Self.receivable("F-2", due: "2026-10-20"),
        ])
        #expect(plan.contacts.count == 1)
        #expect(plan.contacts[0].step.name == "second-reminder")
        #expect(plan.contacts[0].invoices.map(\.step) == ["second-reminder", "first-reminder"])
    }

    @Test func aRecentContactHoldsTheNextOne() {
        let plan = Self.plan(on: "2026-10-20", [
            Self.receivable("F-1", due: "2026-10-01", history: [StepTaken(step: "first-reminder", on: CivilDate(iso8601: "2026-10-16")!, messageState: .sent)]),
            Self.receivable("F-2", due: "2026-10-15"),
        ])
        #expect(plan.contacts.isEmpty)
        #expect(plan.decisions.contains { $0.reason.contains("2026-10-23") })
    }

    @Test func creditsAndMissingAddressesAreHeldWithAReason() {
        let noEmail = CustomerSummary(id: 2, externalID: "C002", name: nil, language: nil, emails: [])
        let plan = Self.plan(on: "2026-11-02", [
            Self.receivable("F-1", due: "2026-10-01", open: 5_000),
            Self.receivable("AV-1", due: "2026-10-01", open: -6_000),
            Self.receivable("F-9", due: "2026-10-01", customer: noEmail),
        ])
        #expect(plan.contacts.isEmpty)
        #expect(plan.decisions.contains { $0.customer == "C001" && $0.reason.contains("credits cover") })
        #expect(plan.decisions.contains { $0.customer == "C002" && $0.reason.contains("no usable email") })
    }

    @Test func aTakenStepIsNeverPlannedAgain() {
        let history = Policy.standard.steps.map { StepTaken(step: $0.name, on: CivilDate(iso8601: "2026-09-01")!, messageState: .sent) }
        let plan = Self.plan(on: "2026-11-02", [Self.receivable("F-1", due: "2026-08-01", history: history)])
        #expect(plan.contacts.isEmpty)
        #expect(plan.decisions.first?.verdict == .skip)
    }

    @Test func creditorHoldsStopEverything() {
        let plan = Self.plan(on: "2026-10-19", [Self.receivable("F-1", due: "2026-10-15")], holds: ["creditor acme is in review mode"])
        #expect(plan.contacts.isEmpty)
        #expect(plan.decisions.contains { $0.reason == "creditor acme is in review mode" })
    }

    @Test func theSameInputGivesTheSamePlan() {
        let receivables = (1...50).map { Self.receivable("F-\($0)", due: "2026-10-\(String(format: "%02d", $0 % 28 + 1))") }
        #expect(Self.plan(on: "2026-11-02", receivables) == Self.plan(on: "2026-11-02", receivables.reversed()))
    }
}
