import GRDB

/// Rows queued for a many-rows INSERT (`PreparedRows`): written a full statement at a time as
/// they come, the rest when flushed — in the order they were queued, so that their ids are
/// those one row at a time would give.
struct QueuedRows {
    private var prepared: PreparedRows
    private var values = StatementValues()

    init(_ rows: MultiRowStatement) { prepared = PreparedRows(rows) }

    /// Queues one row (`row` appends its values, in the statement's column order); writes a
    /// full statement's rows once there are enough.
    mutating func append(_ row: (inout StatementValues) -> Void, in db: Database) throws {
        row(&values)
        if values.count == prepared.rows.rowsPerStatement * prepared.rows.valuesPerRow { try flush(in: db) }
    }

    /// Writes the queued rows, in order.
    mutating func flush(in db: Database) throws {
        guard values.count > 0 else { return }
        let statement = try prepared.statement(rows: values.count / prepared.rows.valuesPerRow, in: db)
        try values.run(statement) { try $0.execute() }
        values.removeAll()
    }
}
