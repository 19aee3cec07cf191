import RelanceCore

/// Small shared helpers of the bank statement readers.
enum BankText {
    /// Spaces collapsed and trimmed; nil when nothing is left.
    static func clean(_ text: some StringProtocol) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Several texts joined with " / ", skipping empty ones and exact repeats.
    static func join(_ parts: [String?]) -> String {
        var seen = Set<String>()
        return parts.compactMap { $0.flatMap { clean($0) } }.filter { seen.insert($0).inserted }.joined(separator: " / ")
    }

    /// An IBAN without spaces, in capitals; nil unless it looks like one (country, check digits).
    static func iban(_ text: String?) -> String? {
        guard let text else { return nil }
        let compact = text.uppercased().filter { $0 != " " }
        guard compact.count >= 15, compact.count <= 34,
              compact.prefix(2).allSatisfy({ $0.isASCII && $0.isLetter }),
              compact.dropFirst(2).prefix(2).allSatisfy(\.isASCIIDigit),
              compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        return compact
    }

    /// A decimal amount such as `8.85`, `200000` or `6.3`, in the currency's minor units.
    /// Extra zero decimals (`12.34000`) are accepted; a real fraction of a cent is not.
    static func money(_ text: String, currency: Currency, negative: Bool) -> Money? {
        var plain = Substring(text.filter { $0 != " " })
        if let dot = plain.firstIndex(where: { $0 == "." || $0 == "," }) {
            while plain.count - plain.distance(from: plain.startIndex, to: dot) - 1 > currency.minorDigits, plain.last == "0" {
                plain = plain.dropLast()
            }
            if plain.last == "." || plain.last == "," { plain = plain.dropLast() }
        }
        guard let value = Money(decimal: plain, currency: currency) else { return nil }
        return Money(minorUnits: negative ? -value.minorUnits.magnitudeSigned : value.minorUnits, currency: currency)
    }
}

extension Int64 {
    /// The absolute value, for amounts whose sign comes from elsewhere (CdtDbtInd).
    var magnitudeSigned: Int64 { self < 0 ? -self : self }
}
