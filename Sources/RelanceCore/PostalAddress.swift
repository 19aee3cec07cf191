/// Postal address lines as La Poste's standard (NF Z10-011) wants them on a letter: the
/// postcode and the town on one line, in capitals without accents or punctuation
/// (`44000 NANTES`, `75008 PARIS CEDEX 08`). Lines that are not French stay as written.
public enum PostalAddress {
    /// Lines as a letter prints them: a postcode alone on its line joins the town on the next,
    /// `12 rue X, 44000 Nantes` is split before the postcode, and the postcode line is capitalised.
    public static func letterLines(_ lines: [String]) -> [String] {
        var cleaned: [String] = []
        for line in lines.flatMap({ $0.split(separator: "\n").map(String.init) }) {
            let trimmed = line.trimmingSpaces()
            guard !trimmed.isEmpty else { continue }
            cleaned += splitBeforePostcode(trimmed)
        }
        var out: [String] = []
        var index = 0
        while index < cleaned.count {
            var line = cleaned[index]
            if isPostcode(line), index + 1 < cleaned.count, !startsWithPostcode(cleaned[index + 1]) {
                line += " " + cleaned[index + 1]
                index += 1
            }
            out.append(startsWithPostcode(line) ? townLine(line) : line)
            index += 1
        }
        return out
    }

    /// `44000 Saint-Herblain` → `44000 SAINT HERBLAIN`.
    static func townLine(_ line: String) -> String {
        var out = ""
        for character in line.uppercased() {
            switch character {
            case "-", "'", "’", ",", ".", ";": out.append(" ")
            default: out += withoutAccent(character)
            }
        }
        return out.split(separator: " ").joined(separator: " ")
    }

    static func withoutAccent(_ character: Character) -> String {
        switch character {
        case "À", "Â", "Ä", "Á": "A"
        case "É", "È", "Ê", "Ë": "E"
        case "Î", "Ï", "Í": "I"
        case "Ô", "Ö", "Ó": "O"
        case "Ù", "Û", "Ü", "Ú": "U"
        case "Ç": "C"
        case "Ÿ": "Y"
        case "Œ": "OE"
        case "Æ": "AE"
        default: String(character)
        }
    }

    static func isPostcode(_ text: String) -> Bool {
        text.count == 5 && text.allSatisfy(\.isASCIIDigit)
    }

    /// A French postcode and a town: five digits, a space, a letter.
    static func startsWithPostcode(_ line: String) -> Bool {
        let characters = Array(line)
        guard characters.count > 6, characters[..<5].allSatisfy(\.isASCIIDigit), characters[5] == " " else { return false }
        return characters[6].isLetter
    }

    /// `12 rue des Lilas, 44000 Nantes` → two lines.
    static func splitBeforePostcode(_ line: String) -> [String] {
        guard let comma = line.lastIndex(of: ",") else { return [line] }
        let tail = String(line[line.index(after: comma)...]).trimmingSpaces()
        let head = String(line[..<comma]).trimmingSpaces()
        guard startsWithPostcode(tail), !head.isEmpty else { return [line] }
        return [head, tail]
    }
}
