import Foundation
import Hummingbird
import HummingbirdTesting
import RelanceCore
import RelanceTesting
import Testing
@testable import RelanceConsole

/// #13, "French throughout": an import's warnings reach the console's Imports page in the
/// creditor's language, and a journal line's code spans read plainly.
@Suite("Web console import warnings")
struct ConsoleImportWarningsTests {
    /// Dates that never show a day above 12 (a guess), a name with a line break (cleaned), an
    /// email cell that is not a list (not used): three warnings, worded for ACME (French).
    static let export = """
        Code client;Nom;Courriel;N° facture;Date facture;Échéance;Reste dû
        C001;Boulangerie Martin;martin@client.example;FA-1001;01/09/2026;01/10/2026;1092,00
        C003;"Dupont
        SA";compta@dupont.example compta2@dupont.example;FA-1004;03/10/2026;02/11/2026;240,00

        """

    @Test("the Imports page lists a file's warnings in French for a French creditor")
    func warningsInFrench() async throws {
        let fixture = try await ConsoleFixture()
        try fixture.workspace.write("drop/acme/decembre.csv", Self.export)
        _ = try await fixture.runtime.runOnce()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/imports", method: .get, headers: browser.headers).body)
            #expect(page.contains("3 avertissements"), "\(page)")
            #expect(page.contains("jour d&#39;abord (JJ/MM)") || page.contains("jour d'abord (JJ/MM)"), "\(page)")
            #expect(page.contains("decembre.csv, ligne 3, caractère 6 : le nom du client de la colonne «\u{00A0}Nom\u{00A0}» contenait des caractères de contrôle (Dupont\\nSA)"),
                    "\(page)")
            #expect(page.contains("la cellule de courriel de la colonne «\u{00A0}Courriel\u{00A0}»"), "\(page)")
            let warnings = page.components(separatedBy: "<details class=\"warnings\">").dropFirst().first ?? ""
            let list = warnings.components(separatedBy: "</details>").first ?? ""
            let text = list.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            #expect(LanguageLeaks.englishIn(text).isEmpty, "\(text)")
            // scripts/render-digest-lists.sh pictures the page, its stylesheet inlined.
            if let folder = ProcessInfo.processInfo.environment["RELANCE_SCREENSHOT_FOLDER"] {
                let css = String(buffer: try await client.execute(uri: "/static/console.css", method: .get, headers: browser.headers).body)
                let opened = page.replacingOccurrences(of: "<details class=\"warnings\">", with: "<details class=\"warnings\" open>")
                let standalone = opened.replacingOccurrences(of: #"<link rel="stylesheet" href="/static/console.css">"#, with: "<style>\(css)</style>")
                try Data(standalone.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("imports-warnings-fr.html"))
            }
        }
        let journal = try await fixture.runtime.store.recentEvents(of: CreditorID("acme")!, limit: 50)
        let lines = journal.filter { $0.event.kind == "import.warning" }.map(\.event.summary)
        #expect(lines.count == 3, "\(lines)")
        for line in lines { #expect(LanguageLeaks.englishIn(line).isEmpty, "\(line)") }
    }

    @Test("a refused outcome shows the worded refusal, not its internal code")
    func refusalWithoutCode() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            _ = try await browser.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/", method: .get, headers: browser.headers).body)
            let csrf = try #require(Browser.csrf(in: page))
            // A call task cannot be "posted": only letters are.
            let refused = try await client.execute(uri: "/tasks/\(fixture.callTask)/close", method: .post, headers: browser.formHeaders,
                                                   body: Browser.form(["outcome": "letter-posted", "date": "2026-11-30", "csrf": csrf]))
            #expect(refused.status == .badRequest)
            let body = String(buffer: refused.body)
            #expect(!body.contains("[outcome-not-for-task]") && !body.contains("outcome-not-for-task"), "\(body)")
            #expect(body.contains("\(fixture.callTask)"), "\(body)")
        }
    }

    @Test("a journal line's code spans read plainly on a page; a lone backtick stays")
    func codeSpansReadPlainly() {
        #expect(JournalLines.plain("RETENU : `relance import confirm 12` l'applique") == "RETENU : relance import confirm 12 l'applique")
        #expect(JournalLines.plain("Client l`Atelier") == "Client l`Atelier")
    }
}
