public import RelanceCore

/// What the caller (the daemon's configuration) may impose on a parser.
public struct ImportOptions: Sendable, Hashable {
    /// Explicit column titles for open-invoice reports; wins over detection.
    public var columnMapping: ColumnMapping?
    /// The currency of amounts when the file names none.
    public var defaultCurrency: Currency
    /// The time and memory budget the file is read under.
    public var limits: ImportLimits

    public init(columnMapping: ColumnMapping? = nil, defaultCurrency: Currency = .euro, limits: ImportLimits = .standard) {
        self.columnMapping = columnMapping
        self.defaultCurrency = defaultCurrency
        self.limits = limits
    }
}
