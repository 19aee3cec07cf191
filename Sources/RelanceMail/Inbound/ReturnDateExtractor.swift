import RelanceCore

/// The return date an out-of-office states: a date preceded, in the same sentence, by the
/// words that announce a return or the end of an absence ("de retour le", "jusqu'au",
/// "back on", "until", "zurück am", "bis zum", "hasta el", "fino al"…).
enum ReturnDateExtractor {
    static func returnDate(in text: String, reference: CivilDate?) -> CivilDate? {
        for found in DateText.dates(in: text, reference: reference) {
            let windowStart = text.index(found.range.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
            var window = text[windowStart..<found.range.lowerBound].lowercased().replacingOccurrences(of: "’", with: "'")
            // Stay in the same sentence.
            if let stop = window.lastIndex(where: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "\n" }) {
                let candidate = String(window[window.index(after: stop)...])
                if !candidate.trimmedWhitespace.isEmpty { window = candidate }
            }
            if phrases.contains(where: { window.contains($0) }) { return found.date }
            let words = window.split { !$0.isLetter }.suffix(5).map(String.init)
            if words.contains(where: { anchorWords.contains($0) }) { return found.date }
        }
        return nil
    }

    private static let phrases = [
        "de retour", "jusqu'au", "jusqu'à", "jusqu'a", "à partir du", "a partir du", "à compter du", "a compter du", "retour le",
        "retour prévu", "back on", "back in", "return on", "returning on", "back from", "zurück am", "wieder am", "wieder im",
        "bis zum", "ab dem", "hasta el", "de vuelta", "a partir del", "fino al", "di ritorno", "rientro", "a partire dal",
    ]
    private static let anchorWords: Set<String> = [
        "retour", "reviendrai", "reprendrai", "rentrerai", "au",
        "back", "return", "returning", "returns", "until", "till", "til", "through", "thru", "resume", "to",
        "zurück", "zurueck", "bis", "ab",
        "hasta", "regreso", "regresaré", "volveré", "vuelta", "al",
        "fino", "rientrerò", "tornerò", "ritorno", "rientro",
    ]
}
