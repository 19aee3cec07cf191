import Foundation

/// The numbers a person can dial in a task's `phones` detail, each as shown and as a `tel:` link.
/// The detail holds a comma-separated list — or, when no number is left, advice in words
/// ("aucun numéro valable : trouver un numéro (site, Infogreffe, standard) avant d'appeler"),
/// whose pieces between commas must never be shown or dialled as numbers.
public struct DialablePhone: Sendable, Hashable {
    /// As the contacts file wrote it: `01 23 45 67 89`.
    public var shown: String
    /// Digits and a leading `+`: `0123456789`.
    public var dial: String
    public var telLink: String { "tel:" + dial }

    /// Only a list made wholly of a number's characters is numbers: anything else is words.
    /// An entry with fewer than six digits is not a number one can call.
    public static func list(_ text: String) -> [DialablePhone] {
        let entries = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard entries.allSatisfy({ $0.unicodeScalars.allSatisfy(numberCharacters.contains) }) else { return [] }
        return entries.compactMap { shown in
            var dial = ""
            for character in shown where character.isASCII && (character.isNumber || (character == "+" && dial.isEmpty)) {
                dial.append(character)
            }
            return dial.filter(\.isNumber).count >= 6 ? DialablePhone(shown: shown, dial: dial) : nil
        }
    }

    private static let numberCharacters = CharacterSet(charactersIn: "0123456789+ .-()/")
}
