import Foundation
import RelanceCore
import Testing

/// Issue #11: business-day steps, prior actions named by what they were, credit notes never
/// late, and "missing rate" messages naming the key to set.
@Suite("Ladder: business days, prior actions, credits, missing rates")
struct LadderWordsAndCreditsTests {
    /// 7 business days after Friday 6 November 2026: Wednesday 11 November is a public holiday
    /// (Armistice), so they are 9, 10, 12, 13, 16, 17 and 18 November.
    @Test func aStepCanCountBusinessDaysWithTheCreditorsCalendar() {
        let policy = Policy(name: "business", steps: [
            PolicyStep(name: "first-reminder", channel: .email, trigger: .afterDue(days: 5)),
            PolicyStep(name: "second-reminder", channel: .email, trigger: .afterPreviousBusinessDays(days: 7)),
        ])
        let invoice = Fixture.invoice("F1", id: 1, due: "2026-10-30", steps: [("first-reminder", "2026-11-06")])
        let before = Fixture.plan(on: "2026-11-17", [invoice], policy: policy)
        #expect(before.contacts.isEmpty)
        #expect(before.decisions(.notYetDue).contains { $0.reason.contains("deuxième relance le 18/11/2026") }, "\(before.decisions.map(\.reason))")
        let on = Fixture.plan(on: "2026-11-18", [invoice], policy: policy)
        #expect(on.contacts.first?.step.name == "second-reminder")
    }

    @Test func aStepReachedByHandIsRecalledByWhatItWas() throws {
        let invoice = Fixture.invoice("F1", id: 1, due: "2026-08-31")
        let state = CustomerState(stepReached: "registered-letter", lastManualContact: Fixture.day("2026-10-05"),
                                  postalAddress: ["1 rue du Port", "44000 Nantes"])
        let plan = Fixture.plan(on: "2026-11-16", [invoice], customers: [1: state])
        let task = try #require(plan.tasks.first { $0.kind == .formalNotice }, "\(plan.decisions.map(\.reason))")
        let recalled = try #require(task.priorActions.first { $0.on == Fixture.day("2026-10-05") })
        #expect(recalled.channel == .registeredLetter)
        #expect(recalled.step == "registered-letter")
    }

    @Test func aCreditNoteIsNeverLateAndHasItsOwnColumn() {
        let customer = Fixture.customer()
        let credit = Receivable(invoiceID: 2, number: "AV-7", customer: customer, issued: Fixture.day("2026-10-10"),
                                due: Fixture.day("2026-10-28"), open: Fixture.euros(-18_000), total: nil, history: [])
        let invoice = Fixture.invoice("F-100", id: 1, due: "2026-10-01", open: 109_200)
        let balance = AgedBalance(receivables: [invoice, credit], asOf: Fixture.day("2026-11-15"))
        let aged = balance.customers[0].invoices.first { $0.receivable.number == "AV-7" }!
        #expect(aged.daysLate == nil)
        #expect(aged.bucket == .credit)
        #expect(aged.shownDue == nil)
        #expect(balance.totals[0].amount(.credit) == Fixture.euros(-18_000))
        #expect(balance.totals[0].amount(.notDue).isZero)
        #expect(balance.totals[0].totalAmount == Fixture.euros(91_200))
        let csv = AgedBalanceCSV.render(balance, format: SpreadsheetFormat(.standard), language: .english)
        let row = csv.split(separator: "\r\n").first { $0.contains(",AV-7,") }.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        // customer, name, invoice, issued, due (none), days late (none), bucket, open…
        #expect(row.map { [String($0[4]), String($0[5]), String($0[6])] } == ["", "", "credits"], "\(csv)")
        let html = AgedBalanceHTML.render(balance, title: "Balance âgée", language: .french)
        #expect(html.contains("avoirs"))
        let creditRow = html.split(separator: "\n").first { $0.contains(">AV-7<") }
        #expect(creditRow != nil && !creditRow!.contains("late"), "\(creditRow ?? "")")
        // One sign per reader: the page a person reads writes U+2212, the CSV's number cell the hyphen.
        #expect(creditRow?.contains("\u{2212}180,00\u{00A0}€") == true, "\(creditRow ?? "")")
        #expect(row?.contains("-180.00") == true, "\(csv)")
        #expect(!csv.contains("\u{2212}"), "\(csv)")
    }

    @Test func aMissingRateNamesTheKeyToSet() {
        let terms = LatePaymentTerms.french
        guard case .failure(let missing) = terms.annualRate(for: Semester("2099-S1")!) else {
            Issue.record("2099-S1 should have no rate"); return
        }
        #expect(missing.description.contains("[penalties] ecb_rates = { \"2099-S1\" = "))
        #expect(missing.description.contains("adds the 10 points"))
        var contractual = LatePaymentTerms.french
        contractual.contractualRateBasisPoints = 1500
        guard case .failure(let legal) = contractual.annualRate(for: Semester("2099-S1")!) else {
            Issue.record("2099-S1 should have no legal rate"); return
        }
        #expect(legal.description.contains("[penalties] legal_rates = { \"2099-S1\" = "))
    }
}
