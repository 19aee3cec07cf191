/// An amount in integer minor units of one currency (cents for EUR).
/// Floating point never touches money: parsing, summing and rounding are integer operations.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    public var minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }

    /// Parses a plain decimal such as `-1234.5` or `1234,56` (no grouping, no symbol).
    /// Refuses more fractional digits than the currency has: rounding money silently is a bug.
    public init?(decimal text: some StringProtocol, currency: Currency) {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" || digits.first == "+" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        let parts = digits.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard !digits.isEmpty, parts.count <= 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              !parts[0].isEmpty || parts.count == 2
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= currency.minorDigits, !(parts.count == 2 && fraction.isEmpty) else { return nil }
        let padded = fraction + String(repeating: "0", count: currency.minorDigits - fraction.count)
        guard let units = Int64(parts[0].isEmpty ? "0" : String(parts[0])),
              let minor = Int64(padded.isEmpty ? "0" : padded)
        else { return nil }
        let scale = Money.scale(currency)
        let (product, overflow) = units.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        let (total, overflow2) = product.addingReportingOverflow(minor)
        guard !overflow2 else { return nil }
        self.init(minorUnits: negative ? -total : total, currency: currency)
    }

    /// A plain decimal string with a dot and exactly the currency's digits: `-1234.50`.
    public var decimalString: String {
        let scale = Money.scale(currency)
        let magnitude = minorUnits.magnitude
        let units = magnitude / UInt64(scale)
        let sign = minorUnits < 0 ? "-" : ""
        guard currency.minorDigits > 0 else { return "\(sign)\(units)" }
        let fraction = String(magnitude % UInt64(scale))
        let padded = String(repeating: "0", count: currency.minorDigits - fraction.count) + fraction
        return "\(sign)\(units).\(padded)"
    }

    /// French display: `1 234,56 €` with a narrow no-break space as the group separator.
    public func formatted(locale: Language) -> String {
        let plain = decimalString
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let grouped = Money.group(String(parts[0]), separator: locale == .french ? "\u{202F}" : ",")
        let decimalMark = locale == .french ? "," : "."
        let number = parts.count == 2 ? grouped + decimalMark + parts[1] : grouped
        let sign = negative ? "-" : ""
        switch (locale, currency.code) {
        case (.french, "EUR"): return "\(sign)\(number)\u{00A0}€"
        case (.english, "EUR"): return "\(sign)€\(number)"
        case (.english, "USD"): return "\(sign)$\(number)"
        case (.english, "GBP"): return "\(sign)£\(number)"
        default: return "\(sign)\(number)\u{00A0}\(currency.code)"
        }
    }

    public var description: String { "\(decimalString) \(currency.code)" }

    static func scale(_ currency: Currency) -> Int64 {
        var scale: Int64 = 1
        for _ in 0..<currency.minorDigits { scale *= 10 }
        return scale
    }

    static func group(_ digits: String, separator: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: separator)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
