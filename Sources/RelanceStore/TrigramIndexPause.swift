import GRDB

/// Lifts the trigger that keeps the console's trigram index of invoice numbers
/// (`v16-console-balance`) for the length of a bulk load, and indexes the new numbers in one
/// statement after. FTS5 writes its pending terms out at every statement's savepoint, so a
/// trigger fired by 100,000 single-row INSERTs wrote 100,000 small index segments and merged
/// them: seven tenths of a first load's CPU time. The trigger comes back, as the schema holds it,
/// in the same transaction: a failed import rolls both back.
struct TrigramIndexPause {
    static let trigger = "invoice_number_trigram_insert"
    /// The trigger's `CREATE TRIGGER` statement, as `sqlite_master` keeps it.
    let createTrigger: String
    /// Invoice ids above this one are the load's (an `INTEGER PRIMARY KEY` grows from the largest).
    let lastIDBefore: Int64

    /// Nil when the store has no such trigger (nothing to pause).
    static func begin(_ db: Database) throws -> TrigramIndexPause? {
        guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                            arguments: [trigger]) else { return nil }
        let last = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM invoice") ?? 0
        try db.execute(sql: "DROP TRIGGER \(trigger)")
        return TrigramIndexPause(createTrigger: sql, lastIDBefore: last)
    }

    func end(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO invoice_number_trigram(rowid, number) SELECT id, number FROM invoice WHERE id > ?",
                       arguments: [lastIDBefore])
        try db.execute(sql: createTrigger)
    }
}
