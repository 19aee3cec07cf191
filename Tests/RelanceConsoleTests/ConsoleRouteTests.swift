import Foundation
import Hummingbird
import HummingbirdTesting
import RelanceCore
import Testing
@testable import RelanceConsole

/// Every route through the router, signed in and not, with the security rules: no form token →
/// refused; another creditor's object → 404; signed out → the login page; guessing → throttled.
@Suite("Web console routes")
struct ConsoleRouteTests {
    @Test("health answers without a session; pages redirect to the login form")
    func publicAndPrivate() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok\n")
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=%2F")
            }
            try await client.execute(uri: "/login", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(String(buffer: response.body).contains(#"name="password""#))
            }
        }
    }

    @Test("a wrong password is refused; the right one opens a session whose cookie is HttpOnly and SameSite=Strict")
    func login() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            #expect(try await browser.login(client, user: "marie", password: "wrong password!") == .unauthorized)
            #expect(browser.cookie == nil)
            #expect(try await browser.login(client, user: "nobody") == .unauthorized)
            let response = try await client.execute(uri: "/login", method: .post, headers: browser.formHeaders,
                                                    body: Browser.form(["username": "marie", "password": ConsoleFixture.password, "next": "//evil.example/"]))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/", "an outside address is never where a login leads")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
        }
    }

    @Test("Today lists the call with its tel: link, in French for a French creditor, and nothing of another creditor")
    func today() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            #expect(try await browser.login(client, user: "marie") == .seeOther)
            try await client.execute(uri: "/", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(html.contains("Aujourd’hui"))
                #expect(html.contains("Appeler Boulangerie Martin"))
                #expect(html.contains(#"href="tel:+33240000001""#))
                #expect(!html.contains("Globex"))
            }
        }
    }

    @Test("closing a task needs the form token; with it, the outcome is recorded with the user's name")
    func closeTask() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/", method: .get, headers: browser.headers).body)
            let csrf = try #require(Browser.csrf(in: page))
            let uri = "/tasks/\(fixture.callTask)/close"
            let refused = try await client.execute(uri: uri, method: .post, headers: browser.formHeaders,
                                                   body: Browser.form(["outcome": "promised", "date": "2027-01-15"]))
            #expect(refused.status == .forbidden)
            #expect(String(buffer: refused.body).contains("Ce formulaire a expiré"), "a French creditor's user reads French")
            let forged = try await client.execute(uri: uri, method: .post, headers: browser.formHeaders,
                                                  body: Browser.form(["outcome": "promised", "date": "2027-01-15", "csrf": Browser.forged(csrf)]))
            #expect(forged.status == .forbidden)
            #expect(try await fixture.runtime.store.tasks(of: nil, state: .open).contains { $0.id == fixture.callTask })

            let accepted = try await client.execute(uri: uri, method: .post, headers: browser.formHeaders,
                                                    body: Browser.form(["outcome": "promised", "date": "2027-01-15", "csrf": csrf]))
            #expect(accepted.status == .seeOther)
            let closed = try #require(try await fixture.runtime.store.tasks(of: nil, state: nil).first { $0.id == fixture.callTask })
            #expect(closed.state == .done)
            #expect(closed.outcome == .promisedToPay(on: CivilDate(iso8601: "2027-01-15")!, amount: nil))
            let journal = try await fixture.runtime.store.recentEvents(of: nil, limit: 20)
            #expect(journal.contains { $0.event.summary.contains("enregistré par marie (console)") })
        }
    }

    @Test("an unreadable outcome is refused in the user's words, naming the field; the task stays open")
    func unreadableOutcome() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/", method: .get, headers: browser.headers).body)
            let csrf = try #require(Browser.csrf(in: page))
            let refused = try await client.execute(uri: "/tasks/\(fixture.callTask)/close", method: .post, headers: browser.formHeaders,
                                                   body: Browser.form(["outcome": "promised", "date": "2027-01-15", "amount": "beaucoup", "csrf": csrf]))
            #expect(refused.status == .badRequest)
            #expect(String(buffer: refused.body).contains("Montant «\u{00A0}beaucoup\u{00A0}» : un montant s’écrit 912,00."))
            #expect(try await fixture.runtime.store.tasks(of: nil, state: .open).contains { $0.id == fixture.callTask })
        }
    }

    @Test("a customer's total is per currency, never two currencies added")
    func totalPerCurrency() {
        let customer = CustomerSummary(id: 1, externalID: "C1", name: nil, language: nil, emails: [])
        func item(_ number: String, _ cents: Int64, _ currency: Currency) -> Receivable {
            Receivable(invoiceID: 0, number: number, customer: customer, issued: nil, due: nil,
                       open: Money(minorUnits: cents, currency: currency), total: nil, history: [])
        }
        let total = CustomersController.total([item("A", 109_200, .euro), item("B", 50_000, Currency(code: "USD")!), item("C", 1_000, .euro)],
                                              words: .french)
        #expect(total == "1\u{202F}102,00\u{00A0}€ + 500,00\u{00A0}USD")
    }

    @Test("a held reminder is shown as text on Today, then sent again as it is by the user; a message the user cannot see is a 404")
    func reviewMessage() async throws {
        let fixture = try await ConsoleFixture()
        let store = fixture.runtime.store
        let acme = CreditorID("acme")!
        let receivable = try #require(try await store.openReceivables(of: acme).first)
        // The fixture's creditors are in review mode: its run stored the day's reminder awaiting approval, so this one takes a step of its own.
        let draft = MessageDraft(creditor: acme, customerID: receivable.customer.id, step: "test-step", plannedOn: CivilDate(iso8601: "2026-11-30")!,
                                 invoices: [InvoiceMention(invoiceID: receivable.invoiceID, step: "test-step", open: receivable.open)],
                                 to: receivable.customer.emails, cc: [])
        let id = try #require(try await store.enqueue(draft, at: fixture.runtime.clock.now()) { id in
            ComposedMail(messageID: "<relance.\(id)@acme.example>", envelopeFrom: EmailAddress("bounces@acme.example")!,
                         bytes: Array("Subject: =?utf-8?q?Relance_facture_FA-1001?=\r\nContent-Type: text/html\r\n\r\n<p>Bonjour,<br>reste d\u{FB}</p><img src=\"https://tracker.example/x.png\"><script>alert(1)</script>\r\n".utf8))
        })
        _ = try #require(try await store.claimNextMessage(now: fixture.runtime.clock.now(), skipping: []))
        try await store.holdForReview(id, at: fixture.runtime.clock.now(), reason: .noEvidenceSource)
        try await fixture.application().test(.router) { client in
            var boss = Browser()
            _ = try await boss.login(client, user: "boss")
            var marie = Browser()
            _ = try await marie.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/", method: .get, headers: marie.headers).body)
            #expect(page.contains("Relances à vérifier"))
            #expect(page.contains("Relance facture FA-1001"))
            // Why it is held, in the creditor's words (#13): a code worded, never an English line quoted.
            #expect(page.contains("aucune source de preuve n&#39;est configurée") || page.contains("aucune source de preuve n'est configurée"), "\(page)")
            #expect(!page.contains("no evidence source"))
            #expect(!page.contains("tracker.example") && !page.contains("<script>alert"), "the HTML is shown as text, nothing fetched")
            let csrf = try #require(Browser.csrf(in: page))
            #expect(try await client.execute(uri: "/messages/\(id + 1)/send", method: .post, headers: marie.formHeaders,
                                             body: Browser.form(["csrf": csrf])).status == .notFound)
            let sent = try await client.execute(uri: "/messages/\(id)/send", method: .post, headers: marie.formHeaders, body: Browser.form(["csrf": csrf]))
            #expect(sent.status == .seeOther)
            #expect(try await store.messagesToReview(of: nil).allSatisfy { $0.state == .awaitingApproval })
            #expect(try await store.outboxCounts()[.queued] == 1)
            _ = boss
        }
    }

    @Test("another creditor's customer, task or import is a 404, never a 403")
    func isolation() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var marie = Browser()
            _ = try await marie.login(client, user: "marie")
            #expect(try await client.execute(uri: "/customers/acme/C001", method: .get, headers: marie.headers).status == .ok)
            #expect(try await client.execute(uri: "/customers/globex/G001", method: .get, headers: marie.headers).status == .notFound)
            #expect(try await client.execute(uri: "/customers/nosuch/G001", method: .get, headers: marie.headers).status == .notFound)
            #expect(try await client.execute(uri: "/customers/acme/NOPE", method: .get, headers: marie.headers).status == .notFound)
            let search = String(buffer: try await client.execute(uri: "/customers?q=initech", method: .get, headers: marie.headers).body)
            #expect(!search.contains("Initech"))

            var boss = Browser()
            _ = try await boss.login(client, user: "boss")
            let page = try await client.execute(uri: "/customers/globex/G001", method: .get, headers: boss.headers)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("INV-77"))
            // English creditor, English formats… but boss's first creditor is French: the words follow
            // the user, the amounts their creditor's currency.
            #expect(html.contains("500,00") || html.contains("€500.00"))
        }
    }

    @Test("pause and resume a customer from the page")
    func pauseResume() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/customers/acme/C001", method: .get, headers: browser.headers).body)
            let csrf = try #require(Browser.csrf(in: page))
            // Without a date picker, a person types the date as they write it: refused words are French.
            let unreadable = try await client.execute(uri: "/customers/acme/C001/pause", method: .post, headers: browser.formHeaders,
                                                      body: Browser.form(["until": "fin janvier", "csrf": csrf]))
            #expect(unreadable.status == .badRequest)
            #expect(String(buffer: unreadable.body).contains("une date s’écrit 15/01/2027"))
            let paused = try await client.execute(uri: "/customers/acme/C001/pause", method: .post, headers: browser.formHeaders,
                                                  body: Browser.form(["until": "31/01/2027", "csrf": csrf]))
            #expect(paused.status == .seeOther)
            let holds = try await fixture.runtime.store.liveHolds(of: CreditorID("acme")!)
            #expect(holds.contains { $0.kind == .manual && $0.until == CivilDate(iso8601: "2027-01-31") && $0.reason.contains("marie") })
            _ = try await client.execute(uri: "/customers/acme/C001/resume", method: .post, headers: browser.formHeaders,
                                         body: Browser.form(["csrf": csrf]))
            #expect(try await fixture.runtime.store.liveHolds(of: CreditorID("acme")!).isEmpty)
        }
    }

    @Test("a corrected email address from the customer page joins the recipients; a wrong one is refused in words")
    func correctedAddress() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/customers/acme/C001", method: .get, headers: browser.headers).body)
            let csrf = try #require(Browser.csrf(in: page))
            let bad = try await client.execute(uri: "/customers/acme/C001/address", method: .post, headers: browser.formHeaders,
                                               body: Browser.form(["email": "pas une adresse", "csrf": csrf]))
            #expect(bad.status == .badRequest)
            #expect(String(buffer: bad.body).contains("n’est pas une adresse de courriel"))
            let good = try await client.execute(uri: "/customers/acme/C001/address", method: .post, headers: browser.formHeaders,
                                                body: Browser.form(["email": "compta@martin.example", "csrf": csrf]))
            #expect(good.status == .seeOther)
            let id = try #require(try await fixture.runtime.store.customerID(external: "C001", of: CreditorID("acme")!))
            let profile = try #require(try await fixture.runtime.store.customerProfile(id: id)).profile
            #expect(profile.emailsTo.contains("compta@martin.example"))
            let journal = try await fixture.runtime.store.recentEvents(of: nil, limit: 10)
            #expect(journal.contains { $0.event.kind == "customer.address-corrected" && $0.event.summary.contains("ajoutée par marie, jusqu'au prochain fichier de contacts") })
        }
    }

    @Test("Health shows each visible creditor's mode, the last import's age and the outbox, as relance status does")
    func health() async throws {
        let fixture = try await ConsoleFixture()
        // The last import: a refused file whose explanation has two lines (stored escaped, `\n`).
        let refused = ImportedFile(creditor: CreditorID("acme")!, fileName: "casse.csv", sha256: String(repeating: "e", count: 64),
                                   byteCount: 10, kind: "unknown")
        _ = try await fixture.runtime.store.recordRejectedImport(refused, reason: "casse.csv:2:3: not an amount\n  What to do: digits",
                                                                 at: fixture.runtime.clock.now())
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let response = try await client.execute(uri: "/health", method: .get, headers: browser.headers)
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains("ACME SAS"))
            #expect(!html.contains("Globex"))
            #expect(html.contains("mode relecture : rien n’est envoyé"))
            #expect(html.contains("à l’instant —"), "imported by the fixture at the clock's time")
            #expect(html.contains("en file 0") && !html.contains("queued 0"), "the outbox's states in the user's language")
            #expect(html.contains("Le fichier casse.csv a été refusé : casse.csv:2:3: not an amount</span><span class=\"line\">  What to do: digits"),
                    "the last import in the creditor's language, its line breaks as lines, not an escaped \\n")
            #expect(html.contains("Pas encore d’état"), "no daemon has written its status in this state folder")
        }
    }

    @Test("Mail lists a queued reminder, finds it by its recipient, opens it as text; another creditor's message is a 404")
    func mail() async throws {
        let fixture = try await ConsoleFixture()
        let store = fixture.runtime.store
        let acme = CreditorID("acme")!
        let receivable = try #require(try await store.openReceivables(of: acme).first)
        // The fixture's creditors are in review mode: its run stored the day's reminder awaiting approval, so this one takes a step of its own.
        let draft = MessageDraft(creditor: acme, customerID: receivable.customer.id, step: "test-step", plannedOn: CivilDate(iso8601: "2026-11-30")!,
                                 invoices: [InvoiceMention(invoiceID: receivable.invoiceID, step: "test-step", open: receivable.open)],
                                 to: receivable.customer.emails, cc: [])
        let id = try #require(try await store.enqueue(draft, at: fixture.runtime.clock.now()) { id in
            ComposedMail(messageID: "<relance.\(id)@acme.example>", envelopeFrom: EmailAddress("bounces@acme.example")!,
                         bytes: Array("Subject: Relance FA-1001\r\nContent-Type: text/html\r\n\r\n<p>Bonjour</p><img src=\"https://tracker.example/x.png\">\r\n".utf8))
        })
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let list = String(buffer: try await client.execute(uri: "/mail?q=martin%40client", method: .get, headers: browser.headers).body)
            #expect(list.contains("/mail/acme/sent/\(id)"))
            let none = String(buffer: try await client.execute(uri: "/mail?q=personne", method: .get, headers: browser.headers).body)
            #expect(!none.contains("/mail/acme/sent/\(id)"))
            let page = String(buffer: try await client.execute(uri: "/mail/acme/sent/\(id)", method: .get, headers: browser.headers).body)
            #expect(page.contains("Relance FA-1001") && page.contains("Bonjour"))
            #expect(!page.contains("tracker.example"), "shown as text: nothing to fetch")
            #expect(try await client.execute(uri: "/mail/globex/sent/\(id)", method: .get, headers: browser.headers).status == .notFound)
            // Steps, states and kinds in words, not the store's identifiers (the page read
            // « envoyé … first-reminder · awaiting-approval » for a reminder nobody had sent).
            let all = String(buffer: try await client.execute(uri: "/mail", method: .get, headers: browser.headers).body)
            #expect(all.contains("· relance</span>") && all.contains("première relance · mode relecture : à approuver</span>"), "\(all)")
            #expect(!all.contains("first-reminder") && !all.contains("awaiting-approval") && !all.contains("· envoyé</span>"))
            #expect(page.contains("<dd>test step · en file d’attente</dd>"), "\(page)")
            // A search in those words finds what they name (the store keeps codes: « première » found nothing).
            let inWords = String(buffer: try await client.execute(uri: "/mail?q=premi%C3%A8re", method: .get, headers: browser.headers).body)
            #expect(inWords.contains("première relance · mode relecture : à approuver</span>") && !inWords.contains("/mail/acme/sent/\(id)"))
            let byState = String(buffer: try await client.execute(uri: "/mail?q=en%20file", method: .get, headers: browser.headers).body)
            #expect(byState.contains("/mail/acme/sent/\(id)") && !byState.contains("première relance"))
        }
    }

    @Test("repeated wrong passwords throttle the user, even with the right one afterwards")
    func throttle() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application(throttle: .init(perUser: 3, perAddress: 50)).test(.router) { client in
            var browser = Browser()
            for _ in 0..<3 {
                let status = try await browser.login(client, user: "marie", password: "not the password")
                #expect(status == .unauthorized)
            }
            let throttled = try await browser.login(client, user: "marie")
            #expect(throttled == .tooManyRequests)
            #expect(browser.cookie == nil)
            let other = try await browser.login(client, user: "boss")
            #expect(other == .seeOther, "another user is not locked out")
        }
    }

    @Test("signing out ends the session")
    func logout() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/", method: .get, headers: browser.headers).body)
            let csrf = try #require(Browser.csrf(in: page))
            _ = try await client.execute(uri: "/logout", method: .post, headers: browser.formHeaders, body: Browser.form(["csrf": csrf]))
            #expect(try await client.execute(uri: "/", method: .get, headers: browser.headers).status == .seeOther)
        }
    }

    @Test("a removed user's session ends at the next request")
    func removedUser() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            _ = try await fixture.runtime.store.removeConsoleUser(named: "marie", at: Date())
            #expect(try await client.execute(uri: "/", method: .get, headers: browser.headers).status == .seeOther)
        }
    }

    @Test("only paths of this site are followed after login", arguments: [
        ("/customers", "/customers"), ("//evil.example", "/"), ("https://evil.example", "/"), ("/\\evil", "/"), (nil, "/"),
    ])
    func safeNext(raw: String?, expected: String) {
        #expect(LoginController.safeNext(raw) == expected)
    }

    @Test("a received message's kind and a sent reminder's state in words, French and English")
    func mailLabels() {
        let at = Date(timeIntervalSince1970: 0)
        func entry(_ what: MailLogEntry.What) -> MailLogEntry {
            MailLogEntry(what, id: 1, creditor: CreditorID("acme")!, customerCode: nil, customerName: nil, time: at, counterpart: "", raw: nil)
        }
        let french = ConsoleWording.french, english = ConsoleWording.english
        #expect(french.mailLabel(entry(.received(kind: "autoreply"))) == "réponse automatique")
        #expect(english.mailLabel(entry(.received(kind: "autoreply"))) == "auto-reply")
        #expect(french.mailLabel(entry(.reminder(step: "second-reminder", state: .sent))) == "deuxième relance · envoyée")
        #expect(french.mailDirection(entry(.reminder(step: "second-reminder", state: .sent))) == "envoyé")
        #expect(french.mailDirection(entry(.reminder(step: "second-reminder", state: .cancelled))) == "relance")
        #expect(french.mailLabel(entry(.reminder(step: "second-reminder", state: .sending))) == "deuxième relance · en cours d’envoi")
        #expect(english.mailLabel(entry(.reminder(step: "second-reminder", state: .sent))) == "second reminder · sent")
        #expect(french.mailDirection(entry(.received(kind: "reply"))) == "reçu")
    }
}
