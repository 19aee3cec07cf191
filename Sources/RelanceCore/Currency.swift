/// An ISO 4217 currency and the number of digits of its minor unit.
/// Amounts are integers of minor units; amounts of different currencies are never added.
public struct Currency: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let code: String
    public let minorDigits: Int

    /// Currencies whose minor unit is not the usual two digits (ISO 4217).
    private static let exceptions: [String: Int] = [
        "JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "VND": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "HUF": 2, "BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3, "TND": 3, "LYD": 3, "IQD": 3,
    ]

    public static let euro = Currency(validCode: "EUR", minorDigits: 2)

    /// Accepts three ASCII letters in any case; nil otherwise.
    public init?(code raw: some StringProtocol) {
        let upper = raw.uppercased()
        guard upper.count == 3, upper.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        self.init(validCode: upper, minorDigits: Currency.exceptions[upper] ?? 2)
    }

    private init(validCode: String, minorDigits: Int) {
        self.code = validCode
        self.minorDigits = minorDigits
    }

    public var description: String { code }

    /// The same currency counted in whole units: a round sum written without its cents.
    var wholeUnits: Currency { Currency(validCode: code, minorDigits: 0) }

    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.code < rhs.code }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let currency = Currency(code: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 4217 code: \(text)")
        }
        self = currency
    }
}
