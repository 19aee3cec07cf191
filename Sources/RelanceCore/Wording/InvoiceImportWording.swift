/// The journal's per-invoice lines of an import (the customer's timeline): an invoice opened,
/// its due date's source, a changed amount or due date… The importer keeps where a due date came
/// from as data (`DueDateSource` codes, the `invoice.due_source` column); each language words it
/// here, at output.
public protocol InvoiceImportWording: Sendable {
    /// Why a row's dates are not believed.
    func refusedRowReason(_ problem: RefusedRow.Problem) -> String
    /// `open.xlsx:12:5: invoice F-7 (customer 411BRAS) refused: …`
    func refusedRow(_ row: RefusedRow) -> String
    /// A stored due-date source (`due-date column`, `BT-9`, `customer terms (30 days)`…) as a person says it.
    func dueSource(_ source: String) -> String
    func invoiceOpened(invoice: String, open: Money, due: CivilDate?, source: String?, file: String) -> String
    /// A customer's invoices a large first load opened, in one line (two or more).
    func invoicesOpened(_ invoices: [OpenedInvoice], file: String) -> String
    func invoiceDueDisagreement(invoice: String, said: [(source: String, date: CivilDate)], kept: CivilDate?, source: String?) -> String
    func invoiceTermsBeyondCap(invoice: String, due: CivilDate?, source: String?, issued: CivilDate?) -> String
    func invoiceOlderSnapshot(invoice: String, file: String, asOf: CivilDate, applied: CivilDate) -> String
    func invoiceCustomerChanged(invoice: String, customer: String, file: String, formerCustomerID: Int64) -> String
    func invoiceReopened(invoice: String, file: String, asOf: CivilDate, open: Money) -> String
    func invoiceOpenChanged(invoice: String, from: Money, to: Money, file: String) -> String
    func invoiceDueChanged(invoice: String, from: CivilDate?, to: CivilDate?, source: String?, file: String) -> String
    func invoiceDocumentKept(invoice: String, file: String) -> String
}

/// The due-date sources the importer records (stored as these codes, worded at output).
public enum DueDateSource {
    public static let dueDateColumn = "due-date column"
    public static let einvoiceDueDate = "BT-9"
    public static let termsText = "BT-20 terms text"
    public static let earlierImportSuffix = " (earlier import)"
    public static let customerTermsPrefix = "customer terms"
    public static let creditorDefaultPrefix = "creditor default"
    /// `customer terms (30 days end of month)`: the rule, and whether it is the customer's.
    static func rule(in source: String, after prefix: String) -> (days: Int, endOfMonth: Bool)? {
        // Two tests rather than `prefix + " ("`: that text (16 bytes and more) was a heap
        // allocation for every line of a first load's journal.
        guard source.hasPrefix(prefix), source.dropFirst(prefix.count).hasPrefix(" ("), source.hasSuffix(")") else { return nil }
        let inner = source.dropFirst(prefix.count + 2).dropLast()
        let words = inner.split(separator: " ")
        guard let days = words.first.flatMap({ Int($0) }) else { return nil }
        return (days, inner.hasSuffix("end of month"))
    }
}

extension InvoiceImportWording {
    /// Splits a stored source into its base and whether an earlier import stated it.
    func sourceParts(_ source: String) -> (base: String, earlier: Bool) {
        source.hasSuffix(DueDateSource.earlierImportSuffix)
            ? (String(source.dropLast(DueDateSource.earlierImportSuffix.count)), true) : (source, false)
    }
}
