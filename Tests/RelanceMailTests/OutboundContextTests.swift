import RelanceCore
import Testing
@testable import RelanceMail

@Suite("Outbound: reminder context")
struct OutboundContextTests {
    let euro = Currency.euro
    let usd = Currency(code: "USD")!
    let today = CivilDate(year: 2026, month: 11, day: 1)!

    func item(_ number: String, due: CivilDate?, open: Int64, total: Int64? = nil, currency: Currency = .euro) -> OpenItem {
        OpenItem(customer: "C1", invoice: number, issued: CivilDate(year: 2026, month: 9, day: 1), due: due,
                 open: Money(minorUnits: open, currency: currency), total: total.map { Money(minorUnits: $0, currency: currency) })
    }

    func build(_ language: Language, _ items: [OpenItem], creditor: CreditorProfile? = nil,
               statutory: StatutoryAmounts? = nil) -> ReminderContext {
        ReminderContextBuilder.build(
            language: language, today: today,
            creditor: creditor ?? CreditorProfile(legalName: "Atelier", iban: " fr76 3000 6000 0112 3456 7890 189 ", signature: "É. Martin"),
            customerID: "C1", customerName: "Ébène", invoices: items, paymentReference: "REF-1",
            priorActions: [PriorAction(date: CivilDate(year: 2026, month: 10, day: 20)!, description: "b"),
                           PriorAction(date: CivilDate(year: 2026, month: 10, day: 1)!, description: "a")],
            statutory: statutory)
    }

    @Test("French: dates, amounts, delays with their agreement, oldest due first")
    func french() {
        let context = build(.french, [
            item("F2", due: CivilDate(year: 2026, month: 10, day: 31), open: 5_000),
            item("F1", due: CivilDate(year: 2026, month: 10, day: 1), open: 123_456, total: 150_000),
            item("F3", due: CivilDate(year: 2026, month: 11, day: 11), open: 100),
        ])
        #expect(context.invoices.map(\.number) == ["F1", "F2", "F3"])
        let first = context.invoices[0]
        #expect(first.issued == "01/09/2026")
        #expect(first.due == "01/10/2026")
        #expect(first.open == "1\u{202F}234,56\u{00A0}€")
        #expect(first.amount == "1\u{202F}500,00\u{00A0}€")
        #expect(first.isPartlyPaid && first.isOverdue)
        #expect(first.daysLate == "31" && first.lateBy == "31 jours")
        #expect(context.invoices[1].lateBy == "1 jour")
        #expect(context.invoices[1].isPartlyPaid == false)
        let upcoming = context.invoices[2]
        #expect(!upcoming.isOverdue && upcoming.daysLate == "0" && upcoming.daysUntilDue == "10" && upcoming.dueIn == "10 jours")
        #expect(context.totals.open == "1\u{202F}285,56\u{00A0}€")
        #expect(context.totals.currency == "EUR" && context.totals.invoiceCount == "3" && context.totals.severalInvoices)
        #expect(context.today == "1er\u{00A0}novembre\u{00A0}2026")
        #expect(context.priorActions.map(\.date) == ["1er\u{00A0}octobre\u{00A0}2026", "20\u{00A0}octobre\u{00A0}2026"])
        #expect(context.creditor.iban == "FR76 3000 6000 0112 3456 7890 189")
        #expect(context.creditor.bic == nil && context.statutory == nil)
    }

    @Test("English: dates and amounts, singular wording")
    func english() {
        let context = build(.english, [item("F1", due: CivilDate(year: 2026, month: 10, day: 31), open: 123_456)])
        #expect(context.invoices[0].due == "31 Oct 2026")
        #expect(context.invoices[0].open == "€1,234.56")
        #expect(context.invoices[0].lateBy == "1 day")
        #expect(context.today == "1 November 2026")
        #expect(!context.totals.severalInvoices)
    }

    @Test("amounts of different currencies are never added; statutory totals per currency")
    func currencies() {
        let context = build(.french, [
            item("U1", due: CivilDate(year: 2026, month: 10, day: 1), open: 10_000, currency: usd),
            item("E1", due: CivilDate(year: 2026, month: 10, day: 2), open: 20_000),
        ], statutory: StatutoryAmounts(interest: [Money(minorUnits: 150, currency: usd), Money(minorUnits: 250, currency: euro)],
                                       indemnity: Money(minorUnits: 8_000, currency: euro)))
        #expect(context.totals.open == "200,00\u{00A0}€ + 100,00\u{00A0}USD")
        #expect(context.totals.currency == "EUR, USD")
        #expect(context.statutory?.interest == "2,50\u{00A0}€ + 1,50\u{00A0}USD")
        #expect(context.statutory?.indemnity == "80,00\u{00A0}€")
        #expect(context.statutory?.total == "282,50\u{00A0}€ + 101,50\u{00A0}USD")
    }

    @Test("the template view drops absent optionals so their sections disappear")
    func templateValue() {
        let context = build(.french, [item("F1", due: nil, open: 100)], creditor: CreditorProfile(legalName: "A", siren: "  ", signature: "S"))
        let creditor = context.templateValue["creditor"] as? [String: any Sendable]
        #expect(creditor?["siren"] == nil && creditor?["iban"] == nil)
        #expect(creditor?["legal_name"] as? String == "A")
        let invoices = context.templateValue["invoices"] as? [[String: any Sendable]]
        #expect(invoices?.first?["due"] == nil)
        #expect(invoices?.first?["is_overdue"] as? Bool == false)
        #expect(context.templateValue["statutory"] == nil)
    }

    @Test("short and long French and English dates", arguments: [
        (CivilDate(year: 2026, month: 8, day: 1)!, "01/08/2026", "1er\u{00A0}août\u{00A0}2026", "1 Aug 2026", "1 August 2026"),
        (CivilDate(year: 2028, month: 2, day: 29)!, "29/02/2028", "29\u{00A0}février\u{00A0}2028", "29 Feb 2028", "29 February 2028"),
        (CivilDate(year: 2026, month: 12, day: 25)!, "25/12/2026", "25\u{00A0}décembre\u{00A0}2026", "25 Dec 2026", "25 December 2026"),
    ])
    func dates(date: CivilDate, frShort: String, frLong: String, enShort: String, enLong: String) {
        #expect(CivilDateText.short(date, language: .french) == frShort)
        #expect(CivilDateText.long(date, language: .french) == frLong)
        #expect(CivilDateText.short(date, language: .english) == enShort)
        #expect(CivilDateText.long(date, language: .english) == enLong)
    }
}
