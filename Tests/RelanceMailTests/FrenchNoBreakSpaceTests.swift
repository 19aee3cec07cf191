import Foundation
import RelanceCore
import Testing
@testable import RelanceMail

/// French typography in what a debtor reads: a line must never break between « n° » and its
/// number, inside a long date (« 8 décembre 2026 ») or a half-year (« 1er semestre 2026 »), or inside « ». Every French step is rendered
/// from the shipped templates with the sample context (a letterhead, invoices, a credit, a
/// deadline, a broken promise), and its bodies are searched for those pieces joined by a plain
/// space — the templates write `n°&nbsp;` (HTML) or `n°` and U+00A0 (text), the formatters the rest.
@Suite("French templates: no-break spaces where a line must not break")
struct FrenchNoBreakSpaceTests {
    static let steps = ["courtesy-reminder", "first-reminder", "second-reminder", "final-reminder",
                        "formal-letter", "formal-notice", "registered-letter"]
    static let months = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    /// Pieces a plain space (U+0020) must not split; a lower-case word after « n° » is not a
    /// number (`n° de suivi`).
    static let breakable = [
        "n° [^a-z]", "(1er|[0-9]{1,2}) (\(months))", "(\(months)) [0-9]{4}", "« ", " »", "(1er|2e) semestre", "semestre [0-9]{4}",
    ]

    @Test("every French body joins n°, dates and guillemets with no-break spaces", arguments: steps)
    func frenchBodiesJoinWhatMustNotBreak(step: String) throws {
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        let rendered = try renderer.render(step, language: .french, context: .sample(language: .french))
        let html = try #require(rendered.html)
        for (name, body) in [("text", rendered.text), ("html", html)] {
            for pattern in Self.breakable {
                let found = body.firstMatch(of: try Regex(pattern)).map { String(body[$0.range]) }
                #expect(found == nil, "\(step) \(name): « \(found ?? "") » can break across two lines")
            }
        }
    }

    /// What the search above would miss if nothing were written at all: a letter's letterhead,
    /// invoices and dates do carry the no-break spaces, in the text and in the HTML.
    @Test("a French letter carries the no-break spaces in its text and its HTML")
    func aFrenchLetterCarriesTheNoBreakSpaces() throws {
        let renderer = try TemplateRenderer(files: try OutboundSupport.shippedTemplates())
        let rendered = try renderer.render("formal-notice", language: .french, context: .sample(language: .french))
        let html = try #require(rendered.html)
        #expect(rendered.text.contains("n°\u{00A0}C042"), "\(rendered.text)")
        #expect(html.contains("n°&nbsp;C042"), "\(html)")
        for body in [rendered.text, html] {
            #expect(body.contains("8\u{00A0}décembre\u{00A0}2026"), "\(body)")
            // The sample's rate and its missing rate name their half-years.
            #expect(body.contains("2e\u{00A0}semestre\u{00A0}2026") && body.contains("1er\u{00A0}semestre\u{00A0}2027"), "\(body)")
            #expect(!body.contains("&amp;nbsp;") && !body.contains("\\u{00A0}"), "\(body)")
        }
    }
}
