import Foundation
import RelanceCore
import RelanceImport
import Testing

@Suite("Dry-run JSON of open items")
struct OpenItemsJSONTests {
    let items = [
        OpenItem(customer: "C1", customerName: "Dupont \"&\" Fils\n", invoice: "F-1", issued: date("2026-06-01"),
                 due: date("2026-07-01"), open: eur("1234.5")),
        OpenItem(customer: "C2", invoice: "AV-1", open: money("-12", "USD")),
    ]

    @Test("keys in the documented order, dates ISO or null, open as a decimal string")
    func exactText() {
        #expect(OpenItemsJSON.encode(items) == """
        [
          {"customer": "C1", "customer_name": "Dupont \\"&\\" Fils\\n", "invoice": "F-1", "issued": "2026-06-01", "due": "2026-07-01", "open": "1234.50", "currency": "EUR"},
          {"customer": "C2", "customer_name": null, "invoice": "AV-1", "issued": null, "due": null, "open": "-12.00", "currency": "USD"}
        ]

        """)
        #expect(OpenItemsJSON.encode([]) == "[]\n")
    }

    @Test("a standard JSON reader gets back every value, control characters included")
    func roundTrip() throws {
        let tricky = OpenItem(customer: "C\u{1}\u{7F}\\", customerName: "Œ € \u{2028}", invoice: "F\t1", open: eur("0.01"))
        let text = OpenItemsJSON.encode(items + [tricky])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(decoded.count == 3)
        #expect(decoded[0]["customer_name"] as? String == "Dupont \"&\" Fils\n")
        #expect(decoded[1]["customer_name"] is NSNull)
        #expect(decoded[2]["customer"] as? String == "C\u{1}\u{7F}\\")
        #expect(decoded[2]["customer_name"] as? String == "Œ € \u{2028}")
        #expect(decoded[2]["invoice"] as? String == "F\t1")
        #expect(decoded[2]["open"] as? String == "0.01")
    }
}
