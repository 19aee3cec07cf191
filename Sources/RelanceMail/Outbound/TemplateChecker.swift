public import RelanceCore

/// Checks a template folder before anything is sent: every required template exists in every
/// language, every tag names a variable `ReminderContext` has in that scope, every partial
/// exists, and no HTML template writes a value unescaped. Meant for start-up and
/// `relance templates check`; problems carry file, line and column.
///
/// swift-mustache renders an unknown name as nothing, silently: a typo would send
/// "Montant : " to a customer. Hence this scan of the tags, which follows Mustache's scoping
/// (names resolve in the innermost section first, then outwards) and partials (checked in the
/// scope they are included from).
public struct TemplateChecker: Sendable {
    /// The templates of the default French and English policies (issue 4).
    public static let defaultTemplateNames = ["courtesy-reminder", "first-reminder", "second-reminder", "final-reminder"]
    /// The printed documents of the default policies' letter steps (issue 4).
    public static let defaultDocumentNames = ["formal-letter", "registered-letter", "formal-notice"]

    public var requiredTemplates: [String]
    /// Templates of letter steps: they need an HTML part too, the page that is printed.
    public var requiredDocuments: [String]
    public var languages: [Language]

    public init(requiredTemplates: [String] = TemplateChecker.defaultTemplateNames, requiredDocuments: [String] = [],
                languages: [Language] = Language.allCases) {
        self.requiredTemplates = requiredTemplates
        self.requiredDocuments = requiredDocuments
        self.languages = languages
    }

    /// Every problem found, sorted by file and line; empty when the templates are usable.
    public func check(files: [String: String]) -> [TemplateProblem] {
        checkAndBuild(files: files).problems
    }

    /// Every problem found, and the renderer the syntax check built (nil when a template does
    /// not parse): start-up uses it rather than parsing every template a second time.
    public func checkAndBuild(files: [String: String]) -> (problems: [TemplateProblem], renderer: TemplateRenderer?) {
        var problems: Set<TemplateProblem> = []
        var built: TemplateRenderer?
        var templates: [TemplateFile: String] = [:]
        for (path, contents) in files where path.hasSuffix(".mustache") {
            if let file = TemplateFile(path: path) {
                templates[file] = TemplateFile.normalized(contents)
            } else {
                problems.insert(TemplateProblem(code: .missingTemplate, file: path,
                                                message: "this file is not where the renderer looks: use <lang>/<name>.subject|text|html.mustache or <lang>/partials/<name>.text|html.mustache with lang fr or en"))
            }
        }
        for language in languages {
            for name in requiredTemplates {
                for format in [TemplateRenderer.Format.subject, .text] where templates[TemplateFile(language: language, name: name, format: format)] == nil {
                    let file = TemplateFile(language: language, name: name, format: format)
                    problems.insert(TemplateProblem(code: .missingTemplate, file: file.path,
                                                    message: "the \(format.rawValue) of template '\(name)' in \(language.rawValue) is missing; every step of a policy needs a subject and a text in each language"))
                }
            }
            for name in requiredDocuments {
                for format in [TemplateRenderer.Format.subject, .text, .html] where templates[TemplateFile(language: language, name: name, format: format)] == nil {
                    let file = TemplateFile(language: language, name: name, format: format)
                    problems.insert(TemplateProblem(code: .missingTemplate, file: file.path,
                                                    message: "the \(format.rawValue) of document template '\(name)' in \(language.rawValue) is missing; a letter step needs a subject, a text and the HTML page that is printed, in each language"))
                }
            }
        }
        // Syntax as swift-mustache sees it: anything its parser refuses would fail at send time.
        do {
            let renderer = try TemplateRenderer(files: files)
            built = renderer
            problems.formUnion(emptyOutputs(renderer, templates: Array(templates.keys)))
        } catch {
            problems.formUnion(error.problems)
        }
        var walker = Walker(templates: templates)
        for file in templates.keys.sorted(by: { $0.path < $1.path }) where !file.isPartial {
            walker.walk(file, scopes: [TemplateSchema.reminder], listDepth: 0, including: [])
        }
        for file in templates.keys where file.isPartial && !walker.visited.contains(file) {
            walker.walk(file, scopes: [TemplateSchema.reminder], listDepth: 0, including: [])
        }
        problems.formUnion(walker.problems)
        return (problems.sorted(), built)
    }

