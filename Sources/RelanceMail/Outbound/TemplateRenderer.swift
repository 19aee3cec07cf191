import Foundation

public import RelanceCore
import Mustache

/// A reminder rendered for one customer: subject (one line), plain text, optional HTML.
public struct RenderedReminder: Sendable, Hashable {
    public var subject: String
    public var text: String
    public var html: String?

    public init(subject: String, text: String, html: String? = nil) {
        self.subject = subject
        self.text = text
        self.html = html
    }
}

/// Renders the Mustache templates of `mail-templates/` into a `RenderedReminder`.
///
/// Files: `<lang>/<name>.subject.mustache`, `<lang>/<name>.text.mustache`,
/// `<lang>/<name>.html.mustache` (optional) and partials `<lang>/partials/<p>.text.mustache` /
/// `.html.mustache`, included as `{{> partials/<p>}}` and taken from the same format.
/// Loading is the caller's I/O: pass every file as relative path → contents.
///
/// Escaping: swift-mustache HTML-escapes `{{x}}` by default and resets to HTML inside
/// partials. Subjects and text parts must not be escaped (`L'Oréal & Fils` must not become
/// `L&#39;Oréal &amp; Fils` in a mail client), so the renderer puts the
/// `{{% CONTENT_TYPE: TEXT }}` pragma at the top of every subject, text and text-partial
/// template; HTML templates keep the default escaping, and the checker refuses `{{{x}}}`
/// in them. Template authors write `{{x}}` everywhere.
public struct TemplateRenderer: Sendable {
    enum Format: String, CaseIterable, Sendable {
        case subject, text, html
    }

    /// Per language: the text library (subjects, text bodies, text partials) and the HTML one.
    private let textLibraries: [Language: MustacheLibrary]
    private let htmlLibraries: [Language: MustacheLibrary]

    /// The pragma line the renderer adds to text templates; standalone, so it leaves no blank line.
    static let textPragma = "{{% CONTENT_TYPE: TEXT }}\n"

    /// Parses every `.mustache` file of `files`; throws with every syntax problem found.
    /// Other files (README.md…) are ignored. CRLF in template files is read as LF.
    public init(files: [String: String]) throws(TemplateError) {
        var text: [Language: MustacheLibrary] = [:]
        var html: [Language: MustacheLibrary] = [:]
        var problems: [TemplateProblem] = []
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            guard let file = TemplateFile(path: path) else { continue }
            let source = TemplateFile.normalized(contents)
            let isText = file.format != .html
            do {
                let template = try MustacheTemplate(string: isText ? Self.textPragma + source : source)
                if isText {
                    text[file.language, default: MustacheLibrary()].register(template, named: file.libraryKey)
                } else {
                    html[file.language, default: MustacheLibrary()].register(template, named: file.libraryKey)
                }
            } catch let error as MustacheTemplate.ParserError {
                problems.append(TemplateProblem(code: .syntax, file: path,
                                                line: error.context.lineNumber - (isText ? 1 : 0), column: error.context.columnNumber,
                                                message: "Mustache cannot parse this template (\(error.error)); check that every section {{#x}} is closed by {{/x}} and every tag by }}"))
            } catch {
                problems.append(TemplateProblem(code: .syntax, file: path, message: "Mustache cannot parse this template: \(error)"))
            }
        }
        guard problems.isEmpty else { throw TemplateError(problems: problems) }
        self.textLibraries = text
        self.htmlLibraries = html
    }

    /// The languages that have both a subject and a text template called `name`.
    public func languages(for name: String) -> [Language] {
        Language.allCases.filter { language in
            textLibraries[language]?.getTemplate(named: "\(name).subject") != nil
                && textLibraries[language]?.getTemplate(named: "\(name).text") != nil
        }
    }

    /// The first of `preferences` (customer's language, then creditor's…) that has `name`.
    public func language(for name: String, preferring preferences: [Language]) -> Language? {
        let available = Set(languages(for: name))
        return preferences.first(where: available.contains)
    }

    /// Renders `name` in `language`. The subject comes back as one line: any line break a
    /// value or the template put in it is collapsed to a space, so it can never add a header.
    public func render(_ name: String, language: Language, context: ReminderContext) throws(TemplateError) -> RenderedReminder {
        guard let library = textLibraries[language],
              let subjectTemplate = library.getTemplate(named: "\(name).subject"),
              let textTemplate = library.getTemplate(named: "\(name).text")
        else {
            let base = "\(language.rawValue)/\(name)"
            throw TemplateError(problems: [TemplateProblem(code: .missingTemplate, file: "\(base).text.mustache",
                                                           message: "no template '\(name)' in \(language.rawValue): \(base).subject.mustache and \(base).text.mustache are both required")])
        }
        let value = context.templateValue
        let htmlLibrary = htmlLibraries[language]
        return RenderedReminder(
            subject: Self.singleLine(subjectTemplate.render(value, library: library)),
            text: textTemplate.render(value, library: library),
            html: htmlLibrary?.getTemplate(named: "\(name).html")?.render(value, library: htmlLibrary)
        )
    }

    /// Every control character and run of white space becomes one space; ends trimmed.
    static func singleLine(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || HeaderText.isForbidden(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.unicodeScalars.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

/// A template file's place in the layout, read from its relative path.
struct TemplateFile: Hashable, Sendable {
    let path: String
    let language: Language
    /// `first-reminder`, or `partials/invoices` for a partial.
    let name: String
    let format: TemplateRenderer.Format

    var isPartial: Bool { name.hasPrefix("partials/") }
    /// The name swift-mustache knows it by: partials by the name `{{> …}}` uses.
    var libraryKey: String { isPartial ? name : "\(name).\(format.rawValue)" }

    /// Nil for anything that is not `<lang>/<name>.<format>.mustache` or `<lang>/partials/<name>.<text|html>.mustache`.
    init?(path: String) {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count == 2 || (components.count == 3 && components[1] == "partials"),
              let language = Language(rawValue: String(components[0])),
              components.last!.hasSuffix(".mustache")
        else { return nil }
        let parts = components.last!.dropLast(".mustache".count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let format = TemplateRenderer.Format(rawValue: String(parts[1])) else { return nil }
        if components.count == 3, format == .subject { return nil }
        self.path = path
        self.language = language
        self.name = components.count == 3 ? "partials/\(parts[0])" : String(parts[0])
        self.format = format
    }

    init(language: Language, name: String, format: TemplateRenderer.Format) {
        self.language = language
        self.name = name
        self.format = format
        self.path = "\(language.rawValue)/\(name).\(format.rawValue).mustache"
    }

    /// Template files may come from an editor on Windows.
    static func normalized(_ contents: String) -> String {
        contents.replacingOccurrences(of: "\r\n", with: "\n")
    }
}
