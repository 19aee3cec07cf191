/// The aged balance as CSV, one row per invoice, for a spreadsheet: headings, dates, buckets and
/// steps in the creditor's words, amounts as numbers in the spreadsheet's format (French Excel:
/// `;`, decimal comma, byte-order mark), and a leading apostrophe on cells a spreadsheet would
/// run as a formula. Machines read `relance aging --format json`. The open column is what is
/// still demanded; the last one (last so that existing sheets keep their columns) what the bank shows received,
/// awaiting the ledger.
public enum AgedBalanceCSV {
    public static func render(_ balance: AgedBalance, format: SpreadsheetFormat, language: Language) -> String {
        let words = language.wording
        let columns = words.agingColumns()
        var rows = [[columns.customer, columns.customerName, columns.invoice, columns.issued, columns.due, columns.daysLate,
                     columns.bucket, columns.open, columns.currency, columns.lastAction, columns.lastActionOn, words.receivedAwaitingLedger()]]
        for customer in balance.customers {
            for invoice in customer.invoices {
                let receivable = invoice.receivable
                rows.append([
                    customer.customer.externalID, customer.customer.name ?? "", receivable.number,
                    receivable.issued.map(words.date) ?? "", invoice.shownDue.map(words.date) ?? "",
                    invoice.daysLate.map(String.init) ?? "", words.bucket(invoice.bucket),
                    format.number(receivable.demanded), receivable.open.currency.code,
                    invoice.lastAction.map { words.stepName($0.step) } ?? "", invoice.lastAction.map { words.date($0.on) } ?? "",
                    receivable.received.map(format.number) ?? "",
                ])
            }
        }
        return format.document(rows)
    }

    /// One RFC 4180 cell (`,` separator), quoted when needed and never read as a formula.
    public static func cell(_ value: String) -> String {
        SpreadsheetFormat(.standard).cell(value)
    }
}
