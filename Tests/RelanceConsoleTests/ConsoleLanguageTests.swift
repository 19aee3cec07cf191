import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RelanceCore
import Testing
@testable import RelanceConsole

/// A browser's `Accept-Language`, read: the ranges Relance speaks, best weight first, then in the
/// header's order; `q=0`, `*` and other languages left out; a long header read only so far.
@Suite struct AcceptLanguageTests {
    @Test("ranges best first, among French and English")
    func ranges() {
        #expect(AcceptLanguage.preferred("fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7") == [.french, .english])
        #expect(AcceptLanguage.preferred("en-GB,en;q=0.9,fr;q=0.8") == [.english, .french])
        #expect(AcceptLanguage.preferred("de-DE, fr;q=0.5, en;q=0.7") == [.english, .french])
        #expect(AcceptLanguage.preferred("fr;q=0.5, en;q=0.5") == [.french, .english])
        #expect(AcceptLanguage.preferred("FR-ca") == [.french])
    }

    @Test("what is not a language Relance speaks, or not acceptable, is left out")
    func leftOut() {
        #expect(AcceptLanguage.preferred("fr;q=0, en") == [.english])
        #expect(AcceptLanguage.preferred("*, frr, de, english") == [])
        #expect(AcceptLanguage.preferred("") == [])
        // A weight that is not one counts as 1, as a range without a weight does.
        #expect(AcceptLanguage.preferred("fr;q=0.5, en;q=high") == [.english, .french])
    }

    @Test("a header is read up to its first 1,024 bytes and 32 ranges")
    func bounded() {
        let long = Array(repeating: "de", count: 100_000).joined(separator: ",") + ",en"
        #expect(AcceptLanguage.preferred(long) == [])
        let many = Array(repeating: "de", count: 40).joined(separator: ",") + ",en"
        #expect(many.utf8.count < AcceptLanguage.maximumLength)
        #expect(AcceptLanguage.preferred(many) == [])
        #expect(AcceptLanguage.preferred("de,en") == [.english])
    }
}

/// The console speaks a language of the creditors its user sees: a user of one creditor reads
/// that creditor's whatever the browser asks; a user of a French and an English creditor reads
/// the one the browser prefers (the first creditor's, French here, when it prefers neither).
@Suite struct ConsoleLanguageTests {
    private func page(_ client: some TestClientProtocol, _ uri: String, browser: Browser, language: String?) async throws -> String {
        var headers = browser.headers
        if let language { headers[.acceptLanguage] = language }
        return String(buffer: try await client.execute(uri: uri, method: .get, headers: headers).body)
    }

    @Test("a user of both creditors reads the browser's language; a user of one, that creditor's")
    func userOfBothCreditors() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var boss = Browser()
            #expect(try await boss.login(client, user: "boss") == .seeOther)
            let english = try await page(client, "/", browser: boss, language: "en-GB,en;q=0.9,fr;q=0.8")
            #expect(english.contains(#"<html lang="en">"#) && english.contains("Sign out"), "\(english)")
            let french = try await page(client, "/", browser: boss, language: "fr-FR,fr;q=0.9")
            #expect(french.contains(#"<html lang="fr">"#) && french.contains("Se déconnecter"), "\(french)")
            let neither = try await page(client, "/", browser: boss, language: "de-DE")
            #expect(neither.contains(#"<html lang="fr">"#), "\(neither)")

            var marie = Browser()
            #expect(try await marie.login(client, user: "marie") == .seeOther)
            let acmeOnly = try await page(client, "/", browser: marie, language: "en-GB,en")
            #expect(acmeOnly.contains(#"<html lang="fr">"#), "\(acmeOnly)")
        }
    }

    @Test("the sign-in page speaks the browser's language among the creditors'")
    func signInPage() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            let english = try await page(client, "/login", browser: Browser(), language: "en-US")
            #expect(english.contains(#"<html lang="en">"#), "\(english)")
            let french = try await page(client, "/login", browser: Browser(), language: nil)
            #expect(french.contains(#"<html lang="fr">"#), "\(french)")
        }
    }
}
