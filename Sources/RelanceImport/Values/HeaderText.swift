/// Column titles compared the way a person reads them: case, accents, punctuation and
/// spacing do not matter (`N° Facture`, `n_facture` and `No. facture` are the same title).
public enum HeaderText {
    public static func normalize(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            let folded = fold(scalar)
            if folded.isEmpty {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(folded)
        }
        return out
    }

    /// Letters and digits survive (accents dropped); everything else separates words.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "a"..."z", "0"..."9": return String(scalar)
        case "à", "â", "ä", "á", "ã", "å": return "a"
        case "é", "è", "ê", "ë": return "e"
        case "î", "ï", "í", "ì": return "i"
        case "ô", "ö", "ó", "ò", "õ": return "o"
        case "ù", "û", "ü", "ú": return "u"
        case "ç": return "c"
        case "ÿ": return "y"
        case "ñ": return "n"
        case "œ": return "oe"
        case "æ": return "ae"
        case "ß": return "ss"
        default: return ""
        }
    }
}
