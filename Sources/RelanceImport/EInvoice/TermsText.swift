import RelanceCore

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
