public import RelanceCore

/// The words of an import's refusal in one language: what is wrong, and what to do.
public protocol ImportProblemWording: Sendable {
    func words(for problem: ImportProblem) -> (what: String, toDo: String?)
    /// What a parser noticed without refusing the file (see `ImportWarning`).
    func words(for note: ImportNote) -> String
    /// `What to do` / `À faire`, before the advice in a rejection report.
    var toDoLabel: String { get }
    /// Said after the first worksheet's refusal when every worksheet of a workbook was tried.
    func everyWorksheetTried(_ names: [String]) -> String
}

extension Language {
    /// The words of import refusals in this language.
    public var importWords: any ImportProblemWording {
        switch self {
        case .french: FrenchImportWording()
        case .english: EnglishImportWording()
        }
    }
}

/// A cell's text as a refusal quotes it: trimmed, cut after 80 characters (a hostile cell cannot
/// fill the report), the count of characters said when cut.
enum QuotedCell {
    static let limit = 80

    /// `quote` is the language's own quoting (French: the wording's `quoted`, guillemets with
    /// no-break spaces inside), so a cell is quoted as every other line of that language quotes.
    static func quoted(_ text: String, quote: (String) -> String, characters: String) -> String {
        let trimmed = text.trimmingSpaces()
        guard trimmed.count > limit else { return quote(trimmed) }
        return "\(quote(trimmed.prefix(limit) + "…")) (\(trimmed.count) \(characters))"
    }
}
