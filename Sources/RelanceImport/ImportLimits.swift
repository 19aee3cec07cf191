import RelanceCore

/// The budget every parser reads under, so that a hostile or broken file costs bounded time and
/// memory. Each limit sits far above what a real export reaches and is enforced while reading:
/// the file is refused (`ImportError.Code.overLimit`, naming the limit) as soon as it passes one,
/// before the rest is inflated or parsed. Not settings: a real file that reaches one is better
/// split or exported as CSV than read into the daemon's memory (the unit caps it, `MemoryMax=`).
public struct ImportLimits: Sendable, Hashable {
    /// Elements nested inside each other in one XML document. UBL and CII invoices nest about
    /// 10 deep, XLSX parts 5, bank statements 12; libxml2's own default is 256.
    public var xmlDepth: Int
    /// Elements in one XML document (an e-invoice of 10,000 lines has about 300,000).
    public var xmlElements: Int
    /// Bytes inflated from one file, all its parts together: an XLSX's ZIP entries, a Factur-X
    /// PDF's streams. An export compresses about 10 times; a ZIP bomb thousands of times.
    public var inflatedBytes: Int
    /// Cells in one workbook, every worksheet together, counting the empty cells a row carries
    /// up to its last one (that is what the importer holds in memory).
    public var workbookCells: Int
    /// Characters in one workbook cell: Excel itself stores at most 32,767.
    public var cellCharacters: Int
    /// Cells in one CSV file (a million rows of ten columns), empty ones included.
    public var textCells: Int
    /// Elements in one camt bank statement. A statement is read as a stream, one entry at a time,
    /// so this bounds reading time rather than memory: 100,000 entries of about 40 elements each
    /// are 4 million; a statement passing 20 million is better split by the bank (by date).
    public var statementElements: Int

    public init(xmlDepth: Int = 64, xmlElements: Int = 1_000_000, inflatedBytes: Int = 64 * 1_048_576,
                workbookCells: Int = 1_000_000, cellCharacters: Int = 32_767, textCells: Int = 10_000_000,
                statementElements: Int = 20_000_000) {
        self.xmlDepth = xmlDepth
        self.xmlElements = xmlElements
        self.inflatedBytes = inflatedBytes
        self.workbookCells = workbookCells
        self.cellCharacters = cellCharacters
        self.textCells = textCells
        self.statementElements = statementElements
    }

    public static let standard = ImportLimits()

    /// `64 MB`, `1,000,000`: how a limit is named in an error.
    static func describe(bytes: Int) -> String {
        bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576) MB" : "\(grouped(bytes)) bytes"
    }

    /// Limits are told in English, grouped as `Language.english` groups a count: `10,000,000`.
    static func grouped(_ value: Int) -> String { Language.english.grouped(value) }

    /// The refusal for a limit passed: what was reached, the limit's name and what to do.
    static func refusal(at position: SourcePosition, _ problem: StructureProblem) -> ImportError {
        ImportError(.overLimit, at: position, .structure(problem))
    }
}
