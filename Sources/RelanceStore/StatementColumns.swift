import GRDB
import GRDBSQLite
import RelanceCore

/// The columns of the row a cursor has just stepped to, read through GRDB's inlinable SQLite
/// accessors: for reads of 100,000 rows, GRDB's `Row` subscripts (an existential and an
/// unspecialized generic per value) cost more than SQLite itself. Valid only until the
/// cursor steps again.
struct StatementColumns {
    private let statement: SQLiteStatement

    init(_ statement: SQLiteStatement) {
        self.statement = statement
    }

    /// nil for NULL.
    func int64(_ index: CInt) -> Int64? {
        Int64.fromStatement(statement, atUncheckedIndex: index)
    }

    /// nil for NULL.
    func string(_ index: CInt) -> String? {
        String.fromStatement(statement, atUncheckedIndex: index)
    }

    /// nil for NULL or for text that is not `YYYY-MM-DD`: parsed from the bytes where SQLite
    /// holds them, without a `String`.
    func date(_ index: CInt) -> CivilDate? {
        guard let bytes = text(index) else { return nil }
        return CivilDate(iso8601UTF8: bytes)
    }

    /// Whether the column is a text of exactly `string`'s bytes (false for NULL).
    func text(_ index: CInt, equals string: String) -> Bool {
        guard let bytes = text(index) else { return false }
        var string = string
        return string.withUTF8 { $0.elementsEqual(bytes) }
    }

    /// The column's text where SQLite holds it, valid until the next step or reset of the
    /// statement (sqlite.org/c3ref/column_blob.html): used at once, never kept. nil for NULL.
    private func text(_ index: CInt) -> UnsafeBufferPointer<UInt8>? {
        // `sqlite3_column_text` first, then `sqlite3_column_bytes`: the order SQLite documents
        // so that the length is the length of the text returned. Both within the statement's
        // own bounds: `count` bytes at `start`, as SQLite says.
        guard let start = sqlite3_column_text(statement, index) else { return nil }
        return UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, index)))
    }
}
