/// One thing wrong with the templates, located precisely enough to fix without searching:
/// `fr/first-reminder.text.mustache:12:5: unknown variable 'invoice.numbr'`.
public struct TemplateProblem: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// A required template (subject or text of a step, in a language) is absent.
        case missingTemplate
        /// A `{{> partial}}` names no file of that language and format.
        case missingPartial
        /// A tag names a variable `ReminderContext` does not have (in that scope).
        case unknownVariable
        /// A list or an object used where text is expected, or text used as a list.
        case wrongKind
        /// `{{{x}}}` or `{{&x}}` in an HTML template: imported text would reach the HTML unescaped.
        case unescapedInHTML
        /// Mustache features the checker cannot follow: delimiter changes, pragmas, parents, blocks, dynamic partials.
        case unsupportedTag
        /// Unbalanced sections, an unclosed tag, or anything swift-mustache's parser rejects.
        case syntax
        /// A transform such as `uppercased(x)` that does not apply to that value.
        case unknownTransform
        /// The subject or the text renders to nothing with the sample context.
        case emptyOutput
    }

    public let code: Code
    /// Path relative to the templates folder: `fr/first-reminder.text.mustache`.
    public let file: String
    /// 1-based; nil for a missing file.
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(code: Code, file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }

    public static func < (lhs: TemplateProblem, rhs: TemplateProblem) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.message) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.message)
    }
}

/// Templates that cannot be used, with every problem found (not just the first).
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public let problems: [TemplateProblem]

    public init(problems: [TemplateProblem]) { self.problems = problems.sorted() }

    public var description: String {
        "mail templates are not usable:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
