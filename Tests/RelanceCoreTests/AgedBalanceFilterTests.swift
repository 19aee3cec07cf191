import RelanceCore
import Testing

@Suite("Aged balance filter")
struct AgedBalanceFilterTests {
    static let asOf = CivilDate(iso8601: "2026-11-30")!

    static func item(_ customer: CustomerSummary, _ number: String, due: String, cents: Int64) -> Receivable {
        Receivable(invoiceID: 0, number: number, customer: customer, issued: nil, due: CivilDate(iso8601: due),
                   open: Money(minorUnits: cents, currency: .euro), total: nil, history: [])
    }

    static let martin = CustomerSummary(id: 1, externalID: "C001", name: "Boulangerie Martin", language: nil, emails: [])
    static let dupont = CustomerSummary(id: 2, externalID: "C002", name: "Dupont SARL", language: nil, emails: [])
    static let whole = AgedBalance(receivables: [
        item(martin, "FA-1", due: "2026-10-01", cents: 109_200), item(martin, "FA-2", due: "2026-12-15", cents: 10_000),
        item(dupont, "FA-3", due: "2026-07-01", cents: 50_000),
    ], asOf: asOf)

    @Test("a bucket keeps its items only, and the totals are aged again from them")
    func bucket() {
        let late = AgedBalanceFilter(bucket: .late31to60).apply(to: Self.whole)
        #expect(late.customers.map(\.customer.externalID) == ["C001"])
        #expect(late.customers[0].invoices.map(\.receivable.number) == ["FA-1"])
        #expect(late.totals.first?.total == 109_200)
    }

    @Test("the customer text matches a code or a name, in any case; the code matches exactly")
    func customer() {
        #expect(AgedBalanceFilter(customer: "dupont").apply(to: Self.whole).customers.map(\.customer.externalID) == ["C002"])
        #expect(AgedBalanceFilter(customer: "c00").apply(to: Self.whole).customers.count == 2)
        #expect(AgedBalanceFilter(customerCode: "C00").apply(to: Self.whole).customers.isEmpty)
        #expect(AgedBalanceFilter(customer: "").apply(to: Self.whole) == Self.whole)
    }
}
