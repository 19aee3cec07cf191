import GRDB
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

    /// nil for NULL or for text that is not `YYYY-MM-DD`.
    func date(_ index: CInt) -> CivilDate? {
        string(index).flatMap { CivilDate(iso8601: $0) }
    }
}
