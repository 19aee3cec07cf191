import GRDB

/// A `MultiRowStatement` prepared on one database for as long as one import: the statement of
/// a full part is made once and kept (batches are mostly full parts), a shorter part's when it
/// is asked for (the last of a batch).
struct PreparedRows {
    let rows: MultiRowStatement
    private var full: Statement?

    init(_ rows: MultiRowStatement) { self.rows = rows }

    /// The statement for `count` rows (1 to `rows.rowsPerStatement`).
    mutating func statement(rows count: Int, in db: Database) throws -> Statement {
        if count == rows.rowsPerStatement, let full { return full }
        let statement = try db.makeStatement(sql: rows.sql(rows: count))
        if count == rows.rowsPerStatement { full = statement }
        return statement
    }
}
