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
/// Each file is parsed once at load by swift-mustache's parser (its syntax errors, with line
/// and column, are the ones reported) and compiled by `TemplateCompiler`; reminders are
/// rendered by `TemplateEngine` from the typed `ReminderContext.templateContext`, as
/// swift-mustache rendered them, without its dynamic casts (issue #17: they were most of the
/// composition time of a reminder).
///
/// Escaping: `{{x}}` is HTML-escaped in HTML templates and partials. Subjects and text parts
/// must not be escaped (`L'Oréal & Fils` must not become `L&#39;Oréal &amp; Fils` in a mail
/// client): subject, text and text-partial templates start with the TEXT content type, which
/// swift-mustache's `{{% CONTENT_TYPE: TEXT }}` pragma gave them before. The checker refuses
/// `{{{x}}}` in HTML templates. Template authors write `{{x}}` everywhere.
public struct TemplateRenderer: Sendable {
    enum Format: String, CaseIterable, Sendable {
        case subject, text, html
    }

    /// Per language: the text library (subjects, text bodies, text partials) and the HTML one,
    /// by the name a partial tag or `render` uses (`first-reminder.text`, `partials/invoices`).
    private let textLibraries: [Language: TemplateEngine]
    private let htmlLibraries: [Language: TemplateEngine]
    /// Per language, the steps that have a subject and a text template, with their compiled
    /// templates: found by one lookup per reminder, not three lookups of interpolated names.
    private let steps: [Language: [String: Step]]

    private struct Step: Sendable {
        let subject: [TemplateNode]
        let text: [TemplateNode]
        let html: [TemplateNode]?
    }

    /// The pragma line that gives swift-mustache's parser a text template as the renderer reads
    /// it; standalone, so it leaves no blank line.
    static let textPragma = "{{% CONTENT_TYPE: TEXT }}\n"

    /// Parses every `.mustache` file of `files`; throws with every syntax problem found.
    /// Other files (README.md…) are ignored. CRLF in template files is read as LF.
    public init(files: [String: String]) throws(TemplateError) {
        var text: [Language: [String: [TemplateNode]]] = [:]
        var html: [Language: [String: [TemplateNode]]] = [:]
        var problems: [TemplateProblem] = []
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            guard let file = TemplateFile(path: path) else { continue }
            let source = TemplateFile.normalized(contents)
            let isText = file.format != .html
            do {
                _ = try MustacheTemplate(string: isText ? Self.textPragma + source : source)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(TemplateProblem(code: .syntax, file: path,
                                                line: error.context.lineNumber - (isText ? 1 : 0), column: error.context.columnNumber,
                                                message: "Mustache cannot parse this template (\(error.error)); check that every section {{#x}} is closed by {{/x}} and every tag by }}"))
                continue
            } catch {
                problems.append(TemplateProblem(code: .syntax, file: path, message: "Mustache cannot parse this template: \(error)"))
                continue
            }
            do {
                let nodes = try TemplateCompiler.compile(source, isText: isText)
                if isText {
                    text[file.language, default: [:]][file.libraryKey] = nodes
                } else {
                    html[file.language, default: [:]][file.libraryKey] = nodes
                }
            } catch {
                problems.append(Self.problem(error, file: path))
            }
        }
        guard problems.isEmpty else { throw TemplateError(problems: problems) }
        self.textLibraries = text.mapValues { TemplateEngine(partials: $0) }
        self.htmlLibraries = html.mapValues { TemplateEngine(partials: $0) }
        var steps: [Language: [String: Step]] = [:]
        for (language, library) in text {
            for (key, subject) in library where key.hasSuffix(".subject") {
                let name = String(key.dropLast(".subject".count))
                guard let body = library["\(name).text"] else { continue }
                steps[language, default: [:]][name] = Step(subject: subject, text: body, html: html[language]?["\(name).html"])
            }
        }
        self.steps = steps
    }

    private static func problem(_ failure: TemplateCompiler.Failure, file: String) -> TemplateProblem {
        switch failure {
        case .unsupported(let sigil, let line, let column):
            // The checker's words for the same tag, so that the two findings are one problem.
            let message = sigil == ">*"
                ? "dynamic partials '{{>*…}}' are not supported in mail templates; name the partial: {{> partials/<name>}}"
                : "'{{\(sigil)' tags (delimiter changes, pragmas, parents, blocks) are not supported in mail templates; remove it"
            return TemplateProblem(code: .unsupportedTag, file: file, line: line, column: column, message: message)
        case .malformed(let line, let column):
            return TemplateProblem(code: .syntax, file: file, line: line, column: column,
                                   message: "Relance's template compiler cannot follow this tag, which Mustache accepts; write it as the shipped templates do, and please report it")
        }
    }

    /// The languages that have both a subject and a text template called `name`.
    public func languages(for name: String) -> [Language] {
        Language.allCases.filter { language in steps[language]?[name] != nil }
    }

    /// The first of `preferences` (customer's language, then creditor's…) that has `name`.
    public func language(for name: String, preferring preferences: [Language]) -> Language? {
        preferences.first { language in steps[language]?[name] != nil }
    }

    /// Renders `name` in `language`. The subject comes back as one line: any line break a
    /// value or the template put in it is collapsed to a space, so it can never add a header.
    public func render(_ name: String, language: Language, context: ReminderContext) throws(TemplateError) -> RenderedReminder {
        guard let library = textLibraries[language], let step = steps[language]?[name] else {
            let base = "\(language.rawValue)/\(name)"
            throw TemplateError(problems: [TemplateProblem(code: .missingTemplate, file: "\(base).text.mustache",
                                                           message: "no template '\(name)' in \(language.rawValue): \(base).subject.mustache and \(base).text.mustache are both required")])
        }
        let value = context.templateContext
        let htmlLibrary = htmlLibraries[language]
        return RenderedReminder(
            subject: Self.singleLine(library.render(step.subject, value: value)),
            text: library.render(step.text, value: value),
            html: htmlLibrary.flatMap { library in step.html.map { library.render($0, value: value) } }
        )
    }

    /// Every control character and run of white space becomes one space; ends trimmed.
    static func singleLine(_ text: String) -> String {
        // UTF-8 written into bytes, one string made at the end (a string grown scalar by scalar
        // was a visible part of composing every reminder, issue #17).
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // ASCII decides without Unicode's property tables (a lookup per character otherwise):
            // its white space is tab to carriage return and the space, its controls are forbidden.
            let isSpaceOrControl = scalar.isASCII ? scalar.value <= 0x20 || scalar.value == 0x7F
                : scalar.properties.isWhitespace || HeaderText.isForbidden(scalar)
            if isSpaceOrControl {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(UInt8(ascii: " ")) }
            pendingSpace = false
            if scalar.isASCII {
                result.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                result.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return String(decoding: result, as: UTF8.self)
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
    /// The name the renderer's library knows it by: partials by the name `{{> …}}` uses.
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
