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

extension Language {
    /// The language of a line meant for every creditor at once (a purge of the shared store,
    /// the closing lines of `relance run --once`): theirs when they all share one, English
    /// otherwise — and English with no creditor, the operator's default.
    public static func shared(by languages: some Sequence<Language>) -> Language {
        let distinct = Set(languages)
        return distinct.count == 1 ? distinct.first! : .english
    }

    /// The same rule over the stores' raw `creditor.language` values: a value this build does
    /// not know (written by a newer one) reads as English, so it never lends a creditor a
    /// language it cannot be worded in.
    public static func shared(byStored rawValues: some Sequence<String>) -> Language {
        shared(by: rawValues.map { Language(rawValue: $0) ?? .english })
    }
}
