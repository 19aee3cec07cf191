import Foundation
import Hummingbird
import Mustache
import NIOCore
import RelanceCore

/// Renders the console's pages: each page's Mustache template, inside the one layout. Values are
/// HTML-escaped by Mustache (`{{…}}`); only the rendered body goes in unescaped.
struct ConsolePage: Sendable {
    private let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        MustacheContentTypes.register(ConsoleHTMLEscape(), named: ConsoleHTMLEscape.name)
        for (name, source) in ConsoleTemplates.all {
            // The templates are part of the program: a syntax error is a bug caught by the tests.
            library.register(try! MustacheTemplate(string: ConsoleHTMLEscape.pragma + source), named: name)
        }
        self.library = library
    }

    /// A full page for a signed-in user (`session` gives the sign-out form its token) or the login page.
    func render(_ template: String, title: String, words: ConsoleWording, session: ConsoleSession?, user: String?,
                context: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        var values = Self.withoutEmptyText(context)
        values["w"] = Self.wordsContext(words)
        values["csrf"] = session?.csrf ?? ""
        let body = library.render(values, withTemplate: template) ?? ""
        let page: [String: Any] = ["w": Self.wordsContext(words), "title": title, "body": body, "signedIn": session != nil,
                                   "csrf": session?.csrf ?? "", "user": user ?? ""]
        let html = library.render(page, withTemplate: "layout") ?? body
        return Self.html(html, status: status)
    }

    /// Mustache counts an empty string as true in `{{#key}}…{{/key}}`: empty text is removed, so
    /// that a section shows only when there is something to show (`{{key}}` of a missing key is empty anyway).
    static func withoutEmptyText(_ values: [String: Any]) -> [String: Any] {
        func clean(_ value: Any) -> Any? {
            switch value {
            case let text as String: return text.isEmpty ? nil : text
            case let dictionary as [String: Any]: return withoutEmptyText(dictionary)
            case let list as [[String: Any]]: return list.map(withoutEmptyText)
            case let list as [[String: String]]: return list.map { withoutEmptyText($0) }
            default: return value
            }
        }
        return values.compactMapValues(clean)
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// An error page that needs no session and no store: what the gate and handlers throw.
    static func errorPage(status: HTTPResponse.Status, message: String) -> Response {
        let text = message.isEmpty ? "\(status.code) \(status.reasonPhrase)" : message
        let escaped = AgedBalanceHTML.escapeText(text)
        return html("""
            <!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Relance</title><link rel="stylesheet" href="/static/console.css"></head>
            <body><main class="narrow"><h1>\(status.code)</h1><p>\(escaped)</p><p><a href="/">Relance</a></p></main></body></html>
            """, status: status)
    }

    private static func wordsContext(_ words: ConsoleWording) -> [String: Any] {
        var result: [String: Any] = [:]
        for child in Mirror(reflecting: words).children {
            if let label = child.label, let text = child.value as? String { result[label] = text }
        }
        result["outcomes"] = words.outcomes.map { ["code": $0.code, "label": $0.label] }
        result["previousPage"] = words.previousPage
        result["nextPage"] = words.nextPage
        result["backToToday"] = words.backToToday
        result["colon"] = words.colon
        result.merge(words.reviewWords) { current, _ in current }
        result.merge(words.disputeWords) { current, _ in current }
        return result
    }
}
