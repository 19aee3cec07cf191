import Foundation
import Hummingbird
import HummingbirdTesting
import RelanceCore
import RelanceDaemon
import Testing

/// Issue #15: the console's page of bank receipts to link, through the one store operation the
/// CLI's `relance bank link|dismiss` uses; the form token; another creditor's receipt a 404.
@Suite("Web console bank receipts")
struct ConsoleReceiptsTests {
    /// A CFONB 120 statement of 29 November 2026 with receipts no invoice can be matched to for sure.
    static func statement(_ receipts: [(payer: String, amount: String, label: String)], closing: String) -> String {
        func padded(_ record: String) -> String { record.padding(toLength: 120, withPad: " ", startingAt: 0) }
        var records = [padded("0130004    00123EUR2 00012345678  281126                                                  0000000100000{")]
        for (index, receipt) in receipts.enumerated() {
            let label = ("VIR SEPA " + receipt.payer).padding(toLength: 31, withPad: " ", startingAt: 0)
            records.append(padded("0430004015800123EUR2 0001234567805291126  291126\(label)  000001\(index)  \(receipt.amount)VIR29112600\(index)"))
            records.append(padded("0530004015800123EUR2 0001234567805291126     NPY\(receipt.payer)"))
            records.append(padded("0530004015800123EUR2 0001234567805291126     LIB\(receipt.label)"))
        }
        records.append(padded("0730004    00123EUR2 00012345678  291126                                                  \(closing)"))
        return records.joined(separator: "\r\n") + "\r\n"
    }

    static func prepared() async throws -> (ConsoleFixture, acme: [UnmatchedReceipt], globex: [UnmatchedReceipt]) {
        let fixture = try await ConsoleFixture()
        let acme = Self.statement([("BOULANGERIE MARTIN", "0000000010920{", "REGLEMENT"), ("SCI DES LILAS", "0000000002500{", "LOYER NOV")],
                                  closing: "0000000113420{")
        let globex = Self.statement([("INITECH LLC", "0000000005000{", "PAYMENT")], closing: "0000000105000{")
        for (index, text) in [acme, globex].enumerated() {
            _ = try await fixture.runtime.creditors[index].intake.importer.importExport(Array(text.utf8), fileName: "releve.txt")
        }
        let acmeReceipts = try await fixture.runtime.store.unmatchedReceipts(of: CreditorID("acme")!)
        let globexReceipts = try await fixture.runtime.store.unmatchedReceipts(of: CreditorID("globex")!)
        #expect(acmeReceipts.count == 2 && globexReceipts.count == 1)
        return (fixture, acmeReceipts, globexReceipts)
    }

