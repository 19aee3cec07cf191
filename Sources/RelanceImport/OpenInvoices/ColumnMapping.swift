/// Column titles chosen by a person, when detection cannot decide or decides wrong.
/// Titles are compared ignoring case, accents and punctuation.
public struct ColumnMapping: Sendable, Hashable {
    public var columns: [OpenInvoiceField: String]
    /// Forces the order of slashed dates instead of deciding it from the column.
    public var dayMonthOrder: DayMonthOrder?
    /// Forces the decimal mark instead of deciding it from the amounts.
    public var decimalMark: DecimalMark?

    public init(columns: [OpenInvoiceField: String] = [:], dayMonthOrder: DayMonthOrder? = nil, decimalMark: DecimalMark? = nil) {
        self.columns = columns
        self.dayMonthOrder = dayMonthOrder
        self.decimalMark = decimalMark
    }
}
