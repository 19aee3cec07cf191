import RelanceCore

/// Customer codes, names and invoice numbers travel into mail headers, file names, tasks and
/// the journal. One that holds a line break or another control character is kept with those
/// characters removed — never in silence: the parser adds a warning naming the cell, which
/// the import report shows and the journal keeps (`import.warning`). Refusing the whole file
/// instead would stop every customer's reminders for one cell an Alt+Enter put there.
enum IdentityText {
    /// The text without its control characters (a run of them between two other characters
    /// becomes one space, so `Dupont\nSA` reads `Dupont SA`), or nil when it holds none.
    static func cleaned(_ text: String) -> String? {
        guard PrintableText.needsEscaping(text) else { return nil }
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if PrintableText.isEscaped(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace, scalar != " ", out.unicodeScalars.last != " " { out.unicodeScalars.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return out.trimmingSpaces()
    }

    /// `file:12:3 (cell C12): the customer name in column "Nom" held control characters …`
    static func warning(original: String, cleaned: String, what: ImportNote.IdentityField, column: String?,
                        at position: SourcePosition) -> ImportWarning {
        ImportWarning(.identityCleaned(original: original, cleaned: cleaned, field: what, column: column), at: position)
    }

    /// The safety net for parsers that do not clean cell by cell (FEC, e-invoices): every
    /// item's customer code, name and invoice number, with the item's position.
    static func clean(_ parsed: inout ParsedImport) {
        var warnings: [ImportWarning] = []
        for index in parsed.items.indices { clean(&parsed.items[index], warnings: &warnings) }
        for index in parsed.contacts.indices {
            var contact = parsed.contacts[index]
            let position = contact.source
            contact.customer = fix(contact.customer, .customerCode, position, &warnings)
            contact.name = contact.name.map { fix($0, .customerName, position, &warnings) }
            parsed.contacts[index] = contact
        }
        parsed.warnings += warnings
    }

    /// One item's customer code, name and invoice number (a report read as a stream cleans
    /// each item as it goes).
    static func clean(_ item: inout OpenItem, warnings: inout [ImportWarning]) {
        let position = item.source
        item.customer = fix(item.customer, .customerCode, position, &warnings)
        item.customerName = item.customerName.map { fix($0, .customerName, position, &warnings) }
        item.invoice = fix(item.invoice, .invoiceNumber, position, &warnings)
    }

    private static func fix(_ value: String, _ what: ImportNote.IdentityField, _ position: SourcePosition?,
                            _ warnings: inout [ImportWarning]) -> String {
        guard let kept = IdentityText.cleaned(value) else { return value }
        warnings.append(warning(original: value, cleaned: kept, what: what, column: nil, at: position ?? SourcePosition(file: "")))
        return kept
    }
}
