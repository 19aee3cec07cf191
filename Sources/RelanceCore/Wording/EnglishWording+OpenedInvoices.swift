extension EnglishWording {
    /// `3 invoices open for €2,376.80 (due dates from the export's due-date column), from export.csv: F1 (€912.00, due 01/11/2026), …`
    public func invoicesOpened(_ invoices: [OpenedInvoice], file: String) -> String {
        let total = OpenedInvoice.totals(invoices).map(amount).joined(separator: " + ")
        let shared = OpenedInvoice.sharedSource(invoices)
        let listed = invoices.prefix(OpenedInvoice.listedPerLine).map { invoice in
            let due = invoice.due.map { "due \(date($0))" } ?? "due unknown"
            let source = shared == nil ? invoice.source.map { ", from \(dueSource($0))" } ?? "" : ""
            return "\(invoice.number) (\(amount(invoice.open)), \(due)\(source))"
        }.joined(separator: ", ")
        let more = invoices.count - min(invoices.count, OpenedInvoice.listedPerLine)
        let sharedText = shared.flatMap { $0 }.map { " (due dates from \(dueSource($0)))" } ?? ""
        return "\(invoices.count) invoices open for \(total)\(sharedText), from \(file): \(listed)"
            + (more > 0 ? " and \(more) more." : ".")
    }
}
