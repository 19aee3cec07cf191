/// The language a customer reads: picks templates, number and date formats.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case french = "fr"
    case english = "en"

    /// Accepts `fr`, `FR`, `fr-FR`, `français`, `en_GB`…; nil for anything else.
    public init?(tag: some StringProtocol) {
        let lower = tag.lowercased()
        if lower.hasPrefix("fr") { self = .french } else if lower.hasPrefix("en") { self = .english } else { return nil }
    }
}

extension Language {
    /// A count as people of this language write it: `1 000` (narrow no-break space) in French,
    /// `1,000` in English — the grouping of `Money.formatted(locale:)`.
    public func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        return (number < 0 ? "-" : "") + Money.group(digits, separator: self == .french ? "\u{202F}" : ",")
    }
}
