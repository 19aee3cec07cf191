public import RelanceCore

/// What the caller (the daemon's configuration) may impose on a parser.
public struct ImportOptions: Sendable, Hashable {
    /// Explicit column titles for open-invoice reports; wins over detection.
    public var columnMapping: ColumnMapping?
    /// The currency of amounts when the file names none.
    public var defaultCurrency: Currency
    /// The step names of the creditor's own policies: a contacts file's "step reached" may name
    /// them as written, besides the built-in ladder's steps in people's words.
    public var knownSteps: Set<String>
    /// The day of the import, for the date checks of a file that does not say its "as of"
    /// date (a due date more than two years after it is refused); nil skips that check.
    public var exportDate: CivilDate?
    /// The time and memory budget the file is read under.
    public var limits: ImportLimits

    public init(columnMapping: ColumnMapping? = nil, defaultCurrency: Currency = .euro, knownSteps: Set<String> = [],
                exportDate: CivilDate? = nil, limits: ImportLimits = .standard) {
        self.columnMapping = columnMapping
        self.defaultCurrency = defaultCurrency
        self.knownSteps = knownSteps
        self.exportDate = exportDate
        self.limits = limits
    }
}
