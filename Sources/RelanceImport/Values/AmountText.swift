import RelanceCore

/// How the amounts of one file write their decimal mark, decided from the whole column:
/// `1,234` alone could be either, but a file that also holds `12,50` writes decimal commas.
public enum DecimalMark: String, Sendable, Hashable {
    case comma = ","
    case point = "."
}

/// Amounts as exports print them: `1 234,56`, `1.234,56`, `1,234.56`, `1234.5`, with ordinary,
/// no-break, narrow no-break or thin spaces, an apostrophe (Swiss) between groups, a currency
/// symbol or code before or after, `(123,45)` or a trailing minus for negatives.
enum AmountText {
    struct Cleaned: Sendable, Hashable {
        var negative: Bool
        /// Digits and at most the marks `,` and `.`, nothing else.
        var body: String
        var currencyHint: String?
    }

    enum Problem: Error, Sendable, Hashable { case empty, notANumber, tooManyDecimals(Int), overflow }

    private static let symbols: [(String, String)] = [
        ("€", "EUR"), ("EUR", "EUR"), ("US$", "USD"), ("$", "USD"), ("USD", "USD"), ("£", "GBP"), ("GBP", "GBP"),
        ("CHF", "CHF"), ("FS", "CHF"), ("¥", "JPY"), ("JPY", "JPY"), ("CAD", "CAD"),
    ]

    static func clean(_ raw: String) -> Cleaned? {
        var text = raw.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        var negative = false
        var currency: String?
        for (symbol, code) in symbols {
            if text.uppercased().hasPrefix(symbol) { currency = code; text = String(text.dropFirst(symbol.count)).trimmingSpaces(); break }
            if text.uppercased().hasSuffix(symbol) { currency = code; text = String(text.dropLast(symbol.count)).trimmingSpaces(); break }
        }
        if text.hasPrefix("("), text.hasSuffix(")") { negative = true; text = String(text.dropFirst().dropLast()).trimmingSpaces() }
        if let first = text.first, first == "-" || first == "+" || first == "\u{2212}" {
            negative = negative != (first != "+"); text = String(text.dropFirst()).trimmingSpaces()
        } else if let last = text.last, last == "-" || last == "\u{2212}" {
            negative.toggle(); text = String(text.dropLast()).trimmingSpaces()
        }
        // A symbol may sit inside the sign: `-€12` or `(12 €)`.
        for (symbol, code) in symbols where currency == nil {
            if text.uppercased().hasPrefix(symbol) { currency = code; text = String(text.dropFirst(symbol.count)).trimmingSpaces(); break }
            if text.uppercased().hasSuffix(symbol) { currency = code; text = String(text.dropLast(symbol.count)).trimmingSpaces(); break }
        }
        var body = ""
        for character in text {
            switch character {
            case "0"..."9", ",", ".": body.append(character)
            case " ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "\u{2019}": continue
            default: return Cleaned(negative: negative, body: "?", currencyHint: currency)
            }
        }
        return Cleaned(negative: negative, body: body, currencyHint: currency)
    }

    /// The mark a value proves, if any: one mark followed by 1, 2 (or 4+) digits at the end is
    /// decimal; `1.234,56` proves comma; a repeated mark (`1.234.567`) proves the other one.
    static func evidence(_ cleaned: Cleaned) -> DecimalMark? {
        let body = cleaned.body
        guard let lastMark = body.lastIndex(where: { $0 == "," || $0 == "." }) else { return nil }
        let mark: DecimalMark = body[lastMark] == "," ? .comma : .point
        let other: Character = mark == .comma ? "." : ","
        if body.contains(other) { return mark }
        let occurrences = body.filter { $0 == body[lastMark] }.count
        if occurrences > 1 { return mark == .comma ? .point : .comma }
        let decimals = body.distance(from: body.index(after: lastMark), to: body.endIndex)
        return decimals == 3 ? nil : mark
    }

    static func money(_ cleaned: Cleaned, mark: DecimalMark, currency: Currency) -> Result<Money, Problem> {
        if cleaned.body == "?" { return .failure(.notANumber) }
        if cleaned.body.isEmpty { return .failure(.empty) }
        let grouping: Character = mark == .comma ? "." : ","
        let decimal: Character = mark == .comma ? "," : "."
        let plain = cleaned.body.filter { $0 != grouping }
        let parts = plain.split(separator: decimal, omittingEmptySubsequences: false)
        guard parts.count <= 2, !(parts.count == 2 && parts[1].isEmpty) else { return .failure(.notANumber) }
        if parts.count == 2, parts[1].count > currency.minorDigits {
            // `12,500` in a 2-digit currency is fine when the extra digits are zeros (Excel pads).
            let extra = parts[1].dropFirst(currency.minorDigits)
            guard extra.allSatisfy({ $0 == "0" }) else { return .failure(.tooManyDecimals(parts[1].count)) }
            return money(Cleaned(negative: cleaned.negative, body: parts[0] + String(decimal) + parts[1].prefix(currency.minorDigits),
                                 currencyHint: cleaned.currencyHint),
                         mark: mark, currency: currency)
        }
        let decimalText = (cleaned.negative ? "-" : "") + plain.replacing(String(decimal), with: ".")
        guard let money = Money(decimal: decimalText, currency: currency) else {
            return .failure(plain.count > 15 ? .overflow : .notANumber)
        }
        return .success(money)
    }
}
