import Testing
import RelanceCore

/// Credits, thresholds, disputes and the formal steps' amounts.
@Suite struct PlannerAmountsTests {
    typealias F = Fixture

    @Test func creditsGoToTheOldestDebitsFirstAndAreShown() throws {
        let plan = F.plan(on: "2026-11-02", [
            F.invoice("F-2", id: 2, due: "2026-09-15", open: 3_000),
            F.invoice("AV-1", id: 3, due: "2026-09-20", open: -6_000),
            F.invoice("F-1", id: 1, due: "2026-09-01", open: 5_000),
        ])
        let contact = try #require(plan.contacts.first)
        #expect(contact.invoices.map(\.receivable.number) == ["F-2"])
        #expect(contact.invoices.map(\.claimed) == [F.euros(2_000)])
        #expect(contact.allocations.map { "\($0.credit)→\($0.invoice) \($0.amount.minorUnits)" } == ["AV-1→F-1 5000", "AV-1→F-2 1000"])
        #expect(plan.decisions(.coveredByCredit).map(\.invoice) == ["F-1"])
        #expect(plan.decisions(.credit).first?.reason.contains("F-1") == true)
    }

    @Test(arguments: [
        // debit, credit, policy minimum, expected rule (nil: contacted)
        (Int64(5_000), Int64(-6_000), Int64(0), PlanDecision.Rule.netCredit),
        (Int64(5_000), Int64(-5_000), Int64(0), PlanDecision.Rule.netCredit),     // at zero: nothing
        (Int64(15_000), Int64(-5_000), Int64(10_000), PlanDecision.Rule.belowThreshold),  // at the minimum: nothing
        (Int64(15_001), Int64(-5_000), Int64(10_000), nil),
    ] as [(Int64, Int64, Int64, PlanDecision.Rule?)])
    func netBalanceAtOrBelowTheMinimumGetsNothing(debit: Int64, credit: Int64, minimum: Int64, rule: PlanDecision.Rule?) {
        var policy = Policy.standard
        policy.minimumNetBalance = F.euros(minimum)
        let plan = F.plan(on: "2026-11-02", [
            F.invoice("F-1", id: 1, due: "2026-10-01", open: debit),
            F.invoice("AV-1", id: 2, due: "2026-10-01", open: credit),
        ], policy: policy)
        if let rule {
            #expect(plan.contacts.isEmpty)
            #expect(plan.decisions(rule).count == 1)
        } else {
            #expect(plan.contacts.count == 1)
        }
    }

    @Test func aDisputedInvoiceIsFrozenAloneAndTakesNoCredit() throws {
        let plan = F.plan(on: "2026-11-02", [
            F.invoice("F-1", id: 1, due: "2026-09-01", open: 5_000),
            F.invoice("F-2", id: 2, due: "2026-10-01", open: 8_000),
            F.invoice("AV-1", id: 3, due: "2026-10-02", open: -2_000),
        ], customers: [1: CustomerState(disputedInvoiceIDs: [1])])
        let contact = try #require(plan.contacts.first)
        #expect(contact.invoices.map(\.receivable.number) == ["F-2"])
        #expect(contact.invoices.map(\.claimed) == [F.euros(6_000)])
        #expect(plan.decisions(.disputed).map(\.invoice) == ["F-1"])
    }

    /// F-1 is ready for the formal letter, F-2 for its first reminder.
    static func formalCase(through step: String = "final-reminder", open: Int64 = 100_000) -> [Receivable] {
        [
            F.invoice("F-1", id: 1, due: "2026-08-01", open: open, issued: "2026-07-01",
                      steps: F.stepsThrough(step, on: "2026-11-02")),
            F.invoice("F-2", id: 2, due: "2026-11-01", open: 20_000),
        ]
    }

    @Test func aFormalLetterDemandsOnlyWhatReachedItsStepAndListsTheRest() throws {
        let plan = F.plan(on: "2026-11-12", Self.formalCase())
        let task = try #require(plan.tasks.first)
        #expect(plan.contacts.isEmpty)
        #expect(task.kind == .letter)
        #expect(task.step.name == "formal-letter")
        #expect(task.invoices.map(\.receivable.number) == ["F-1"])
        #expect(task.alsoOutstanding.map(\.receivable.number) == ["F-2"])
        #expect(task.alsoOutstanding.map(\.step) == ["first-reminder"])
        let breakdown = try #require(task.breakdown)
        #expect(breakdown.lines.map(\.invoice) == ["F-1"])
        // 1,000 € × 12.15 % × 103 / 365 = 34.2863 € → 34.29 €.
        #expect(breakdown.interest == [F.euros(3_429)])
        #expect(breakdown.indemnities == [F.euros(4_000)])
        #expect(breakdown.total == [F.euros(100_000 + 3_429 + 4_000)])
        #expect(task.priorActions.map(\.step) == ["final-reminder", "first-reminder", "phone-call", "second-reminder"])
    }

    @Test func aMissingRateHoldsTheFormalStepAndSaysWhichSemester() throws {
        let plan = F.plan(on: "2026-11-12", Self.formalCase(), terms: .french)
        #expect(plan.tasks.isEmpty)
        let held = try #require(plan.decisions(.missingRate).first)
        #expect(held.invoice == "F-1")
        #expect(held.reason.contains("taux inconnu pour le 2e\u{00A0}semestre\u{00A0}2026"))
        // The other invoice goes on.
        #expect(plan.contacts.first?.invoices.map(\.receivable.number) == ["F-2"])
    }

    @Test func aFormalNoticeStatesItsDeadline() throws {
        let plan = F.plan(on: "2026-11-12", Self.formalCase(through: "registered-letter"))
        let task = try #require(plan.tasks.first)
        #expect(task.kind == .formalNotice)
        #expect(task.paymentDeadline == F.day("2026-11-20"))
    }

    @Test(arguments: [
        (Int64(100_000), LegalProcedure.smallClaims as LegalProcedure?),
        (Int64(600_000), .orderForPayment),
        (Int64(5_000), nil),   // under the step's 100 € condition: not taken, and said so
    ])
    func legalActionProposesTheProcedureFromTheAmount(open: Int64, procedure: LegalProcedure?) {
        let receivables = [F.invoice("F-1", id: 1, due: "2026-08-01", open: open, steps: F.stepsThrough("formal-notice", on: "2026-11-02"))]
        let plan = F.plan(on: "2026-11-17", receivables)
        #expect(plan.tasks.first?.proposedProcedure == procedure)
        if procedure == nil {
            #expect(plan.tasks.isEmpty)
            #expect(plan.decisions(.stepNotApplicable).first?.reason.contains("étape «\u{00A0}action en justice\u{00A0}» non faite") == true)
            #expect(plan.decisions(.ladderComplete).count == 1)
        } else {
            #expect(plan.tasks.first?.kind == .legalAction)
        }
    }

    @Test func theEnglishPolicyEndsWithAHandOff() {
        let receivables = [F.invoice("F-1", id: 1, due: "2026-08-01", steps: F.stepsThrough("formal-notice", on: "2026-11-02", policy: .standardEnglish))]
        let plan = F.plan(on: "2026-11-17", receivables, policy: .standardEnglish)
        #expect(plan.tasks.map(\.kind) == [.handOff])
    }
}
