import Mustache

/// The digest's subject, text part and HTML part, and the call sheet, from their contexts.
public enum DigestRenderer {
    /// The templates, parsed once; they are compiled in and tested, so parsing cannot fail.
    private static let library: (html: MustacheTemplate, text: MustacheTemplate, callSheet: MustacheTemplate) = {
        do {
            return (try MustacheTemplate(string: DigestTemplates.html),
                    try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}\n" + DigestTemplates.text),
                    try MustacheTemplate(string: DigestTemplates.callSheet))
        } catch {
            fatalError("the digest's built-in templates do not parse: \(error)")
        }
    }()

    public static func subject(_ context: DigestContext) -> String { context.subject }

    public static func html(_ context: DigestContext) -> String { library.html.render(context) }

    public static func text(_ context: DigestContext) -> String {
        // Blank lines the sections leave are collapsed to one.
        var lines: [Substring] = []
        for line in library.text.render(context).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty, lines.last?.isEmpty == true { continue }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    public static func callSheet(_ context: CallSheetContext) -> String { library.callSheet.render(context) }
}
