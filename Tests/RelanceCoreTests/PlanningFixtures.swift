import Foundation
import RelanceCore

/// Builds planner inputs for the tests: one creditor, French calendar, French ladder.
enum Fixture {
    static let creditor = CreditorID("acme")!

    static func day(_ text: String) -> CivilDate { CivilDate(iso8601: text)! }
    static func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .euro) }

    static func customer(_ id: Int64 = 1, _ external: String = "C001", emails: [String] = ["compta@client.example"]) -> CustomerSummary {
        CustomerSummary(id: id, externalID: external, name: "Client \(external)", language: .french,
                        emails: emails.map { EmailAddress($0)! })
    }

    /// `steps` are (step name, date) already taken and sent.
    static func invoice(_ number: String, id: Int64, due: String?, open: Int64 = 100_000, issued: String? = nil,
                        steps: [(String, String)] = [], customer: CustomerSummary = customer()) -> Receivable {
        Receivable(invoiceID: id, number: number, customer: customer, issued: issued.map(day),
                   due: due.map(day), open: euros(open), total: nil,
                   history: steps.map { StepTaken(step: $0.0, on: day($0.1), messageState: .sent) })
    }

    /// Every step of `policy` up to and including `last`, each taken on `on`.
    static func stepsThrough(_ last: String, on date: String, policy: Policy = .standard) -> [(String, String)] {
        let index = policy.index(of: last)!
        return policy.steps[...index].filter { if case .afterDue(let days) = $0.trigger { return days >= 0 } else { return true } }
            .map { ($0.name, date) }
    }

    static func hold(_ kind: CustomerHold.Kind, until: CivilDate? = nil, reason: String = "") -> CustomerHold {
        CustomerHold(id: 1, customerID: 1, kind: kind, until: until, reason: reason, createdAt: Date(timeIntervalSince1970: 0))
    }

    static func plan(on date: String, _ receivables: [Receivable], policy: Policy = .standard,
                     customers: [Int64: CustomerState] = [:], creditor: CreditorState = CreditorState(),
                     holds: [String] = [], terms: LatePaymentTerms = termsThrough2026,
                     calendar: any BusinessCalendar = FrenchBusinessCalendar(), language: Language = .french) -> Plan {
        var input = PlanningInput(creditor: Self.creditor, today: day(date), policy: policy, receivables: receivables,
                                  creditorHolds: holds, creditorState: creditor, customers: customers,
                                  calendar: calendar, terms: terms)
        input.language = language
        return Planner.plan(input)
    }

    /// The shipped tables plus a 2026-S2 figure, so that formal steps late in 2026 can be planned.
    static let termsThrough2026 = LatePaymentTerms(
        referenceRates: RateTable.ecbMainRefinancingRate.overriding(with: [
            DatedRate(semester: Semester("2026-S2")!, basisPoints: 215, source: "test figure"),
        ]))
}

extension Plan {
    func decisions(_ rule: PlanDecision.Rule) -> [PlanDecision] { decisions.filter { $0.rule == rule } }
    /// The step of each customer contacted, email or task.
    var stepsByCustomer: [String: String] {
        var steps: [String: String] = [:]
        for contact in contacts { steps[contact.customer.externalID] = contact.step.name }
        for task in tasks { steps[task.customer.externalID] = task.step.name }
        return steps
    }
}
