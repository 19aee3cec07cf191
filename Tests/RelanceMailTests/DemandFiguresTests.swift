import Foundation
import RelanceCore
import RelanceMail
import Testing

/// Issue #11, "Money": every message demands what the plan claims. One customer owes two
/// invoices (1 092,00 € and 500,00 €) and holds a 180,00 € credit note, which the planner sets
/// against the older invoice. Every step of the ladder, email or printed, is composed with the
/// shipped templates and must show the credit (number, date, amount), the 912,00 € left on
/// the older invoice and the 1 412,00 € net total — the plan's figures and the aged balance's.
@Suite("What every message demands: the plan's figures, credits shown")
struct DemandFiguresTests {
    static let today = CivilDate(iso8601: "2026-11-16")!
    static let customer = CustomerSummary(id: 1, externalID: "411BRAS", name: "Brasserie du Port", language: .french,
                                          emails: [EmailAddress("compta@brasserie.example")!])
    static func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .euro) }
    static func day(_ text: String) -> CivilDate { CivilDate(iso8601: text)! }

    static let receivables = [
        Receivable(invoiceID: 1, number: "F-100", customer: customer, issued: day("2026-09-01"), due: day("2026-10-01"),
                   open: euros(109_200), total: euros(109_200), history: []),
        Receivable(invoiceID: 2, number: "F-120", customer: customer, issued: day("2026-09-20"), due: day("2026-10-20"),
                   open: euros(50_000), total: euros(50_000), history: []),
        Receivable(invoiceID: 3, number: "AV-7", customer: customer, issued: day("2026-10-10"), due: nil,
                   open: euros(-18_000), total: nil, history: []),
    ]

    static let terms = LatePaymentTerms(referenceRates: RateTable.ecbMainRefinancingRate.overriding(with: [
        DatedRate(semester: Semester(year: 2026, half: 2)!, basisPoints: 215, source: "test override"),
    ]))

    static let creditor = CreditorProfile(
        legalName: "Imprimerie Nantaise SAS", addressLines: ["3 quai de la Fosse", "44000 Nantes"], siren: "812 345 678",
        iban: "FR7630006000011234567890189", bic: "AGRIFRPPXXX", signature: "Service comptabilité")

    /// The plan of a one-step ladder whose step is `name`, due for both invoices today.
    static func plan(step name: String, channel: PolicyStep.Channel) -> Plan {
        let policy = Policy(name: "one-step", steps: [PolicyStep(name: name, channel: channel, trigger: .afterDue(days: 5))])
        return Planner.plan(PlanningInput(creditor: CreditorID("imprimerie")!, today: today, policy: policy,
                                          receivables: receivables, customers: [1: CustomerState(postalAddress: ["1 rue du Port", "44000 Nantes"])],
                                          terms: terms))
    }

    static func french(_ money: Money) -> String { money.formatted(locale: .french) }

    /// `scripts/render-demands.sh` sets RELANCE_RENDER_DIR to take pictures of what is rendered here.
    static func keepForRendering(_ html: String, as name: String) throws {
        guard let folder = ProcessInfo.processInfo.environment["RELANCE_RENDER_DIR"] else { return }
        try html.write(to: URL(fileURLWithPath: folder).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test("the demand sets the credit against the older invoice, as the plan and the aged balance do")
    func demandAgreesWithPlanAndAging() throws {
        let contact = try #require(Self.plan(step: "first-reminder", channel: .email).contacts.first)
        let demand = contact.demand
        #expect(demand.lines.map(\.claimed) == contact.invoices.map(\.claimed))
        #expect(demand.lines.map(\.claimed) == [Self.euros(91_200), Self.euros(50_000)])
        #expect(demand.credits == [CreditAllocation(credit: "AV-7", invoice: "F-100", amount: Self.euros(18_000),
                                                    creditIssued: Self.day("2026-10-10"))])
        #expect(demand.open == [Self.euros(159_200)])
        #expect(demand.credited == [Self.euros(18_000)])
        #expect(demand.net == [Self.euros(141_200)])
        let aging = AgedBalance(receivables: Self.receivables, asOf: Self.today)
        #expect(aging.totals.map(\.totalAmount) == demand.net)
    }

    @Test("every email step shows each invoice, the credit note and the net total", arguments: [
        "courtesy-reminder", "first-reminder", "second-reminder", "final-reminder",
    ])
    func emailShowsTheCredit(template: String) throws {
        let contact = try #require(Self.plan(step: template, channel: .email).contacts.first)
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        let context = ReminderContextBuilder.build(language: .french, today: Self.today, creditor: Self.creditor,
                                                   customerID: "411BRAS", customerName: "Brasserie du Port",
                                                   demand: contact.demand, paymentReference: "411BRAS")
        let rendered = try renderer.render(template, language: .french, context: context)
        try Self.keepForRendering(rendered.html ?? "", as: "email-\(template).html")
        let net = Self.french(Demand.sumByCurrency(contact.invoices.map(\.claimed))[0])
        #expect(net == Self.french(Self.euros(141_200)))
        for body in [rendered.text, try #require(rendered.html)] {
            #expect(body.contains("AV-7"), "\(template): the credit note's number")
            #expect(body.contains("10/10/2026"), "\(template): the credit note's date")
            #expect(body.contains("−\(Self.french(Self.euros(18_000)))"), "\(template): the credit's amount")
            #expect(body.contains(Self.french(Self.euros(109_200))), "\(template): F-100's open amount")
            #expect(body.contains(net), "\(template): the net total \(net)")
        }
        #expect(rendered.text.contains("reste à régler sur cette facture : \(Self.french(Self.euros(91_200)))"))
        // The total line states the net, never the gross open amount.
        let totalLines = rendered.text.split(separator: "\n").filter { $0.contains("Montant") && $0.contains("€") }
        #expect(!totalLines.isEmpty && totalLines.allSatisfy { $0.hasSuffix(net) }, "\(template): \(totalLines)")
        #expect(template == "courtesy-reminder" ? rendered.html!.contains("Montant total : <strong>\(net)</strong>")
                : rendered.html!.contains("Total restant dû</td><td style=\"text-align: right;\">\(net)"))
    }

    @Test("every printed step demands the net principal and names the credit with its date", arguments: [
        (PolicyStep.Channel.letter, "formal-letter"), (.registeredLetter, "registered-letter"), (.formalNotice, "formal-notice"),
    ])
    func letterShowsTheCredit(channel: PolicyStep.Channel, template: String) throws {
        let plan = Self.plan(step: template, channel: channel)
        let task = try #require(plan.tasks.first, "\(plan.decisions.map(\.reason))")
        let composer = DocumentComposer(renderer: try TemplateRenderer(files: try OutboundSupport.shippedTemplates()),
                                        creditor: Self.creditor, language: .french)
        let document = try composer.letter(task, today: Self.today)
        let net = Self.french(Self.euros(141_200))
        #expect(task.breakdown?.principal == [Self.euros(141_200)])
        for body in [document.text, document.html] {
            #expect(body.contains(net), "\(template): the principal")
            #expect(body.contains("AV-7 du 10/10/2026"), "\(template): the credit note and its date")
            #expect(body.contains(Self.french(Self.euros(91_200))), "\(template): F-100 after the credit")
        }
    }

    @Test("a disputed invoice is listed as contestée in a formal notice, never demanded")
    func disputedInvoiceIsListedNotDemanded() throws {
        let policy = Policy(name: "one-step", steps: [PolicyStep(name: "formal-notice", channel: .formalNotice, trigger: .afterDue(days: 5))])
        let plan = Planner.plan(PlanningInput(
            creditor: CreditorID("imprimerie")!, today: Self.today, policy: policy, receivables: Self.receivables,
            customers: [1: CustomerState(disputedInvoiceIDs: [2], postalAddress: ["1 rue du Port", "44000 Nantes"])], terms: Self.terms))
        let task = try #require(plan.tasks.first)
        #expect(task.invoices.map(\.receivable.number) == ["F-100"])
        #expect(task.disputed.map(\.number) == ["F-120"])
        let composer = DocumentComposer(renderer: try TemplateRenderer(files: try OutboundSupport.shippedTemplates()),
                                        creditor: Self.creditor, language: .french)
        let document = try composer.letter(task, today: Self.today)
        try Self.keepForRendering(document.html, as: "letter-formal-notice-disputed.html")
        #expect(task.breakdown?.principal == [Self.euros(91_200)])
        #expect(document.text.contains("facture F-120 du 20/09/2026 : \(Self.french(Self.euros(50_000))), contestée"), "\(document.text)")
        #expect(document.html.contains("<td>F-120</td>") && document.html.contains("<td>contestée</td>"))
        #expect(!document.text.contains("F-120 du 20/09/2026, échue"))
    }

    @Test("a credit set against an invoice not in the message is not deducted from it")
    func creditsOfOtherInvoicesStayOut() {
        let items = [OpenItem(customer: "C", invoice: "F-2", due: Self.day("2026-10-20"), open: Self.euros(50_000))]
        let demand = Demand(items: items, allocations: [CreditAllocation(credit: "AV-7", invoice: "F-1", amount: Self.euros(18_000))])
        #expect(demand.credits.isEmpty)
        #expect(demand.net == [Self.euros(50_000)])
    }
}
