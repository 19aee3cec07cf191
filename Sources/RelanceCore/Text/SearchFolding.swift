import Foundation

/// How the console's search folds text: lowercased, accents and ligatures dropped, the
/// typographic apostrophe typed (« societe » finds « Société »). Both stores' search indexes hold
/// their customers' fields folded this way (SQLite's triggers and PostgreSQL's `relance_fold`
/// spell the same table in SQL), and a needle is folded by `fold` before it is looked up.
public enum SearchFolding {
    /// Each scalar and what it becomes. The combining accents (text stored decomposed) become
    /// nothing; the typographic apostrophe becomes the typed one.
    public static let table: [(Unicode.Scalar, String)] = {
        var pairs: [(Unicode.Scalar, String)] = []
        let groups: [(String, String)] = [
            ("àáâãäåÀÁÂÃÄÅ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"), ("ñÑ", "n"),
            ("òóôõöøÒÓÔÕÖØ", "o"), ("ùúûüÙÚÛÜ", "u"), ("ýÿÝŸ", "y"),
        ]
        for (letters, base) in groups { for scalar in letters.unicodeScalars { pairs.append((scalar, base)) } }
        pairs += [("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("ß", "ss"), ("\u{2019}", "'")]
        for accent in [0x300, 0x301, 0x302, 0x303, 0x308, 0x327] as [UInt32] { pairs.append((Unicode.Scalar(accent)!, "")) }
        return pairs
    }()

    private static let map: [Unicode.Scalar: String] = Dictionary(uniqueKeysWithValues: table)

    /// `text` lowercased and folded, as the index holds it (up to the index's own case folding).
    public static func fold(_ text: String) -> String {
        var folded = ""
        for scalar in text.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars {
            if let replacement = map[scalar] { folded += replacement } else { folded.unicodeScalars.append(scalar) }
        }
        return folded
    }
}
