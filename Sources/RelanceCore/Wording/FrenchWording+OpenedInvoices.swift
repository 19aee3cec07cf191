extension FrenchWording {
    /// `3 factures ouvertes pour 2 376,80 € (source des échéances : colonne échéance de l'export), lues dans export.csv : F1 (912,00 €, échéance 01/11/2026), …`
    public func invoicesOpened(_ invoices: [OpenedInvoice], file: String) -> String {
        let total = OpenedInvoice.totals(invoices).map(amount).joined(separator: " + ")
        let shared = OpenedInvoice.sharedSource(invoices)
        let listed = invoices.prefix(OpenedInvoice.listedPerLine).map { invoice in
            let due = invoice.due.map { "échéance \(date($0))" } ?? "échéance inconnue"
            let source = shared == nil ? invoice.source.map { ", source : \(dueSource($0))" } ?? "" : ""
            return "\(invoice.number) (\(amount(invoice.open)), \(due)\(source))"
        }.joined(separator: ", ")
        let more = invoices.count - min(invoices.count, OpenedInvoice.listedPerLine)
        let sharedText = shared.flatMap { $0 }.map { " (source \(invoices.count > 1 ? "des échéances" : "de l'échéance") : \(dueSource($0)))" } ?? ""
        let opened = invoices.count > 1 ? "\(invoices.count) factures ouvertes" : "1 facture ouverte"
        return "\(opened) pour \(total)\(sharedText), \(invoices.count > 1 ? "lues" : "lue") dans \(file) : \(listed)"
            + (more > 0 ? " et \(more) \(more > 1 ? "autres" : "autre")." : ".")
    }
}
