/// One row of an export refused on its own while the rest of the file is imported (issue #11,
/// "Dates"): where it is (line, or cell such as `E12` in a workbook), which invoice, and why.
/// The import report, `relance import --dry-run --json` and the journal list these rows; an
/// authoritative snapshot never settles the invoice of a refused row.
public struct RefusedRow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Why a row's dates are not believed, with the values the sentence needs; worded per
    /// language by `InvoiceImportWording.refusedRow`.
    public enum Problem: Sendable, Hashable, Codable {
        case spreadsheetDayZero(DateField)
        case before1990(DateField, CivilDate)
        case dueBeforeIssue(due: CivilDate, issued: CivilDate)
        case dueTooFarAhead(due: CivilDate, exportDate: CivilDate, years: Int)
        /// A reason given as an English sentence.
        case english(String)
    }

    public enum DateField: String, Sendable, Hashable, Codable {
        case issued, due
    }

    public var position: SourcePosition
    public var invoice: String?
    public var customer: String?
    public var problem: Problem

    public init(position: SourcePosition, invoice: String?, customer: String?, problem: Problem) {
        self.position = position
        self.invoice = invoice
        self.customer = customer
        self.problem = problem
    }

    public init(position: SourcePosition, invoice: String?, customer: String?, reason: String) {
        self.init(position: position, invoice: invoice, customer: customer, problem: .english(reason))
    }

    /// Why, in English (the log, `--dry-run --json`).
    public var reason: String { EnglishWording().refusedRowReason(problem) }

    /// `open.xlsx:12:5 (cell E12): invoice F-7 (customer 411BRAS) refused: …`
    public var description: String { EnglishWording().refusedRow(self) }
}
