public import RelanceCore

/// What a task prints: one self-contained HTML page for a letter, registered letter or formal
/// notice; a folder of files for a legal action or a hand-off. Contents only: where they are
/// written is the daemon's business.
public enum ComposedDocument: Sendable, Hashable {
    case letter(PrintableLetter)
    case dossier([DocumentFile])
}

/// A letter ready to print: the HTML page, plus the subject and the plain text of the same template.
public struct PrintableLetter: Sendable, Hashable {
    public var language: Language
    public var subject: String
    public var text: String
    /// A complete HTML document with its styles inline: it prints on A4 without anything else.
    public var html: String

    public init(language: Language, subject: String, text: String, html: String) {
        self.language = language
        self.subject = subject
        self.text = text
        self.html = html
    }
}

/// One file of a dossier, by its name inside the dossier's folder.
public struct DocumentFile: Sendable, Hashable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}
