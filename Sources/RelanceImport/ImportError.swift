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
    /// What is wrong, in one sentence.
    public var message: String
    /// What the person should do about it.
    public var hint: String?

    public init(_ code: Code, at position: SourcePosition, _ message: String, hint: String? = nil) {
        self.code = code
        self.position = position
        self.message = message
        self.hint = hint
    }

    public var description: String {
        // The message quotes the cell it is about: escaped, a hostile cell cannot forge a line
        // of the .error.txt, the log or the terminal.
        var text = "\(position): \(PrintableText.escape(message)) [\(code)]"
        if let hint { text += "\n  What to do: \(hint)" }
        return text
    }
}
