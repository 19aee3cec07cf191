import RelanceCore

/// Email cells may hold several addresses, separated by `;` or `,` (the documented list
/// separators), spaces around them allowed. Anything else between two addresses — a space,
/// a line break, `RCPT TO:` — makes the whole cell invalid: it comes back whole, as one entry
/// the store refuses and records (`customer.email-invalid`), so nothing is ever split out of
/// a hostile cell and mailed.
enum EmailList {
    static func split(_ text: String) -> [String] {
        let pieces = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        guard pieces.allSatisfy({ EmailAddress($0) != nil }) else {
            let whole = text.trimmingSpaces()
            return whole.isEmpty ? [] : [whole]
        }
        return pieces
    }

    /// `split`, plus the warning the import report shows when the cell is refused as a whole.
    static func read(_ cell: DelimitedField?, column: String, file: String, warnings: inout [ImportWarning]) -> [String] {
        guard let cell else { return [] }
        let addresses = split(cell.text)
        if addresses.count == 1, EmailAddress(addresses[0]) == nil {
            let position = SourcePosition(file: file, line: cell.line, column: cell.column)
            warnings.append(ImportWarning(.emailCellRefused(text: addresses[0], column: column), at: position))
        }
        return addresses
    }
}
