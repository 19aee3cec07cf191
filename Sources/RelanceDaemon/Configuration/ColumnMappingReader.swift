import RelanceCore
import RelanceImport

/// Reads `[creditors.ID.columns]` (else `[defaults.columns]`): the export's own titles for
/// Relance's fields, used before any guess, plus the date order and decimal mark when a file
/// cannot show them.
enum ColumnMappingReader {
    static let settingKeys: Set<String> = ["date_order", "decimal_mark"]

    static func read(_ table: ConfigTable?) throws(ConfigurationError) -> ColumnMapping? {
        guard let table else { return nil }
        let fields = OpenInvoiceField.configurationKeys
        for name in table.table.keys.sorted() where fields[name] == nil && !settingKeys.contains(name) {
            throw table.error(name, "is not a field Relance reads; the fields are "
                              + fields.keys.sorted().joined(separator: ", ")
                              + " (each set to the export's column title), plus date_order (\"DD/MM\" or \"MM/DD\") and decimal_mark (\",\" or \".\")")
        }
        var mapping = ColumnMapping()
        var claimedBy: [String: String] = [:]
        for name in fields.keys.sorted() {
            guard let title = try table.string(name) else { continue }
            guard !title.trimmingSpaces().isEmpty else {
                throw table.error(name, "is empty: give the column's title as the export writes it, or remove the key")
            }
            let key = HeaderText.normalize(title)
            if let other = claimedBy[key] {
                throw table.error(name, "names the same column as \(table.key(other)) (\"\(title)\"): one column holds one field")
            }
            claimedBy[key] = name
            mapping.columns[fields[name]!] = title
        }
        if let text = try table.string("date_order") {
            guard let order = DayMonthOrder(rawValue: text.uppercased()) else {
                throw table.error("date_order", "must be \"DD/MM\" (31/12/2026) or \"MM/DD\" (12/31/2026), found \"\(text)\"")
            }
            mapping.dayMonthOrder = order
        }
        if let text = try table.string("decimal_mark") {
            guard let mark = DecimalMark(rawValue: text) else {
                throw table.error("decimal_mark", "must be \",\" (1 234,56) or \".\" (1,234.56), found \"\(text)\"")
            }
            mapping.decimalMark = mark
        }
        return mapping
    }
}
