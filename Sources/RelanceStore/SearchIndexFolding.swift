import GRDB
import RelanceCore

/// `SearchFolding.sql` in Swift, as a SQL function a large first load registers for its
/// catch-up of the customers' search index (`TrigramIndexPause`): the same text, byte for byte,
/// as the triggers' `replace` chains write, at a fraction of the cost. Evaluating the chains
/// (some fifty nested `replace` calls for each code and each name) was four fifths of that
/// catch-up, a sixth of a 100,000-row first load (issue #17).
///
/// Only the load uses it: the triggers keep their plain SQL, so the schema needs no function of
/// Relance's own (a store opened by `sqlite3` still works).
enum SearchIndexFolding {
    static let functionName = "relance_search_index_fold"

    /// Each of the table's scalars replaced by its text, everything else kept; no case folding
    /// and no normalization, as `replace` does neither. The table's scalars are all outside
    /// ASCII and their replacements are ASCII, so the order of the chains cannot matter and
    /// ASCII text comes back as it is.
    static func fold(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replacement = map[scalar] { folded.append(contentsOf: replacement.unicodeScalars) } else { folded.append(scalar) }
        }
        return String(folded)
    }

    private static let map: [Unicode.Scalar: String] = Dictionary(uniqueKeysWithValues: SearchFolding.table)

    /// The SQL expression folding `expression` (evaluated more than once: a column, or a
    /// pure expression of columns): the function, else `SearchFolding.sql`'s chains for the
    /// rare text the function cannot read whole.
    static func sql(_ expression: String) -> String {
        "COALESCE(\(functionName)(\(expression), length(CAST(\(expression) AS BLOB))), \(SearchFolding.sql(expression)))"
    }

    /// The function, deterministic: the text and its length in bytes. GRDB reads a text
    /// argument up to its first NUL; such a text (its length in bytes differs) gets NULL, and
    /// `sql`'s fallback folds it in SQL. NULL stays NULL as it does through `replace`.
    static let function = DatabaseFunction(functionName, argumentCount: 2, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]), let bytes = Int.fromDatabaseValue(values[1]),
              text.utf8.count == bytes else { return nil }
        return fold(text)
    }
}
