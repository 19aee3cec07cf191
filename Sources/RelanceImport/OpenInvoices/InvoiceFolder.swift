import RelanceCore

/// Folds exports with one row per invoice line into one item per invoice: same customer and
/// invoice number → amounts summed. Their dates must agree, or the rows are not one invoice.
/// When the rows repeat the invoice's own amounts (`repeatedAmounts`, Xero's export), those
/// amounts must agree too and are counted once.
struct InvoiceFolder: Sendable {
    var file: String
    var repeatedAmounts: Bool
    private(set) var items: [OpenItem] = []
    /// Rows that were further lines of an invoice already seen.
    private(set) var foldedRows = 0
    private var slots: [String: (index: Int, line: Int)] = [:]

    init(file: String, repeatedAmounts: Bool = false) {
        self.file = file
        self.repeatedAmounts = repeatedAmounts
    }

    mutating func add(_ item: OpenItem, line: Int) throws(ImportError) {
        let key = item.customer + "\u{1F}" + item.invoice
        guard let (at, firstLine) = slots[key] else {
            slots[key] = (items.count, line)
            items.append(item)
            return
        }
        var merged = items[at]
        func conflict(_ what: ImportProblem.InvoiceRowConflict, _ a: String, _ b: String) -> ImportError {
            ImportError(.inconsistentInvoice, at: SourcePosition(file: file, line: line),
                        .invoiceRowsDisagree(invoice: item.invoice, customer: item.customer, firstLine: firstLine, what, a, b))
        }
        if merged.open.currency != item.open.currency {
            throw conflict(.currencies, merged.open.currency.code, item.open.currency.code)
        }
        if let a = merged.issued, let b = item.issued, a != b { throw conflict(.invoiceDates, a.iso8601, b.iso8601) }
        if let a = merged.due, let b = item.due, a != b { throw conflict(.dueDates, a.iso8601, b.iso8601) }
        merged.issued = merged.issued ?? item.issued
        merged.due = merged.due ?? item.due
        foldedRows += 1
        if repeatedAmounts {
            // `1092.00 EUR`: the wording says it as its language writes an amount.
            if merged.open != item.open { throw conflict(.amountsDue, merged.open.description, item.open.description) }
            if let a = merged.total, let b = item.total, a != b { throw conflict(.totals, a.description, b.description) }
            merged.total = merged.total ?? item.total
            merged.customerName = merged.customerName ?? item.customerName
            for email in item.emails where !merged.emails.contains(email) { merged.emails.append(email) }
            items[at] = merged
            return
        }
        let tooLarge = ImportError(.badAmount, at: SourcePosition(file: file, line: line), .invoiceLinesOverflow(invoice: item.invoice))
        let (open, overflow) = merged.open.minorUnits.addingReportingOverflow(item.open.minorUnits)
        guard !overflow else { throw tooLarge }
        merged.open.minorUnits = open
        if let a = merged.total, let b = item.total {
            let (total, overflow) = a.minorUnits.addingReportingOverflow(b.minorUnits)
            guard !overflow else { throw tooLarge }
            merged.total = Money(minorUnits: total, currency: a.currency)
        }
        merged.customerName = merged.customerName ?? item.customerName
        for email in item.emails where !merged.emails.contains(email) { merged.emails.append(email) }
        items[at] = merged
    }
}
