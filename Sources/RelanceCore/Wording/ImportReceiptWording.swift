/// The store's own words in an import's receipt (`relance import`, `run --once`, the console's
/// Imports page) and the journal lines that go with them: what the store noticed while applying
/// a file, in the creditor's language.
public protocol ImportReceiptWording: Sendable {
    /// `3 invoice(s) have payment terms beyond the legal caps …: F-1, F-2, F-3.`
    func receiptTermsBeyondCap(count: Int, invoices: [String], more: Bool) -> String
    /// Invoices whose sources disagree on the due date, each with what every source said.
    func receiptDueDisagreements(count: Int, invoices: [DueDisagreement], more: Bool) -> String
    /// One row the file refused (the journal keeps them all in one line).
    func receiptRowRefused(_ row: RefusedRow) -> String
    /// A file without customer codes: `name` is the known customer `customer`.
    func receiptCustomerMatchedByName(name: String, file: String, customer: String) -> String
    /// The journal line on that customer's timeline.
    func customerResolvedByName(name: String, file: String, customer: String) -> String
    /// After the first warnings of a file that has many: how many more, and where to see them all.
    func moreImportWarnings(file: String, count: Int) -> String
}

/// An invoice whose sources gave different due dates.
public struct DueDisagreement: Sendable, Hashable {
    public var invoice: String
    public var said: [Said]

    public struct Said: Sendable, Hashable {
        public var source: String
        public var date: CivilDate
        public init(source: String, date: CivilDate) {
            self.source = source
            self.date = date
        }
    }

    public init(invoice: String, said: [Said]) {
        self.invoice = invoice
        self.said = said
    }
}
