/// The aged balance as one self-contained HTML page (inline style and SVG chart, no script,
/// nothing fetched), to open from the reports folder in any browser.
public enum AgedBalanceHTML {
    public static func render(_ balance: AgedBalance, title: String, language: Language) -> String {
        let words = language.wording
        let columns = words.agingColumns()
        var html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;margin:1em 0;width:100%}
            th,td{padding:.3em .4em;border-bottom:1px solid #ddd;text-align:right}
            th:first-child,td:first-child,td.text{text-align:left}
            tr.customer td{font-weight:600;background:#f4f4f4}
            td.late{color:#a40000}
            </style></head><body>
            <h1>\(escape(title))</h1>
            <p>\(escape(words.agingAsOf(balance.asOf)))</p>

            """
        for totals in balance.totals {
            html += chart(totals, language: language)
        }
        html += "<table><thead><tr><th>\(escape(columns.customerOrInvoice))</th>"
        html += "<th>\(escape(columns.due))</th>"
        // A bucket's heading never breaks inside (an empty column stacked « 61 / à / 90 / j » on four lines).
        for bucket in AgingBucket.allCases { html += "<th>\(escape(label(bucket, language)).replacingOccurrences(of: " ", with: "\u{00A0}"))</th>" }
        let received = words.receivedAwaitingLedger()
        html += "<th>\(escape(columns.total))</th><th>\(escape(received))</th><th>\(escape(columns.lastAction))</th></tr></thead><tbody>\n"
        for customer in balance.customers {
            for totals in customer.totals {
                html += "<tr class=\"customer\"><td>\(escape(customer.customer.externalID)) \(escape(customer.customer.name ?? ""))</td><td></td>"
                for bucket in AgingBucket.allCases { html += "<td>\(amount(totals.amount(bucket), language))</td>" }
                html += "<td>\(escape(AmountFormat(language).string(totals.totalAmount)))</td><td>\(amount(totals.receivedAmount, language))</td><td></td></tr>\n"
            }
            for invoice in customer.invoices {
                let receivable = invoice.receivable
                html += "<tr><td class=\"text\">\(escape(receivable.number))</td><td>\(invoice.shownDue.map(words.date) ?? "")</td>"
                for bucket in AgingBucket.allCases {
                    let cell = bucket == invoice.bucket ? escape(AmountFormat(language).string(receivable.demanded)) : ""
                    // Late in red, unless nothing is demanded any more (the bank shows it paid).
                    let late = bucket != .notDue && bucket != .credit && !cell.isEmpty && !receivable.demanded.isZero
                    html += "<td\(late ? " class=\"late\"" : "")>\(cell)</td>"
                }
                let action = invoice.lastAction.map { words.lastAction(step: $0.step, on: $0.on) } ?? ""
                html += "<td>\(escape(AmountFormat(language).string(receivable.demanded)))</td>"
                html += "<td>\(receivable.received.map { amount($0, language) } ?? "")</td><td class=\"text\">\(escape(action))</td></tr>\n"
            }
        }
        html += "</tbody><tfoot>\n"
        for totals in balance.totals {
            html += "<tr class=\"customer\"><td>\(escape(words.agingTotal(currency: totals.currency)))</td><td></td>"
            for bucket in AgingBucket.allCases { html += "<td>\(amount(totals.amount(bucket), language))</td>" }
            html += "<td>\(escape(AmountFormat(language).string(totals.totalAmount)))</td><td>\(amount(totals.receivedAmount, language))</td><td></td></tr>\n"
            if totals.received != 0 {
                html += "<tr><td>\(escape(words.ledgerTotal(currency: totals.currency)))</td><td></td>"
                html += String(repeating: "<td></td>", count: AgingBucket.allCases.count)
                html += "<td>\(escape(AmountFormat(language).string(totals.ledgerAmount)))</td><td></td><td></td></tr>\n"
            }
        }
        return html + "</tfoot></table></body></html>\n"
    }

    /// One horizontal bar per bucket, scaled to the largest, for one currency.
    /// Inline SVG with presentation attributes only (no style, no script): it passes the
    /// console's strict Content-Security-Policy, and scales down on a phone (`viewBox`).
    public static func chart(_ totals: BucketTotals, language: Language) -> String {
        let values = AgingBucket.allCases.map { abs(totals.byBucket[$0] ?? 0) }
        let largest = max(values.max() ?? 1, 1)
        let colors = ["#4a8f4a", "#d9b300", "#e08a00", "#d35400", "#a40000", "#5b7fa6"]
        var svg = "<svg role=\"img\" aria-label=\"\(escape(totals.currency.code))\" width=\"640\" height=\"\(AgingBucket.allCases.count * 28 + 10)\" viewBox=\"0 0 640 \(AgingBucket.allCases.count * 28 + 10)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for (index, bucket) in AgingBucket.allCases.enumerated() {
            let width = Int(Double(values[index]) / Double(largest) * 380)
            let y = index * 28 + 5
            svg += "<text x=\"0\" y=\"\(y + 16)\" font-size=\"13\">\(escape(label(bucket, language)))</text>"
            svg += "<rect x=\"120\" y=\"\(y)\" width=\"\(width)\" height=\"22\" fill=\"\(colors[index])\"/>"
            svg += "<text x=\"\(126 + width)\" y=\"\(y + 16)\" font-size=\"13\">\(escape(AmountFormat(language).string(totals.amount(bucket))))</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func label(_ bucket: AgingBucket, _ language: Language) -> String {
        language.wording.bucket(bucket)
    }

    static func amount(_ money: Money, _ language: Language) -> String {
        money.isZero ? "" : escape(AmountFormat(language).string(money))
    }

    /// HTML-escapes text for element content and attribute values.
    public static func escapeText(_ text: String) -> String { escape(text) }

    static func escape(_ text: String) -> String { HTMLEscaping.escaped(text) }
}
