import Foundation
import Hummingbird
import HummingbirdTesting
import RelanceCore
import Testing

/// The imports page: history with refusals explained, held snapshots confirmed or rejected by
/// `PeopleActions`, and an upload that lands in the drop folder for the intake to read.
@Suite("Web console imports")
struct ConsoleImportsTests {
    static func multipart(_ fields: [String: String], file: (name: String, content: String)?, boundary: String = "RelanceTestBoundary") -> ByteBuffer {
        var body = ""
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n\(file.content)\r\n"
        }
        return ByteBuffer(string: body + "--\(boundary)--\r\n")
    }

    static func multipartHeaders(_ browser: Browser) -> HTTPFields {
        var fields = browser.headers
        fields[.contentType] = "multipart/form-data; boundary=RelanceTestBoundary"
        return fields
    }

    static let export = """
        customer;name;email;invoice;issue_date;due_date;amount
        C001;Boulangerie Martin;martin@client.example;FA-1001;2026-09-01;2026-10-01;1092.00
        C002;Dupont SARL;compta@dupont.example;FA-1002;2026-10-15;2026-11-15;240.00

        """

    @Test("an uploaded export goes into the drop folder, is read by the intake and listed; without the form token it is refused")
    func upload() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/imports", method: .get, headers: browser.headers).body)
            #expect(page.contains(#"enctype="multipart/form-data""#))
            let csrf = try #require(Browser.csrf(in: page))

            let forged = try await client.execute(uri: "/imports/upload", method: .post, headers: Self.multipartHeaders(browser),
                                                  body: Self.multipart(["creditor": "acme", "csrf": "nope"], file: ("novembre.csv", Self.export)))
            #expect(forged.status == .forbidden)
            let otherCreditor = try await client.execute(uri: "/imports/upload", method: .post, headers: Self.multipartHeaders(browser),
                                                         body: Self.multipart(["creditor": "globex", "csrf": csrf], file: ("novembre.csv", Self.export)))
            #expect(otherCreditor.status == .notFound)
            let drop = fixture.workspace.url("drop/acme")
            #expect(!FileManager.default.fileExists(atPath: drop.appendingPathComponent("novembre.csv").path))

            let accepted = try await client.execute(uri: "/imports/upload", method: .post, headers: Self.multipartHeaders(browser),
                                                    body: Self.multipart(["creditor": "acme", "csrf": csrf], file: ("../../novembre.csv", Self.export)))
            #expect(accepted.status == .seeOther)
            #expect(FileManager.default.fileExists(atPath: drop.appendingPathComponent("novembre.csv").path), "the last name only, in the creditor's folder")

            let report = try await fixture.runtime.creditors.first { $0.configuration.id.rawValue == "acme" }!.intake.scan()
            #expect(report.imported.map(\.file) == ["novembre.csv"])
            let after = String(buffer: try await client.execute(uri: "/imports", method: .get, headers: browser.headers).body)
            #expect(after.contains("novembre.csv"))
            #expect(after.contains("appliqué"))
            let journal = try await fixture.runtime.store.recentEvents(of: nil, limit: 30)
            #expect(journal.contains { $0.event.kind == "import.uploaded" && $0.event.summary.contains("déposé dans le dossier de dépôt par marie") })
        }
    }

    @Test("a refused file is listed with its explanation")
    func refused() async throws {
        let fixture = try await ConsoleFixture()
        try fixture.workspace.write("drop/acme/cassé.csv", """
            customer;name;email;invoice;issue_date;due_date;amount
            C001;Boulangerie Martin;martin@client.example;FA-1003;2026-09-01;2026-10-01;mille euros
            """)
        _ = try await fixture.runtime.runOnce()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/imports", method: .get, headers: browser.headers).body)
            #expect(page.contains("cassé.csv"))
            #expect(page.contains("refusé"))
            #expect(page.contains("<pre>"))
            #expect(!page.contains("<pre></pre>"), "an applied import has no explanation to show")
        }
    }

    @Test("a held snapshot is rejected with a reason, by the user's name; another creditor's is a 404")
    func rejectHeld() async throws {
        let fixture = try await ConsoleFixture()
        // FA-1001 missing: the export would settle all that is open, so it is held.
        try fixture.workspace.write("drop/acme/partiel.csv", """
            customer;name;email;invoice;issue_date;due_date;amount
            C002;Dupont SARL;compta@dupont.example;FA-1002;2026-10-15;2026-11-15;240.00
            """)
        _ = try await fixture.runtime.runOnce()
        let held = try #require(try await fixture.runtime.store.heldImports(of: nil).first)
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/imports", method: .get, headers: browser.headers).body)
            #expect(page.contains("partiel.csv"))
            let csrf = try #require(Browser.csrf(in: page))
            let wrong = try await client.execute(uri: "/imports/globex/\(held.importID)/reject", method: .post, headers: browser.formHeaders,
                                                 body: Browser.form(["csrf": csrf]))
            #expect(wrong.status == .notFound)
            let rejected = try await client.execute(uri: "/imports/acme/\(held.importID)/reject", method: .post, headers: browser.formHeaders,
                                                    body: Browser.form(["csrf": csrf, "reason": "export tronqué"]))
            #expect(rejected.status == .seeOther)
            #expect(try await fixture.runtime.store.heldImports(of: nil).isEmpty)
            #expect(try await fixture.runtime.store.openReceivables(of: CreditorID("acme")!).map(\.number) == ["FA-1001"])
            let record = try await fixture.runtime.store.importHistory(of: nil, limit: 10).first { $0.importID == held.importID }
            #expect(record?.error == "Refusé par marie : export tronqué")
        }
    }
}