    /// Renders every step with the sample context of its language: a subject or a text that
    /// comes out blank would be sent blank.
    private func emptyOutputs(_ renderer: TemplateRenderer, templates: [TemplateFile]) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        for subject in templates.filter({ !$0.isPartial && $0.format == .subject }).sorted(by: { $0.path < $1.path }) {
            let language = subject.language
            guard let rendered = try? renderer.render(subject.name, language: language, context: .sample(language: language)) else { continue }
            for (format, output) in [(TemplateRenderer.Format.subject, rendered.subject), (.text, rendered.text)]
            where output.allSatisfy(\.isWhitespace) {
                let file = TemplateFile(language: language, name: subject.name, format: format)
                problems.append(TemplateProblem(code: .emptyOutput, file: file.path,
                                                message: "renders to nothing with the sample context; write the \(format.rawValue) outside conditional sections"))
            }
        }
        return problems
    }
}

/// Follows the tags of one template (and the partials it includes) through the schema.
private struct Walker {
    let templates: [TemplateFile: String]
    var problems: Set<TemplateProblem> = []
    var visited: Set<TemplateFile> = []
    /// Each file is scanned once, however many templates include it.
    private var scans: [TemplateFile: (tags: [TemplateTag], unclosed: TemplateTag?)] = [:]

    init(templates: [TemplateFile: String]) { self.templates = templates }

    /// A scope entry; nil means "unknown": after one error, names inside are not reported again.
    typealias Scope = TemplateSchema?

    mutating func walk(_ file: TemplateFile, scopes initialScopes: [Scope], listDepth initialListDepth: Int, including: Set<TemplateFile>) {
        visited.insert(file)
        guard let source = templates[file] else { return }
        let (tags, unclosed) = scans[file] ?? TemplateTag.scan(source)
        scans[file] = (tags, unclosed)
        if let unclosed {
            report(.syntax, file, unclosed, "this tag is never closed with }}")
        }
        var scopes = initialScopes
        var listDepth = initialListDepth
        // Open sections: name, whether it pushed a scope, whether that scope is a list element.
        var open: [(tag: TemplateTag, pushed: Bool, isList: Bool)] = []
        for tag in tags {
            switch tag.kind {
            case .comment:
                continue
            case .unsupported(let sigil):
                report(.unsupportedTag, file, tag, "'{{\(sigil)' tags (delimiter changes, pragmas, parents, blocks) are not supported in mail templates; remove it")
            case .variable, .unescaped:
                if tag.kind == .unescaped, file.format == .html {
                    report(.unescapedInHTML, file, tag, "'\(tag.name)' is written unescaped in HTML: imported text could inject markup; use {{\(tag.name)}}")
                }
                guard let resolved = resolve(tag, file: file, scopes: scopes, listDepth: listDepth) else { continue }
                if let schema = resolved, schema != .text {
                    report(.wrongKind, file, tag, "'\(tag.name)' is \(schema.kindName), not text: use it as a section {{#\(tag.name)}}…{{/\(tag.name)}}")
                }
            case .section, .inverted:
                let resolved = resolve(tag, file: file, scopes: scopes, listDepth: listDepth)
                var pushed = false
                var isList = false
                if tag.kind == .section {
                    switch resolved {
                    case .none: scopes.append(nil); pushed = true // unknown: reported; don't cascade
                    case .some(.none): scopes.append(nil); pushed = true
                    case .some(.some(.list(let element))): scopes.append(element); pushed = true; isList = true; listDepth += 1
                    case .some(.some(.flag)): break // a true flag renders with the same context
                    case .some(.some(let schema)): scopes.append(schema); pushed = true
                    }
                }
                open.append((tag, pushed, isList))
            case .close:
                guard let last = open.popLast() else {
                    report(.syntax, file, tag, "{{/\(tag.name)}} closes a section that was never opened")
                    continue
                }
                if last.tag.name != tag.name {
                    report(.syntax, file, tag, "{{/\(tag.name)}} closes '\(last.tag.name)', opened at line \(last.tag.line); close sections in the reverse order of opening")
                }
                if last.pushed { scopes.removeLast() }
                if last.isList { listDepth -= 1 }
            case .partial:
                let format: TemplateRenderer.Format = file.format == .html ? .html : .text
                let partial = TemplateFile(language: file.language, name: tag.name, format: format)
                guard tag.name.hasPrefix("partials/"), templates[partial] != nil else {
                    report(.missingPartial, file, tag, "partial '\(tag.name)' not found: expected \(partial.path) (partials live in <lang>/partials/ and are named {{> partials/<name>}})")
                    continue
                }
                if !including.contains(partial) {
                    walk(partial, scopes: scopes, listDepth: listDepth, including: including.union([file]))
                }
            }
        }
        for section in open {
            report(.syntax, file, section.tag, "section '\(section.tag.name)' is never closed; add {{/\(section.tag.name)}}")
        }
    }

