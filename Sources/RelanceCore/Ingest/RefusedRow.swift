/// One row of an export refused on its own while the rest of the file is imported (issue #11,
/// "Dates"): where it is (line, or cell such as `E12` in a workbook), which invoice, and why.
/// The import report, `relance import --dry-run --json` and the journal list these rows; an
/// authoritative snapshot never settles the invoice of a refused row.
public struct RefusedRow: Sendable, Hashable, Codable, CustomStringConvertible {
    public var position: SourcePosition
    public var invoice: String?
    public var customer: String?
    public var reason: String

    public init(position: SourcePosition, invoice: String?, customer: String?, reason: String) {
        self.position = position
        self.invoice = invoice
        self.customer = customer
        self.reason = reason
    }

    /// `open.xlsx:12:5 (cell E12): invoice F-7 (customer 411BRAS) refused: …`
    public var description: String {
        let what = invoice.map { "invoice \($0)" + (customer.map { " (customer \($0))" } ?? "") } ?? "row"
        return "\(position): \(what) refused: \(reason)"
    }
}
