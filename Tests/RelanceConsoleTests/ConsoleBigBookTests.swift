import Foundation
import Hummingbird
import HummingbirdTesting
@testable import RelanceConsole
import RelanceCore
import Testing

/// The Aged balance and the customer search on a book of a few hundred customers: the aged
/// balance's customers a hundred per page, largest overdue first, the filters kept in the
/// links, the totals the whole book's; the search folds accents; neither ever shows another
/// creditor's customer.
@Suite("Web console on a big book")
struct ConsoleBigBookTests {
    /// ACME's book grown to 250 customers (C001 kept, so nothing is settled), customer K`n`
    /// owing `n` × 10 € due 2026-10-01 (60 days late on 30/11/2026), K007 with a credit note,
    /// K009 accented; Globex gets a « Société » of its own.
    static func bigBook() async throws -> ConsoleFixture {
        let fixture = try await ConsoleFixture()
        var acme = ["customer;name;email;invoice;issue_date;due_date;amount",
                    "C001;Boulangerie Martin;martin@client.example;FA-1001;2026-09-01;2026-10-01;1092.00"]
        for n in 2...250 {
            let name = n == 9 ? "Société Générale des Œuvres" : "Client \(n)"
            acme.append("K\(String(format: "%03d", n));\(name);k\(n)@client.example;FB-\(n);2026-09-01;2026-10-01;\(n * 10).00")
        }
        acme.append("K007;Client 7;k7@client.example;AV-7;2026-09-01;2026-10-01;-30.00")
        try fixture.workspace.write("drop/acme/open-big.csv", acme.joined(separator: "\n") + "\n")
        try fixture.workspace.write("drop/globex/open-big.csv", """
            customer;name;email;invoice;issue_date;due_date;amount
            G001;Initech;ap@initech.example;INV-77;2026-09-01;2026-10-01;500.00
            G002;Société Globex;compta@globex-client.example;INV-78;2026-09-01;2026-10-01;80.00
            """)
        _ = try await fixture.runtime.runOnce()
        return fixture
    }

    static func customers(in html: String) -> [String] {
        html.components(separatedBy: #"<a href="/customers/acme/"#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("the aged balance lists 100 customers per page, largest overdue first, with the whole book's totals")
    func agingPages() async throws {
        let fixture = try await Self.bigBook()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let first = String(buffer: try await client.execute(uri: "/aging", method: .get, headers: browser.headers).body)
            let firstRows = Self.customers(in: first)
            #expect(firstRows.count == 100)
            // C001 owes 1 092 €, then K250 (2 500 €) … down.
            #expect(Array(firstRows.prefix(3)) == ["K250", "K249", "K248"])
            #expect(first.contains("Clients 1 à 100 sur 250, les plus en retard d’abord (page 1 sur 3)"))
            #expect(!first.contains(#"rel="prev""#))
            #expect(first.contains(#"<a href="/aging?asof=2026%2D11%2D30&amp;bucket=&amp;creditor=acme&amp;page=2&amp;q=" rel="next">"#))
            // The whole book's total on every page: 1 092 + (2 + … + 250) × 10 − 30 = 314 802 €.
            let total = "314\u{202F}802,00\u{00A0}€"
            #expect(first.contains(total))
            let third = String(buffer: try await client.execute(uri: "/aging?page=3", method: .get, headers: browser.headers).body)
            let thirdRows = Self.customers(in: third)
            #expect(thirdRows.count == 50)
            #expect(thirdRows.contains("C001") == false, "C001 (1 092 €) is on the first page")
            #expect(thirdRows.suffix(2) == ["K003", "K002"])
            #expect(third.contains(total) && third.contains(#"rel="prev""#) && !third.contains(#"rel="next""#))
            // Every customer once across the pages.
            let second = Self.customers(in: String(buffer: try await client.execute(uri: "/aging?page=2", method: .get, headers: browser.headers).body))
            #expect(Set(firstRows + second + thirdRows).count == 250)
            // Out of range: the nearest page.
            #expect(Self.customers(in: String(buffer: try await client.execute(uri: "/aging?page=99", method: .get, headers: browser.headers).body)) == thirdRows)
            // A filter is kept in the links, and the CSV still has every row.
            let filtered = String(buffer: try await client.execute(uri: "/aging?q=client%201&bucket=31-60", method: .get, headers: browser.headers).body)
            #expect(filtered.contains("bucket=31%2D60&amp;creditor=acme&amp;page=2&amp;q=client%201"))
            let csv = String(buffer: try await client.execute(uri: "/aging.csv", method: .get, headers: browser.headers).body)
            #expect(csv.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("K") || $0.hasPrefix("C001") }.count == 251)
            // Another creditor's customers never: not on a page, not by a filter.
            let boss = String(buffer: try await client.execute(uri: "/aging?q=initech&page=1", method: .get, headers: browser.headers).body)
            #expect(!boss.contains("Initech") && !boss.contains("G001"))
        }
    }

    @Test("the search folds accents and case, and never shows another creditor's customer")
    func search() async throws {
        let fixture = try await Self.bigBook()
        try await fixture.application().test(.router) { client in
            var marie = Browser()
            _ = try await marie.login(client, user: "marie")
            for text in ["societe", "SOCIÉTÉ", "Société", "oeuvres", "générale des œ", "k9@client"] {
                let query = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let html = String(buffer: try await client.execute(uri: "/customers?q=\(query)", method: .get, headers: marie.headers).body)
                #expect(Self.customers(in: html) == ["K009"], "\(text)")
                #expect(!html.contains("Globex"), "\(text)")
            }
            // Short: one or two characters read every customer's folded fields.
            let short = String(buffer: try await client.execute(uri: "/customers?q=%C3%A9t", method: .get, headers: marie.headers).body)
            #expect(Self.customers(in: short) == ["K009"])
            let many = String(buffer: try await client.execute(uri: "/customers?q=client%202", method: .get, headers: marie.headers).body)
            #expect(Self.customers(in: many).count == 62)   // K002, K020…K029, K200…K250
            // As the page's form sends it: a space is `+` (it searched for « client+2 », found nothing).
            let typed = String(buffer: try await client.execute(uri: "/customers?q=client+2", method: .get, headers: marie.headers).body)
            #expect(Self.customers(in: typed) == Self.customers(in: many))
            var boss = Browser()
            _ = try await boss.login(client, user: "boss")
            let both = String(buffer: try await client.execute(uri: "/customers?q=societe", method: .get, headers: boss.headers).body)
            #expect(both.contains("/customers/acme/K009") && both.contains("/customers/globex/G002"))
        }
    }
}
