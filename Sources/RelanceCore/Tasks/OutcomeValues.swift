import Foundation

/// Dates and amounts as people type them in an outcome — `15/01/2027` or `2027-01-15`,
/// `912,00`, `1 234,56 €` or `912.00` — for the CLI and emailed replies alike. Pure.
public enum OutcomeValues {
    /// `YYYY-MM-DD`, `DD/MM/YYYY` or `DD.MM.YYYY`; nil otherwise (never a guess between
    /// day-first and month-first: the only slashed form is the French day-first one).
    public static func date(_ text: some StringProtocol) -> CivilDate? {
        let text = String(text)
        if let iso = CivilDate(iso8601: text) { return iso }
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// A positive amount in `currency`: spaces (also no-break ones) as grouping, a comma or a dot
    /// before the cents, an optional currency sign or code. nil when it is not one.
    public static func amount(_ text: some StringProtocol, currency: Currency) -> Money? {
        var cleaned = String(text)
        for sign in ["€", currency.code, "EUR"] { cleaned = cleaned.replacingOccurrences(of: sign, with: "") }
        cleaned = String(cleaned.filter { !($0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "'") })
        // `1.234,56`: a dot grouping before a decimal comma.
        if cleaned.contains(","), cleaned.contains(".") {
            guard let comma = cleaned.lastIndex(of: ","), let dot = cleaned.lastIndex(of: "."), dot < comma else { return nil }
            cleaned = String(cleaned.filter { $0 != "." })
        }
        guard let money = Money(decimal: cleaned, currency: currency), money.minorUnits > 0 else { return nil }
        return money
    }
}

