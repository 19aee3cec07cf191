import RelanceCore
@testable import RelanceImport
import Testing

/// Two rows of one invoice that disagree: the refusal carries the two values themselves (not
/// their text, read back to be worded), and says them as the language writes them.
@Suite struct InvoiceRowConflictTests {
    static func euros(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .euro) }

    static func refusal(_ first: OpenItem, _ second: OpenItem, repeatedAmounts: Bool = true) -> ImportError? {
        var folder = InvoiceFolder(file: "export.csv", repeatedAmounts: repeatedAmounts)
        do {
            try folder.add(first, line: 2)
            try folder.add(second, line: 5)
            return nil
        } catch {
            return error
        }
    }

    @Test func amountsThatDisagreeAreCarriedAsAmounts() throws {
        let error = try #require(Self.refusal(OpenItem(customer: "C1", invoice: "F1", open: Self.euros(109_200)),
                                              OpenItem(customer: "C1", invoice: "F1", open: Self.euros(-100_050))))
        #expect(error.problem == .invoiceRowsDisagree(invoice: "F1", customer: "C1", firstLine: 2,
                                                      .amountsDue(Self.euros(109_200), Self.euros(-100_050))))
        #expect(error.text(in: .english).contains("different amounts due (€1,092.00 and \u{2212}€1,000.50)"), "\(error.text(in: .english))")
    }

    @Test func totalsCurrenciesAndDatesAreCarriedAsThemselves() throws {
        let yen = try #require(Currency(code: "JPY"))
        let currencies = try #require(Self.refusal(OpenItem(customer: "C1", invoice: "F1", open: Self.euros(100)),
                                                   OpenItem(customer: "C1", invoice: "F1", open: Money(minorUnits: 100, currency: yen))))
        #expect(currencies.problem == .invoiceRowsDisagree(invoice: "F1", customer: "C1", firstLine: 2, .currencies(.euro, yen)))
        #expect(currencies.text(in: .french).contains("des devises différentes (EUR et JPY)"), "\(currencies.text(in: .french))")

        let due = try #require(CivilDate(iso8601: "2027-01-31")), later = try #require(CivilDate(iso8601: "2027-02-28"))
        let dates = try #require(Self.refusal(OpenItem(customer: "C1", invoice: "F1", due: due, open: Self.euros(100)),
                                              OpenItem(customer: "C1", invoice: "F1", due: later, open: Self.euros(100)),
                                              repeatedAmounts: false))
        #expect(dates.problem == .invoiceRowsDisagree(invoice: "F1", customer: "C1", firstLine: 2, .dueDates(due, later)))
        #expect(dates.text(in: .french).contains("des échéances différentes (31/01/2027 et 28/02/2027)"), "\(dates.text(in: .french))")

        let totals = try #require(Self.refusal(OpenItem(customer: "C1", invoice: "F1", open: Self.euros(100), total: Self.euros(500)),
                                               OpenItem(customer: "C1", invoice: "F1", open: Self.euros(100), total: Self.euros(700))))
        #expect(totals.problem == .invoiceRowsDisagree(invoice: "F1", customer: "C1", firstLine: 2, .totals(Self.euros(500), Self.euros(700))))
        #expect(totals.text(in: .english).contains("different invoice totals (€5.00 and €7.00)"), "\(totals.text(in: .english))")
    }
}
