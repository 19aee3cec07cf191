import Foundation
import Hummingbird
import HummingbirdTesting
import RelanceConsole
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

/// A dispute recorded on a task (closed with it) is ended from the customer's page (#13): the
/// outcome `dispute-resolved` on that task, the path of `relance resume --invoice` and of a reply.
@Suite("Console: a disputed invoice back on the ladder")
struct ConsoleDisputeResolvedTests {
    @Test("the customer's page offers 'Litige résolu' on a disputed invoice; pressed, the dispute ends through the outcome path")
    func disputeResolvedFromTheCustomersPage() async throws {
        let fixture = try await ConsoleFixture()
        let acme = CreditorID("acme")!
        let store = fixture.runtime.store
        let invoice = try #require(try await store.openReceivables(of: acme).first { $0.number == "FA-1001" })
        // The fixture's call (no invoice) is closed first: one open call per customer.
        try await PeopleActions(runtime: fixture.runtime).recordOutcome(.cancelled(reason: "—"), onTask: fixture.callTask, by: "test", channel: .cli)
        let task = try await store.openTask(NewTask(creditor: acme, customerID: invoice.customer.id, kind: .call, title: "Appeler Boulangerie Martin",
                                                    dedupKey: "test-dispute-call", invoiceIDs: [invoice.invoiceID]), at: fixture.runtime.clock.now()).id
        try await fixture.application().test(.router) { client in
            var marie = Browser()
            _ = try await marie.login(client, user: "marie")
            let today = String(buffer: try await client.execute(uri: "/", method: .get, headers: marie.headers).body)
            let csrf = try #require(Browser.csrf(in: today))
            let disputed = try await client.execute(uri: "/tasks/\(task)/close", method: .post, headers: marie.formHeaders,
                                                    body: Browser.form(["outcome": "dispute", "invoice": "FA-1001", "note": "livraison incomplète",
                                                                        "csrf": csrf]))
            #expect(disputed.status == .seeOther, "\(String(buffer: disputed.body))")
            #expect(try await store.disputedInvoices(of: acme) == [invoice.invoiceID])

            let page = String(buffer: try await client.execute(uri: "/customers/acme/C001", method: .get, headers: marie.headers).body)
            #expect(page.contains("contestée") && page.contains("Litige résolu") && page.contains("/customers/acme/C001/dispute-resolved"))
            // scripts/render-digest-lists.sh pictures the page, its stylesheet inlined.
            if let folder = ProcessInfo.processInfo.environment["RELANCE_SCREENSHOT_FOLDER"] {
                let css = String(buffer: try await client.execute(uri: "/static/console.css", method: .get, headers: marie.headers).body)
                let standalone = page.replacingOccurrences(of: #"<link rel="stylesheet" href="/static/console.css">"#, with: "<style>\(css)</style>")
                try Data(standalone.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("customer-disputed-fr.html"))
            }
            // Another creditor's invoice, or one not of this customer, is not confirmed to exist.
            let foreign = try await client.execute(uri: "/customers/acme/C001/dispute-resolved", method: .post, headers: marie.formHeaders,
                                                   body: Browser.form(["invoice": "INV-77", "csrf": csrf]))
            #expect(foreign.status == .notFound)
            let resolved = try await client.execute(uri: "/customers/acme/C001/dispute-resolved", method: .post, headers: marie.formHeaders,
                                                    body: Browser.form(["invoice": "FA-1001", "csrf": csrf]))
            #expect(resolved.status == .seeOther)
            #expect(try await store.disputedInvoices(of: acme).isEmpty)
            // Recorded on the task that noted the dispute, by the user, from the console.
            let journal = try await store.recentEvents(of: acme, limit: 20).map(\.event)
            #expect(journal.contains { $0.kind == "invoice.dispute-resolved" && $0.summary.contains("tâche n°\u{00A0}\(task)") }, "\(journal.map(\.summary))")
            #expect(journal.contains { $0.summary.contains("enregistré par marie (console)") && $0.summary.contains("litige résolu") },
                    "\(journal.map(\.summary))")
            let after = String(buffer: try await client.execute(uri: "/customers/acme/C001", method: .get, headers: marie.headers).body)
            #expect(!after.contains("/dispute-resolved"))
            // Nothing left to resolve: pressed again (a stale page), nothing is confirmed.
            let again = try await client.execute(uri: "/customers/acme/C001/dispute-resolved", method: .post, headers: marie.formHeaders,
                                                 body: Browser.form(["invoice": "FA-1001", "csrf": csrf]))
            #expect(again.status == .notFound)
        }
    }
}
