public import RelanceCore

/// The EN 16931 business terms Relance reads from a structured invoice (UBL, CII, Factur-X).
public struct EInvoice: Sendable, Hashable {
    public enum Syntax: String, Sendable, Hashable { case ubl, cii }

    public var syntax: Syntax
    public var isCreditNote: Bool
    /// BT-1
    public var number: String
    /// BT-2
    public var issued: CivilDate
    /// BT-9, only when the invoice states it.
    public var dueDate: CivilDate?
    /// BT-20
    public var paymentTermsText: String?
    /// BT-115, as the document states it (a credit note's is positive).
    public var amountDue: Money
    /// BT-44
    public var buyerName: String?
    /// BT-46, then BT-47 (legal registration, e.g. SIREN), then BT-48 (VAT number), as present.
    public var buyerIdentifiers: [String]
    /// BT-49 when its scheme is email (EM), then BT-58.
    public var buyerEmails: [String]

    /// The due date to use: BT-9, else one read from the terms text BT-20 (nil when neither says).
    public var effectiveDueDate: CivilDate? { dueDate ?? paymentTermsText.flatMap { TermsText.dueDate(in: $0, issued: issued) } }

    /// What the customer owes because of this document: negative for a credit note.
    public var openItem: OpenItem {
        let signed = isCreditNote ? Money(minorUnits: -amountDue.minorUnits, currency: amountDue.currency) : amountDue
        return OpenItem(customer: buyerIdentifiers.first ?? buyerName ?? "", customerName: buyerName, invoice: number,
                        issued: issued, due: effectiveDueDate, open: signed, total: nil, emails: buyerEmails)
    }
}

/// Reads a due date from free payment terms (BT-20): an explicit date (`due 2026-07-04`,
/// `bis 04.07.2018`, `le 15/07/2026`), else a number of days (`within 30 days`, `à 45 jours
/// fin de mois`, `30 Tage`) counted from the issue date.
enum TermsText {
    static func dueDate(in text: String, issued: CivilDate) -> CivilDate? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" })
            .map { String($0).trimmingCharacters() }
        for word in words {
            let stripped = word.hasSuffix(".") && word.count > 10 ? String(word.dropLast()) : word
            if stripped.contains(where: { $0 == "/" || $0 == "." || $0 == "-" }) {
                switch DateText.shape(stripped) {
                case .exact(let date): return date
                case .numeric:
                    if let date = DateText.resolve(DateText.shape(stripped), order: .dayFirst) { return date }
                case .invalid: continue
                }
            }
        }
        if let terms = PaymentTerms(daysIn: words) { return terms.dueDate(issued: issued) }
        return nil
    }
}

extension PaymentTerms {
    /// Finds `N days|jours|Tage` among words, and "fin de mois" / "end of month" anywhere.
    init?(daysIn words: [String]) {
        let lower = words.map { HeaderText.normalize($0) }
        let joined = lower.joined(separator: " ")
        for (index, word) in lower.enumerated() {
            guard let days = Int(word), index + 1 < lower.count,
                  ["days", "day", "jours", "jour", "j", "tage", "tagen", "dagen", "giorni", "dias"].contains(lower[index + 1]),
                  (0...365).contains(days)
            else { continue }
            self.init(days: days, endOfMonth: joined.contains("fin de mois") || joined.contains("end of month"))
            return
        }
        return nil
    }
}
