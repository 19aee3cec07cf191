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
