extension FrenchWording {
    /// `3 factures ouvertes pour 2 376,80 € (source des échéances : colonne échéance de l'export), lues dans export.csv : F1 (912,00 €, échéance 01/11/2026), …`
    ///
    /// Written into one string, piece after piece: a first load words one such line for each of
    /// thousands of customers, and the pieces as interpolated strings, mapped and joined, cost
    /// twice the line (issue #17).
    public func invoicesOpened(_ invoices: [OpenedInvoice], file: String) -> String {
        let many = invoices.count > 1
        let shared = OpenedInvoice.sharedSource(invoices)
        let listed = invoices.prefix(OpenedInvoice.listedPerLine)
        var line = ""
        line.reserveCapacity(96 + file.utf8.count + 56 * listed.count)
        line += many ? "\(invoices.count) factures ouvertes pour " : "1 facture ouverte pour "
        for (index, total) in OpenedInvoice.totals(invoices).enumerated() {
            if index > 0 { line += " + " }
            line += amount(total)
        }
        if case .some(.some(let source)) = shared {
            line += many ? " (source des échéances : " : " (source de l'échéance : "
            line += dueSource(source)
            line += ")"
        }
        line += many ? ", lues dans " : ", lue dans "
        line += file
        line += " : "
        for (index, invoice) in listed.enumerated() {
            if index > 0 { line += ", " }
            line += invoice.number
            line += " ("
            line += amount(invoice.open)
            if let due = invoice.due {
                line += ", échéance "
                line += date(due)
            } else {
                line += ", échéance inconnue"
            }
            if shared == nil, let source = invoice.source {
                line += ", source : "
                line += dueSource(source)
            }
            line += ")"
        }
        let more = invoices.count - listed.count
        line += more > 0 ? " et \(more) \(more > 1 ? "autres" : "autre")." : "."
        return line
    }
}
