/// One invoice a first load opened, as a customer's summary line of that import names it
/// (`InvoiceImportWording.invoicesOpened`).
public struct OpenedInvoice: Sendable, Equatable {
    public var number: String
    public var open: Money
    public var due: CivilDate?
    /// The due date's source code (`DueDateSource`), or nil.
    public var source: String?

    public init(number: String, open: Money, due: CivilDate?, source: String?) {
        self.number = number
        self.open = open
        self.due = due
        self.source = source
    }

    /// How many invoices a summary line names before it says how many more there are.
    public static let listedPerLine = 20

    /// The sum per currency, in the order the currencies first appear.
    static func totals(_ invoices: [OpenedInvoice]) -> [Money] {
        var totals: [Money] = []
        for invoice in invoices {
            if let at = totals.firstIndex(where: { $0.currency == invoice.open.currency }) {
                totals[at].minorUnits = totals[at].minorUnits.addingReportingOverflow(invoice.open.minorUnits).partialValue
            } else {
                totals.append(invoice.open)
            }
        }
        return totals
    }

    /// The one source all of them share, said once for the line; nil when they differ.
    static func sharedSource(_ invoices: [OpenedInvoice]) -> String?? {
        guard let first = invoices.first, invoices.allSatisfy({ $0.source == first.source }) else { return nil }
        return .some(first.source)
    }
}
