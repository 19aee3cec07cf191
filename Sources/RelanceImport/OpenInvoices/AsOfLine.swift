import RelanceCore

/// Finds the "as of" date in a report's title lines: `Balance âgée au 31/12/2026`,
/// `Aged receivables as of 2026-12-31`, `Arrêté au 31 décembre 2026`.
enum AsOfLine {
    /// "au", "as of", "as at" name the books' date; "le" and "du" may name the printing date,
    /// so they count only when the line has none of the first.
    static func date(in line: String) -> CivilDate? {
        date(in: line, keywords: ["au", "of", "at"]) ?? date(in: line, keywords: ["le", "du"])
    }

    private static func date(in line: String, keywords: Set<String>) -> CivilDate? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == ":" }).map(String.init)
        for (at, word) in words.enumerated() {
            let lower = HeaderText.normalize(word)
            guard keywords.contains(lower), at + 1 < words.count else { continue }
            if case .exact(let date) = DateText.shape(words[at + 1]) { return date }
            if case .numeric = DateText.shape(words[at + 1]),
               let date = DateText.resolve(DateText.shape(words[at + 1]), order: lower == "of" || lower == "at" ? .monthFirst : .dayFirst)
                ?? DateText.resolve(DateText.shape(words[at + 1]), order: .dayFirst) {
                return date
            }
            if at + 3 < words.count, case .exact(let date) = DateText.shape(words[(at + 1)...(at + 3)].joined(separator: " ")) {
                return date
            }
        }
        return nil
    }
}
