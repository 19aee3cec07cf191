public import RelanceCore

/// Why a file was refused, where, and what to do about it. The daemon writes
/// `description` into `<name>.error.txt` beside the rejected file, so it must read
/// well to an accountant: what is wrong, where (line, column or XML path), what to do.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let unknownFormat = Code(rawValue: "unknown-format")
        public static let encoding = Code(rawValue: "encoding")
        public static let missingColumn = Code(rawValue: "missing-column")
        public static let ambiguousColumn = Code(rawValue: "ambiguous-column")
        public static let badDate = Code(rawValue: "bad-date")
        public static let badAmount = Code(rawValue: "bad-amount")
        public static let badCurrency = Code(rawValue: "bad-currency")
        public static let missingValue = Code(rawValue: "missing-value")
        public static let wrongFieldCount = Code(rawValue: "wrong-field-count")
        public static let unbalanced = Code(rawValue: "unbalanced")
        public static let badXML = Code(rawValue: "bad-xml")
        public static let duplicate = Code(rawValue: "duplicate")
        public static let empty = Code(rawValue: "empty")
        public static let unterminatedQuote = Code(rawValue: "unterminated-quote")
        public static let badValue = Code(rawValue: "bad-value")
        public static let unsupported = Code(rawValue: "unsupported")
        public static let inconsistentInvoice = Code(rawValue: "inconsistent-invoice")
        /// The file passes one of the `ImportLimits` (nesting, inflated size, cells, cell length).
        public static let overLimit = Code(rawValue: "over-limit")
    }

    public var code: Code
    public var position: SourcePosition
    /// What is wrong, with the values its sentence needs.
    public var problem: ImportProblem
    /// A workbook's worksheets, all tried before this first one's refusal was given.
    public var triedWorksheets: [String] = []

    public init(_ code: Code, at position: SourcePosition, _ problem: ImportProblem) {
        self.code = code
        self.position = position
        self.problem = problem
    }

    /// What is wrong, in one English sentence (the log's; tests read it).
    public var message: String { Language.english.importWords.words(for: problem).what }
    /// What the person should do about it, in English.
    public var hint: String? { advice(Language.english.importWords) }

    private func advice(_ words: any ImportProblemWording) -> String? {
        let tried = triedWorksheets.count > 1 ? words.everyWorksheetTried(triedWorksheets) : nil
        return [words.words(for: problem).toDo, tried].compactMap { $0 }.joined(separator: " ").nilIfEmpty
    }

    /// The refusal as the person reads it, in their language: where, what is wrong, what to do.
    public func text(in language: Language) -> String {
        let words = language.importWords
        // The message quotes the cell it is about: escaped, a hostile cell cannot forge a line
        // of the .error.txt, the log or the terminal.
        var text = "\(position.text(in: language))\(language == .french ? " : " : ": ")\(PrintableText.escape(words.words(for: problem).what)) [\(code)]"
        if let hint = advice(words) { text += "\n  \(words.toDoLabel)\(language == .french ? " : " : ": ")\(hint)" }
        return text
    }

    public var description: String { text(in: .english) }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
