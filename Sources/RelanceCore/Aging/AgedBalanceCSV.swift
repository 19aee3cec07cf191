/// The aged balance as CSV, one row per invoice, for spreadsheets: decimal points, ISO dates,
/// RFC 4180 quoting, and a leading apostrophe on cells a spreadsheet would run as a formula.
public enum AgedBalanceCSV {
    public static let header = ["customer", "customer_name", "invoice", "issued", "due", "days_late", "bucket",
                                "open", "currency", "last_action", "last_action_on"]

    public static func render(_ balance: AgedBalance) -> String {
        var lines = [header.joined(separator: ",")]
        for customer in balance.customers {
            for invoice in customer.invoices {
                let receivable = invoice.receivable
                lines.append([
                    customer.customer.externalID, customer.customer.name ?? "", receivable.number,
                    receivable.issued?.iso8601 ?? "", invoice.shownDue?.iso8601 ?? "",
                    invoice.daysLate.map(String.init) ?? "", invoice.bucket.rawValue,
                    receivable.open.decimalString, receivable.open.currency.code,
                    invoice.lastAction?.step ?? "", invoice.lastAction?.on.iso8601 ?? "",
                ].map(cell).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One CSV cell, quoted when needed and never read as a formula.
    public static func cell(_ value: String) -> String {
        // Names come from imported files: "=HYPERLINK(…)" must stay text in Excel or LibreOffice.
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
