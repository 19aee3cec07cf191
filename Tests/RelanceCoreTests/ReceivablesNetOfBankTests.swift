import RelanceCore
import Testing

/// What the bank shows paid is set apart from what is demanded, the same way for the planner,
/// the aged balance and the digest (`Receivable.netOfBankPayments`).
@Suite("Receivables net of bank payments")
struct ReceivablesNetOfBankTests {
    static let martin = CustomerSummary(id: 1, externalID: "C001", name: "Boulangerie Martin", language: nil, emails: [])

    static func item(_ id: Int64, due: String, cents: Int64, currency: Currency = .euro) -> Receivable {
        Receivable(invoiceID: id, number: "FA-\(id)", customer: martin, issued: nil, due: CivilDate(iso8601: due),
                   open: Money(minorUnits: cents, currency: currency), total: nil, history: [])
    }

    static func payment(_ invoice: Int64, cents: Int64, currency: Currency = .euro) -> BankPayment {
        BankPayment(matchID: invoice, invoiceID: invoice, invoiceNumber: "FA-\(invoice)", customerID: 1,
                    amount: Money(minorUnits: cents, currency: currency), booked: CivilDate(iso8601: "2026-12-03")!, label: "VIR")
    }

    @Test("a partial payment, a full one, an overpayment, a credit and another currency")
    func cases() {
        let net = Receivable.netOfBankPayments(
            [Self.item(1, due: "2026-10-01", cents: 100_000), Self.item(2, due: "2026-10-01", cents: 50_000),
             Self.item(3, due: "2026-10-01", cents: 20_000), Self.item(4, due: "2026-10-01", cents: -5_000),
             Self.item(5, due: "2026-10-01", cents: 30_000, currency: Currency(code: "USD")!), Self.item(6, due: "2026-10-01", cents: 7_000)],
            payments: [Self.payment(1, cents: 40_000), Self.payment(2, cents: 30_000), Self.payment(2, cents: 20_000),
                       Self.payment(3, cents: 25_000), Self.payment(4, cents: 5_000), Self.payment(5, cents: 30_000)])
        #expect(net.map { $0.received?.minorUnits } == [40_000, 50_000, 20_000, nil, nil, nil])
        #expect(net.map(\.demanded.minorUnits) == [60_000, 0, 0, -5_000, 30_000, 7_000])
        #expect(net.map(\.open.minorUnits) == [100_000, 50_000, 20_000, -5_000, 30_000, 7_000], "the ledger's figure is kept")
    }

    @Test("the aged balance's buckets are what is demanded; what was received is apart, and both make the ledger's total")
    func agedBalance() throws {
        let receivables = Receivable.netOfBankPayments(
            [Self.item(1, due: "2026-10-01", cents: 109_200), Self.item(2, due: "2026-11-20", cents: 45_000), Self.item(3, due: "2026-12-15", cents: 10_000)],
            payments: [Self.payment(1, cents: 109_200), Self.payment(2, cents: 15_000)])
        let balance = AgedBalance(receivables: receivables, asOf: CivilDate(iso8601: "2026-12-04")!)
        let euro = try #require(balance.totals.first)
        #expect(euro.total == 40_000)
        #expect(euro.byBucket[.late61to90] == 0 && euro.byBucket[.late1to30] == 30_000 && euro.byBucket[.notDue] == 10_000)
        #expect(euro.received == 124_200)
        #expect(euro.ledgerAmount.minorUnits == 164_200)
        #expect(balance.customers[0].totals[0].received == 124_200)

        let csv = AgedBalanceCSV.render(balance, format: SpreadsheetFormat(.excelFrench), language: .french)
        #expect(csv.contains("Reste dû;Devise;Dernière action;Date de la dernière action;Reçu, en attente du grand livre\r\n"))
        #expect(csv.contains("C001;Boulangerie Martin;FA-1;;01/10/2026;64;61 à 90 j;0,00;EUR;;;1092,00\r\n"))
        #expect(csv.contains(";FA-2;;20/11/2026;14;1 à 30 j;300,00;EUR;;;150,00\r\n"))
        #expect(csv.contains(";FA-3;;15/12/2026;-11;non échu;100,00;EUR;;;\r\n"))

        let html = AgedBalanceHTML.render(balance, title: "Balance âgée", language: .french)
        #expect(html.contains("<th>Reçu, en attente du grand livre</th>"))
        // The buckets' headings are kept whole: no « 61 / à / 90 / j » over four lines in an empty column.
        #expect(html.contains("<th>non\u{00A0}échu</th><th>1\u{00A0}à\u{00A0}30\u{00A0}j</th><th>31\u{00A0}à\u{00A0}60\u{00A0}j</th><th>61\u{00A0}à\u{00A0}90\u{00A0}j</th><th>plus\u{00A0}de\u{00A0}90\u{00A0}j</th><th>avoirs</th>"))
        #expect(html.contains("<td>Selon le grand livre EUR</td>"))
        #expect(html.contains("1\u{202F}642,00\u{00A0}€"))
        let english = AgedBalanceHTML.render(balance, title: "Aged balance", language: .english)
        #expect(english.contains("<th>Received, awaiting the ledger</th>") && english.contains("<td>Per the ledger EUR</td>"))
    }
}