    @Test("the page lists the user's receipts with the open invoices of the same amount, in French")
    func page() async throws {
        let (fixture, acme, globex) = try await Self.prepared()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let response = try await client.execute(uri: "/receipts", method: .get, headers: browser.headers)
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains("<h1>Virements à rattacher</h1>"))
            #expect(html.contains("Reçu le 29/11/2026 de BOULANGERIE MARTIN"))
            #expect(html.contains("1\u{202F}092,00\u{00A0}€"))
            #expect(html.contains("Rattacher à C001 Boulangerie Martin (FA-1001)"))
            #expect(html.contains(#"action="/receipts/acme/\#(acme[0].entryID)/link""#))
            #expect(!html.contains("INITECH") && !html.contains("/receipts/globex/\(globex[0].entryID)"))
            #expect(!html.contains("style=\""), "no inline style: the CSP allows none")
            #expect(html.contains(#"<a href="/receipts">Virements</a>"#))
        }
    }

    @Test("linking needs the form token, links through the CLI's operation, and says what it paid")
    func link() async throws {
        let (fixture, acme, _) = try await Self.prepared()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/receipts", method: .get, headers: browser.headers).body)
            let csrf = try #require(Browser.csrf(in: page))
            let uri = "/receipts/acme/\(acme[0].entryID)/link"
            #expect(try await client.execute(uri: uri, method: .post, headers: browser.formHeaders,
                                             body: Browser.form(["customer": "C001"])).status == .forbidden)
            let unknown = try await client.execute(uri: uri, method: .post, headers: browser.formHeaders,
                                                   body: Browser.form(["customer": "C999", "csrf": csrf]))
            #expect(unknown.status == .badRequest)
            #expect(String(buffer: unknown.body).contains("Aucun client «\u{00A0}C999\u{00A0}» chez ce créancier"))

            let linked = try await client.execute(uri: uri, method: .post, headers: browser.formHeaders,
                                                  body: Browser.form(["customer": "C001", "csrf": csrf]))
            #expect(linked.status == .ok)
            let html = String(buffer: linked.body)
            #expect(html.contains("Virement n°\u{00A0}\(acme[0].entryID) rattaché au client C001 : il règle FA-1001 (payée, en attente du grand livre)."))
            #expect(!html.contains("receipt-\(acme[0].entryID)\""))
            let payments = try await fixture.runtime.store.bankPayments(of: CreditorID("acme")!)
            #expect(payments.map(\.invoiceNumber) == ["FA-1001"])
            let timeline = try await fixture.runtime.store.recentEvents(of: CreditorID("acme")!, limit: 20).map(\.event)
            #expect(timeline.contains { $0.kind == "bank.linked" && $0.summary.contains("par marie (console) : il règle FA-1001") }, "\(timeline)")

            // Sent again (a reload): refused with why, nothing changes.
            let again = try await client.execute(uri: uri, method: .post, headers: browser.formHeaders,
                                                 body: Browser.form(["customer": "C001", "csrf": csrf]))
            #expect(again.status == .notFound)
            #expect(try await fixture.runtime.store.bankPayments(of: CreditorID("acme")!).count == 1)

            let dismissed = try await client.execute(uri: "/receipts/acme/\(acme[1].entryID)/dismiss", method: .post,
                                                     headers: browser.formHeaders, body: Browser.form(["csrf": csrf]))
            #expect(dismissed.status == .ok)
            #expect(String(buffer: dismissed.body).contains("Virement n°\u{00A0}\(acme[1].entryID) écarté : il ne règle aucune facture."))
            #expect(String(buffer: dismissed.body).contains("Aucun virement à rattacher."))
            #expect(try await fixture.runtime.store.unmatchedReceipts(of: CreditorID("acme")!).isEmpty)
        }
    }

    @Test("once a person links a receipt, the customer's page and the search count what the aged balance counts")
    func customerPageNetOfTheBank() async throws {
        let (fixture, acme, _) = try await Self.prepared()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            func page(_ uri: String) async throws -> String {
                String(buffer: try await client.execute(uri: uri, method: .get, headers: browser.headers).body)
            }
            let amount = "1\u{202F}092,00\u{00A0}€", zero = "0,00\u{00A0}€"
            // Before: the ledger's open amount, nothing received.
            let before = try await page("/customers/acme/C001")
            #expect(before.contains(#"<td class="num">\#(amount)</td></tr>"#) && !before.contains("Reçu (banque)"))
            #expect(try await page("/customers?q=Boulangerie").contains(#"<span class="amount">\#(amount)</span>"#))

            let csrf = try #require(Browser.csrf(in: try await page("/receipts")))
            let linked = try await client.execute(uri: "/receipts/acme/\(acme[0].entryID)/link", method: .post, headers: browser.formHeaders,
                                                  body: Browser.form(["customer": "C001", "csrf": csrf]))
            #expect(linked.status == .ok)

            // After: FA-1001 is paid at the bank, awaiting the ledger — nothing left demanded, as in
            // the aged balance (its total and its « Reçu (banque) » column) and the plan; the page's
            // own layout is ConsoleCustomerBankTests'.
            let after = try await page("/customers/acme/C001")
            #expect(after.contains(#"<td class="num">\#(zero)</td><td class="num">\#(amount)</td>"#))
            let search = try await page("/customers?q=Boulangerie")
            #expect(search.contains(#"<span class="amount">\#(zero)</span>"#) && !search.contains(amount))
            let aging = try await page("/aging?creditor=acme")
            #expect(aging.contains("<strong>\(zero)</strong>") && aging.contains(#"<td class="num">\#(amount)</td>"#))
        }
    }

    @Test("another creditor's receipt is a 404, by its creditor or under the user's own")
    func isolation() async throws {
        let (fixture, _, globex) = try await Self.prepared()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/receipts", method: .get, headers: browser.headers).body)
            let csrf = try #require(Browser.csrf(in: page))
            for uri in ["/receipts/globex/\(globex[0].entryID)/dismiss", "/receipts/acme/\(globex[0].entryID)/dismiss",
                        "/receipts/acme/\(globex[0].entryID)/link", "/receipts/acme/x/dismiss"] {
                let response = try await client.execute(uri: uri, method: .post, headers: browser.formHeaders,
                                                        body: Browser.form(["customer": "G001", "csrf": csrf]))
                #expect(response.status == .notFound, "\(uri)")
            }
            #expect(try await fixture.runtime.store.unmatchedReceipts(of: CreditorID("globex")!).count == 1)
        }
    }
}
