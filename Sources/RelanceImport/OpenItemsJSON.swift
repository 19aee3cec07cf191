public import RelanceCore

/// The JSON that `relance import --dry-run --json` prints: an array of open items, each
/// `{customer, customer_name, invoice, issued, due, open, currency}` in that order, with ISO
/// dates (null when absent) and `open` as a decimal string (negative for credits), so that
/// money never passes through a JSON number and a floating-point reader.
///
/// Written by hand rather than with `JSONEncoder`: the key order is part of the contract
/// (scripts diff the output), and `.sortedKeys` would sort it alphabetically.
public enum OpenItemsJSON {
    public static func encode(_ items: [OpenItem]) -> String {
        guard !items.isEmpty else { return "[]\n" }
        var out = "[\n"
        for (index, item) in items.enumerated() {
            out += "  {"
            out += "\"customer\": " + string(item.customer)
            out += ", \"customer_name\": " + (item.customerName.map(string) ?? "null")
            out += ", \"invoice\": " + string(item.invoice)
            out += ", \"issued\": " + (item.issued.map { string($0.iso8601) } ?? "null")
            out += ", \"due\": " + (item.due.map { string($0.iso8601) } ?? "null")
            out += ", \"open\": " + string(item.open.decimalString)
            out += ", \"currency\": " + string(item.open.currency.code)
            out += index == items.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    /// The items, then one object per refused row after them:
    /// `{"refused": REASON, "file", "line", "cell", "invoice", "customer"}` (`cell` such as
    /// `"E12"` for a workbook, else null). With no refused row, exactly `encode(items)`.
    public static func encode(_ items: [OpenItem], refused: [RefusedRow]) -> String {
        guard !refused.isEmpty else { return encode(items) }
        var out = encode(items)
        out.removeLast(2)   // "]\n"
        if !items.isEmpty { out.removeLast(); out += ",\n" }
        for (index, row) in refused.enumerated() {
            out += "  {\"refused\": " + string(row.reason)
            out += ", \"file\": " + string(row.position.file)
            out += ", \"line\": " + (row.position.line.map(String.init) ?? "null")
            out += ", \"cell\": " + (row.position.spreadsheetCell.map(string) ?? "null")
            out += ", \"invoice\": " + (row.invoice.map(string) ?? "null")
            out += ", \"customer\": " + (row.customer.map(string) ?? "null")
            out += index == refused.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    static func string(_ text: String) -> String { JSONString.literal(text) }
}
