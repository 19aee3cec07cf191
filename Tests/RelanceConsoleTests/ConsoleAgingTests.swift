import Foundation
import Hummingbird
import HummingbirdTesting
import RelanceCore
import Testing

/// The aged balance page and its CSV: the same computation as `relance aging`, filtered, in
/// the creditor's spreadsheet format, and only for the user's creditors.
@Suite("Web console aged balance")
struct ConsoleAgingTests {
    @Test("the page shows the buckets' chart and the customer's row in French formats")
    func page() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let response = try await client.execute(uri: "/aging", method: .get, headers: browser.headers)
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains("Balance âgée"))
            #expect(html.contains("<svg role=\"img\""))
            #expect(!html.contains("style=\""), "no inline style: the CSP allows none")
            #expect(html.contains("Boulangerie Martin"))
            #expect(html.contains("1\u{202F}092,00\u{00A0}€"))
            #expect(html.contains(#"<td class="num late">1"#), "60 days late is shown late")
            #expect(html.contains("Au 30/11/2026") || html.contains("30/11/2026"))
        }
    }

    @Test("a bucket or a customer filter keeps only what matches")
    func filter() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let notDue = String(buffer: try await client.execute(uri: "/aging?bucket=not-due", method: .get, headers: browser.headers).body)
            #expect(!notDue.contains("Boulangerie Martin"))
            #expect(notDue.contains("Aucune facture ouverte ne correspond."))
            let late = String(buffer: try await client.execute(uri: "/aging?bucket=31-60&q=martin", method: .get, headers: browser.headers).body)
            #expect(late.contains("Boulangerie Martin"))
            let other = String(buffer: try await client.execute(uri: "/aging?q=dupont", method: .get, headers: browser.headers).body)
            #expect(!other.contains("Boulangerie Martin"))
        }
    }

    @Test("the CSV opens in French Excel: byte-order mark, semicolons, decimal comma, filtered like the page")
    func csv() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let response = try await client.execute(uri: "/aging.csv?creditor=acme&bucket=31-60", method: .get, headers: browser.headers)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(response.headers[.contentDisposition]?.contains("balance-agee-acme-2026-11-30.csv") == true)
            let bytes = Array(buffer: response.body)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains("C001;Boulangerie Martin;FA-1001;01/09/2026;01/10/2026;60;"))
            #expect(text.contains(";1092,00;EUR;"))
            let empty = String(buffer: try await client.execute(uri: "/aging.csv?bucket=over-90", method: .get, headers: browser.headers).body)
            #expect(!empty.contains("FA-1001"))
        }
    }

    @Test("another creditor's balance is a 404; an unreadable date is refused in words")
    func isolation() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            #expect(try await client.execute(uri: "/aging?creditor=globex", method: .get, headers: browser.headers).status == .notFound)
            #expect(try await client.execute(uri: "/aging.csv?creditor=globex", method: .get, headers: browser.headers).status == .notFound)
            let bad = try await client.execute(uri: "/aging?asof=31/02/2027", method: .get, headers: browser.headers)
            #expect(bad.status == .badRequest)
            #expect(String(buffer: bad.body).contains("une date s’écrit"))
        }
    }
}
