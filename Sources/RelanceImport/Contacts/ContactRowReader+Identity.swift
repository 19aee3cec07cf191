import RelanceCore

extension ContactRowReader {
    /// The contact's code and name without control characters, each cleaning reported with
    /// its cell (see `IdentityText`).
    mutating func cleanedIdentity(_ contact: ContactRecord) -> ContactRecord {
        var contact = contact
        contact.customer = clean(contact.customer, .customer)
        contact.name = contact.name.map { clean($0, .name) }
        return contact
    }

    private mutating func clean(_ value: String, _ field: ContactField) -> String {
        guard let cleaned = IdentityText.cleaned(value) else { return value }
        let cell = cells[field]?.first
        let column = columns[field].flatMap(\.first).map { titles[$0] }
        warnings.append(IdentityText.warning(original: value, cleaned: cleaned, what: field == .customer ? .customerCode : .contactName, column: column,
                                             at: SourcePosition(file: file, line: cell?.line ?? line, column: cell?.column)))
        return cleaned
    }
}

extension ContactRowReader {
    /// Every address of the field's cells; a cell that is not a clean list is refused as a
    /// whole (see `EmailList`).
    mutating func emails(_ field: ContactField) -> [String] {
        let title = columns[field].flatMap(\.first).map { titles[$0] } ?? field.description
        var addresses: [String] = []
        for cell in cells[field] ?? [] {
            addresses += EmailList.read(cell, column: title, file: file, warnings: &warnings)
        }
        return addresses
    }
}