    /// `.some(schema)` when the name is known (`.some(nil)` inside an unknown scope);
    /// nil after reporting why it is not.
    private mutating func resolve(_ tag: TemplateTag, file: TemplateFile, scopes: [Scope], listDepth: Int) -> Scope? {
        // `outer(inner(name))`: transforms are applied innermost first.
        var transforms: [String] = []
        var name = Substring(tag.name)
        while let open = name.firstIndex(of: "("), name.last == ")" {
            transforms.append(String(name[..<open]))
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
        }
        if name.isEmpty {
            // `{{#first()}}`: the position inside the list being rendered.
            let positional = ["first": TemplateSchema.flag, "last": .flag, "even": .flag, "odd": .flag, "index": .text]
            guard transforms.count == 1, let schema = positional[transforms[0]], listDepth > 0 else {
                report(.unknownTransform, file, tag, "'\(tag.name)' is not a position in a list: first(), last(), index(), even() and odd() are only valid inside a list section")
                return nil
            }
            return .some(schema)
        }
        var schema: Scope
        if name == "." {
            schema = scopes.isEmpty ? TemplateSchema.reminder : scopes[scopes.count - 1]
        } else {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let found = lookUp(parts, in: scopes) else {
                report(.unknownVariable, file, tag, "unknown variable '\(name)'; see mail-templates/README.md for the variables of each scope")
                return nil
            }
            schema = found
        }
        for transform in transforms.reversed() {
            guard let current = schema else { return .some(nil) }
            switch (current, transform) {
            case (.list(let element), "first"), (.list(let element), "last"): schema = element
            case (.list, "reversed"): schema = current
            case (.list, "count"), (.text, "capitalized"), (.text, "lowercased"), (.text, "uppercased"), (.text, "reversed"): schema = .text
            case (.list, "empty"), (.text, "empty"): schema = .flag
            default:
                report(.unknownTransform, file, tag, "transform '\(transform)' does not apply to '\(name)', which is \(current.kindName)")
                return nil
            }
        }
        return .some(schema)
    }

    /// Mustache lookup: the first name in the innermost scope that has it, the rest strictly inside.
    private func lookUp(_ parts: [String], in scopes: [Scope]) -> Scope? {
        for scope in scopes.reversed() {
            guard let scope else { return .some(nil) }
            guard var current = scope.child(parts[0]) else { continue }
            for part in parts.dropFirst() {
                guard let next = current.child(part) else { return nil }
                current = next
            }
            return .some(current)
        }
        return nil
    }

    private mutating func report(_ code: TemplateProblem.Code, _ file: TemplateFile, _ tag: TemplateTag, _ message: String) {
        problems.insert(TemplateProblem(code: code, file: file.path, line: tag.line, column: tag.column, message: message))
    }
}
