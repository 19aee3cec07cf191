import Foundation
public import RelanceCore

/// The statement of account a step may attach: one CSV row per open item, in the form a
/// spreadsheet opens correctly in the customer's language (French Excel: `;` separators,
/// decimal comma, `dd/mm/yyyy` dates, a UTF-8 byte order mark so accents survive).
public enum StatementOfAccount {
    public static func attachment(items: [OpenItem], customerID: String, today: CivilDate, language: Language) -> MailAttachment {
        attachment(demand: Demand(items: items, allocations: []), customerID: customerID, today: today, language: language)
    }

    /// The statement of what the email demands: its invoices, then each credit set against
    /// them as a negative row, so that the "outstanding" column adds up to the email's total.
    public static func attachment(demand: Demand, customerID: String, today: CivilDate, language: Language) -> MailAttachment {
        let base = language == .french ? "releve-de-compte" : "statement-of-account"
        return MailAttachment(fileName: "\(base)-\(safeFileNamePart(customerID))-\(today.iso8601).csv",
                              mediaType: "text/csv", bytes: csv(demand: demand, today: today, language: language))
    }

    public static func csv(items: [OpenItem], today: CivilDate, language: Language) -> [UInt8] {
        csv(demand: Demand(items: items, allocations: []), today: today, language: language)
    }

    /// RFC 4180 CSV with CRLF line endings, oldest due date first, credits after the invoices.
    public static func csv(demand: Demand, today: CivilDate, language: Language) -> [UInt8] {
        let items = demand.lines.map(\.item)
        let french = language == .french
        let separator = french ? ";" : ","
        let header = french
            ? ["Facture", "Date", "Échéance", "Montant", "Restant dû", "Devise", "Jours de retard"]
            : ["Invoice", "Date", "Due date", "Amount", "Outstanding", "Currency", "Days overdue"]
        var lines = [header.map { field($0, separator: separator) }.joined(separator: separator)]
        let ordered = items.sorted { ($0.due ?? $0.issued ?? today, $0.invoice) < ($1.due ?? $1.issued ?? today, $1.invoice) }
        for item in ordered {
            let row = [
                item.invoice,
                item.issued.map { date(date: $0, french: french) } ?? "",
                item.due.map { date(date: $0, french: french) } ?? "",
                amount(item.total ?? item.open, french: french),
                amount(item.open, french: french),
                item.open.currency.code,
                String(max(0, item.due.map { $0.days(until: today) } ?? 0)),
            ]
            lines.append(row.map { field($0, separator: separator) }.joined(separator: separator))
        }
        // A credit is never late and has no due date: its row says what it is and what it deducts.
        for credit in demand.credits {
            let label = french ? "\(credit.credit) (avoir imputé sur \(credit.invoice))" : "\(credit.credit) (credit set against \(credit.invoice))"
            let deducted = Money(minorUnits: -credit.amount.minorUnits, currency: credit.amount.currency)
            let row = [label, credit.creditIssued.map { date(date: $0, french: french) } ?? "", "", "",
                       amount(deducted, french: french), credit.amount.currency.code, ""]
            lines.append(row.map { field($0, separator: separator) }.joined(separator: separator))
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Quotes when needed, and defuses text a spreadsheet would run as a formula (`=HYPERLINK(…)`
    /// in an imported invoice number) by prefixing an apostrophe.
    private static func field(_ raw: String, separator: String) -> String {
        var text = raw
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           !(first == "-" && text.dropFirst().allSatisfy { $0.isNumber || $0 == "," || $0 == "." }) {
            text = "'" + text
        }
        guard text.contains(separator) || text.contains(where: { $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func amount(_ money: Money, french: Bool) -> String {
        french ? money.decimalString.replacingOccurrences(of: ".", with: ",") : money.decimalString
    }

    private static func date(date: CivilDate, french: Bool) -> String {
        french ? CivilDateText.short(date, language: .french) : date.iso8601
    }

    private static func safeFileNamePart(_ text: String) -> String {
        let safe = String(text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? Character(scalar) : "_"
        })
        return safe.isEmpty ? "_" : safe
    }
}
