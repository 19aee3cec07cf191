/// French "de" before a name, as a person writes it: "de la part d'Imprimerie Martin"
/// (elision before a vowel or a mute h), "du Bon Coin" and "des Jardins" (de + le, de + les),
/// "de Dupont SA" otherwise.
public enum FrenchPreposition {
    public static func de(_ name: String) -> String {
        let trimmed = name.trimmingSpaces()
        guard let first = trimmed.first else { return "de" }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("le ") { return "du " + trimmed.dropFirst(3) }
        if lower.hasPrefix("les ") { return "des " + trimmed.dropFirst(4) }
        if startsWithVowelSound(first, word: lower) { return "d'" + trimmed }
        return "de " + trimmed
    }

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "à", "â", "ä", "é", "è", "ê", "ë", "î", "ï", "ô", "ö", "ù", "û", "ü", "œ", "æ"]

    /// Words whose h is aspirated ("le hangar"): no elision before them. Other h are mute.
    static let aspiratedH: [String] = ["hach", "haie", "hain", "hall", "halte", "hamac", "hameau", "hanche", "hand", "hangar",
                                       "hardi", "hareng", "haricot", "harpe", "hasard", "hatt", "haut", "havre", "hérisson",
                                       "héro", "hêtre", "hibou", "hollande", "homard", "hongr", "honte", "hors", "houblon",
                                       "housse", "huit", "hurl", "hutte"]

    static func startsWithVowelSound(_ first: Character, word: String) -> Bool {
        let letter = first.lowercased().first ?? first
        if vowels.contains(letter) { return true }
        guard letter == "h" else { return false }
        return !aspiratedH.contains { word.hasPrefix($0) }
    }
}
