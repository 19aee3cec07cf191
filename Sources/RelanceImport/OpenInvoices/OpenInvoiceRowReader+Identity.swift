import RelanceCore

extension OpenInvoiceRowReader {
    /// The item's customer code, name and invoice number without control characters, each
    /// cleaning reported with its cell (see `IdentityText`).
    mutating func cleanedIdentity(_ item: OpenItem, row: OpenInvoiceRow) -> OpenItem {
        var item = item
        item.invoice = clean(item.invoice, .invoice, row: row)
        item.customer = clean(item.customer, row.cells[.customer] != nil ? .customer : .customerName, row: row)
        item.customerName = item.customerName.map { clean($0, .customerName, row: row) }
        return item
    }

    private mutating func clean(_ value: String, _ field: OpenInvoiceField, row: OpenInvoiceRow) -> String {
        guard let cleaned = IdentityText.cleaned(value) else { return value }
        let cell = row.cells[field]
        let column = columns.index[field] != nil ? columns.title(of: field) : nil
        warnings.append(IdentityText.warning(original: value, cleaned: cleaned, what: field == .invoice ? .invoiceNumber : field == .customer ? .customerCode : .customerName, column: column,
                                             at: SourcePosition(file: file, line: cell?.line ?? row.line, column: cell?.column)))
        return cleaned
    }
}

extension OpenInvoiceRowReader {
    /// The row's email cell as addresses, or refused as a whole (see `EmailList`).
    ///
    /// A customer's cell repeats on each of its invoices' rows: a cell read before without a
    /// warning is not parsed again. A refused cell is read (and reported) on every row.
    mutating func emails(_ row: OpenInvoiceRow) -> [String] {
        guard columns.index[.email] != nil, let cell = row.cells[.email] else { return [] }
        if let known = acceptedEmailCells[cell.text] { return known }
        let before = warnings.count
        let addresses = EmailList.read(cell, column: columns.title(of: .email), file: file, warnings: &warnings)
        if warnings.count == before && acceptedEmailCells.count < Self.acceptedEmailCellLimit {
            acceptedEmailCells[cell.text] = addresses
        }
        return addresses
    }
}
