import Foundation
import Hummingbird
import HummingbirdTesting
import RelanceConsole
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

/// Review mode's approvals, a person's do-not-remind, sessions kept in the store and Health's
/// times, through the console's routes. The fixture's creditors are in review mode (no `active`):
/// its first run stored each customer's reminder awaiting approval.
@Suite struct ConsoleReviewRouteTests {
    @Test("Today shows a review-mode reminder as text with Approve; approving needs the form token, another creditor's is a 404, and it is queued in the user's name")
    func approve() async throws {
        let fixture = try await ConsoleFixture()
        let store = fixture.runtime.store
        let waiting = try await store.messagesToReview(of: nil)
        let acme = try #require(waiting.first { $0.creditor.rawValue == "acme" })
        let globex = try #require(waiting.first { $0.creditor.rawValue == "globex" })
        #expect(acme.state == .awaitingApproval && globex.state == .awaitingApproval)
        // The review folder still gets its file, as before.
        let files = try FileManager.default.subpathsOfDirectory(atPath: fixture.workspace.url("review/acme").path)
        #expect(files.contains { $0.hasSuffix(".eml") })
        try await fixture.application().test(.router) { client in
            var marie = Browser()
            _ = try await marie.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/", method: .get, headers: marie.headers).body)
            #expect(page.contains("id=\"message-\(acme.id)\"") && !page.contains("id=\"message-\(globex.id)\""))
            #expect(page.contains("Approuver et envoyer") && page.contains("mode relecture : à approuver"))
            #expect(page.contains("FA-1001"), "the text part is shown")
            let csrf = try #require(Browser.csrf(in: page))
            #expect(try await client.execute(uri: "/messages/\(acme.id)/send", method: .post, headers: marie.formHeaders,
                                             body: Browser.form([:])).status == .forbidden)
            #expect(try await client.execute(uri: "/messages/\(globex.id)/send", method: .post, headers: marie.formHeaders,
                                             body: Browser.form(["csrf": csrf])).status == .notFound)
            let approved = try await client.execute(uri: "/messages/\(acme.id)/send", method: .post, headers: marie.formHeaders,
                                                    body: Browser.form(["csrf": csrf]))
            #expect(approved.status == .seeOther)
            #expect(try await store.outboxCounts()[.queued] == 1)
            let events = try await store.events(ofCustomer: acme.customerID).map(\.event)
            #expect(events.contains { $0.kind == "message.approved" && $0.summary.contains("marie") })

            var boss = Browser()
            _ = try await boss.login(client, user: "boss")
            let bossPage = String(buffer: try await client.execute(uri: "/", method: .get, headers: boss.headers).body)
            let bossCSRF = try #require(Browser.csrf(in: bossPage))
            #expect(bossPage.contains("id=\"message-\(globex.id)\""))
            #expect(try await client.execute(uri: "/messages/\(globex.id)/skip", method: .post, headers: boss.formHeaders,
                                             body: Browser.form(["csrf": bossCSRF])).status == .seeOther)
            #expect(try await store.outboxCounts()[.cancelled] == 1)
            #expect(try await store.messagesToReview(of: nil).isEmpty)
        }
    }

    @Test("do-not-remind from the customer page: needs the form token and a reason, 404 for another creditor's customer, held by the planner in French, removable")
    func doNotRemind() async throws {
        let fixture = try await ConsoleFixture()
        let store = fixture.runtime.store
        let acme = try #require(fixture.runtime.creditors.first { $0.configuration.id.rawValue == "acme" })
        let customer = try #require(try await store.customerID(external: "C001", of: acme.configuration.id))
        try await fixture.application().test(.router) { client in
            var marie = Browser()
            _ = try await marie.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/customers/acme/C001", method: .get, headers: marie.headers).body)
            #expect(page.contains("Ne plus relancer ce client"))
            let csrf = try #require(Browser.csrf(in: page))
            #expect(try await client.execute(uri: "/customers/acme/C001/do-not-remind", method: .post, headers: marie.formHeaders,
                                             body: Browser.form(["reason": "liquidation"])).status == .forbidden)
            #expect(try await client.execute(uri: "/customers/globex/G001/do-not-remind", method: .post, headers: marie.formHeaders,
                                             body: Browser.form(["csrf": csrf, "reason": "liquidation"])).status == .notFound)
            let empty = try await client.execute(uri: "/customers/acme/C001/do-not-remind", method: .post, headers: marie.formHeaders,
                                                 body: Browser.form(["csrf": csrf, "reason": "  "]))
            #expect(empty.status == .badRequest && String(buffer: empty.body).contains("motif"))
            #expect(try await client.execute(uri: "/customers/acme/C001/do-not-remind", method: .post, headers: marie.formHeaders,
                                             body: Browser.form(["csrf": csrf, "reason": "client en liquidation"])).status == .seeOther)
            let marked = String(buffer: try await client.execute(uri: "/customers/acme/C001", method: .get, headers: marie.headers).body)
            #expect(marked.contains("Marqué «\u{00A0}ne pas relancer\u{00A0}» par marie le 30/11/2026 : client en liquidation"))
            #expect(marked.contains("Relancer à nouveau"))
            // Later, when the ladder would have the next step due: the person's flag holds it, in the creditor's words.
            let plan = try await acme.scheduler.plan(on: CivilDate(iso8601: "2027-02-01")!)
            let held = try #require(plan.decisions.first { $0.customer == "C001" && $0.rule == .doNotRemind })
            #expect(held.reason == "marqué «\u{00A0}ne pas relancer\u{00A0}» par marie le 30/11/2026 (client en liquidation)")
            #expect(!plan.contacts.contains { $0.customer.externalID == "C001" })
            #expect(try await client.execute(uri: "/customers/acme/C001/do-not-remind/remove", method: .post, headers: marie.formHeaders,
                                             body: Browser.form(["csrf": csrf])).status == .seeOther)
            #expect(try await store.doNotRemind(customerID: customer) == nil)
            let kinds = try await store.events(ofCustomer: customer).map(\.event.kind)
            #expect(kinds.contains("customer.do-not-remind") && kinds.contains("customer.do-not-remind-removed"))
        }
    }

    @Test("a session outlives the console's restart; the store keeps the token's hash, never the token")
    func sessionsSurviveARestart() async throws {
        let fixture = try await ConsoleFixture()
        let marie = try await fixture.application().test(.router) { client in
            var marie = Browser()
            _ = try await marie.login(client, user: "marie")
            #expect(try await client.execute(uri: "/", method: .get, headers: marie.headers).status == .ok)
            return marie
        }
        let token = try #require(marie.cookie?.split(separator: "=", maxSplits: 1).last.map(String.init))
        #expect(try await fixture.runtime.store.consoleSession(tokenSHA256: token, now: Date()) == nil)
        // A second application over the same store: the daemon restarted.
        try await fixture.application().test(.router) { client in
            #expect(try await client.execute(uri: "/", method: .get, headers: marie.headers).status == .ok)
            let page = String(buffer: try await client.execute(uri: "/", method: .get, headers: marie.headers).body)
            let csrf = try #require(Browser.csrf(in: page))
            #expect(try await client.execute(uri: "/logout", method: .post, headers: marie.formHeaders, body: Browser.form(["csrf": csrf])).status == .seeOther)
            #expect(try await client.execute(uri: "/", method: .get, headers: marie.headers).status == .seeOther)
        }
    }

    @Test("Health's times follow the runtime's clock (relance run --now), not the machine's")
    func healthUnderInjectedClock() async throws {
        let fixture = try await ConsoleFixture()
        let health = ServiceHealth(file: fixture.workspace.url("state/status.json"), clock: fixture.runtime.clock)
        await health.succeeded("planner", note: .planned(hour: 10, minute: 0, queued: 3))
        await health.succeeded("digest", note: .digestsSent(2))
        let snapshot = await health.snapshot()
        #expect(snapshot.startedAt == fixture.runtime.clock.now() && snapshot.updatedAt == fixture.runtime.clock.now())
        try await fixture.application().test(.router) { client in
            var marie = Browser()
            _ = try await marie.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/health", method: .get, headers: marie.headers).body)
            #expect(page.contains("30/11/2026 à 10\u{00A0}h\u{00A0}00"))
            // Each service's note in the creditor's words (#13), never the daemon's English.
            #expect(page.contains("Planification") && page.contains("planifié à 10\u{00A0}h\u{00A0}00, 3 messages en file"))
            #expect(page.contains("2 points quotidiens envoyés") && !page.contains("digest(s)") && !page.contains("queued"))
        }
    }

    @Test("A status.json written when notes were English lines still reads, without its note")
    func healthReadsAnOlderStatusFile() throws {
        let workspace = try TemporaryWorkspace("relance-status")
        try workspace.write("status.json", """
            {"pid": 12, "startedAt": "2026-11-30T09:00:00Z", "updatedAt": "2026-11-30T09:00:00Z",
             "services": {"digest": {"lastSuccess": "2026-11-30T09:00:00Z", "consecutiveFailures": 0, "ticks": 3, "note": "1 digest(s) sent"}}}
            """)
        let snapshot = try #require(ServiceHealth.read(from: workspace.url("status.json")))
        #expect(snapshot.services["digest"]?.ticks == 3 && snapshot.services["digest"]?.note == nil)
    }
}
