import GRDB

/// Lifts the insert triggers that keep the console's trigram indexes — of invoice numbers
/// (`v16-console-balance`) and of customers' codes, names and addresses (`v20-console-search`)
/// — for the length of a bulk load, and indexes what the load added in one statement each,
/// after. FTS5 writes its pending terms out at every statement's savepoint, so a trigger fired
/// by 100,000 single-row INSERTs wrote 100,000 small index segments and merged them: seven
/// tenths of a first load's CPU time. The triggers come back, as the schema holds them, in the
/// same transaction: a failed import rolls everything back.
struct TrigramIndexPause {
    static let triggers = ["invoice_number_trigram_insert", "customer_search_insert", "customer_search_email_insert"]
    /// The lifted triggers' `CREATE TRIGGER` statements, as `sqlite_master` keeps them.
    let createTriggers: [String: String]
    /// Rows above these ids are the load's (an `INTEGER PRIMARY KEY` grows from the largest).
    let lastInvoiceBefore: Int64
    let lastCustomerBefore: Int64
    /// The creditor whose book is loaded: its customers known before the load (from a contacts
    /// file) may have been given addresses by it.
    let creditor: String

    /// Nil when the store has none of these triggers (nothing to pause).
    static func begin(_ db: Database, creditor: String) throws -> TrigramIndexPause? {
        var statements: [String: String] = [:]
        for trigger in triggers {
            if let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", arguments: [trigger]) {
                statements[trigger] = sql
            }
        }
        guard !statements.isEmpty else { return nil }
        let invoice = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM invoice") ?? 0
        let customer = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM customer") ?? 0
        for trigger in statements.keys { try db.execute(sql: "DROP TRIGGER \(trigger)") }
        return TrigramIndexPause(createTriggers: statements, lastInvoiceBefore: invoice, lastCustomerBefore: customer, creditor: creditor)
    }

    func end(_ db: Database) throws {
        if createTriggers["invoice_number_trigram_insert"] != nil {
            try db.execute(sql: "INSERT INTO invoice_number_trigram(rowid, number) SELECT id, number FROM invoice WHERE id > ?",
                           arguments: [lastInvoiceBefore])
        }
        if createTriggers["customer_search_insert"] != nil {
            // The customers the load created, with their addresses as they stand now (the
            // update triggers, still in place, found no row of theirs to update), folded by
            // `SearchIndexFolding` rather than the triggers' `replace` chains: the same text.
            db.add(function: SearchIndexFolding.function)
            defer { db.remove(function: SearchIndexFolding.function) }
            try db.execute(sql: """
                INSERT INTO customer_search(rowid, code, name, emails)
                SELECT id, \(SearchIndexFolding.sql("external_id")), \(SearchIndexFolding.sql("COALESCE(name, '')")), \(AppDatabase.customerSearchEmails(of: "customer.id"))
                FROM customer WHERE id > ?
                """, arguments: [lastCustomerBefore])
        }
        if createTriggers["customer_search_email_insert"] != nil {
            // The creditor's earlier customers: the load may have added addresses to them.
            try db.execute(sql: """
                UPDATE customer_search SET emails = \(AppDatabase.customerSearchEmails(of: "customer_search.rowid"))
                WHERE rowid IN (SELECT id FROM customer WHERE creditor_id = ? AND id <= ?)
                """, arguments: [creditor, lastCustomerBefore])
        }
        for trigger in TrigramIndexPause.triggers { if let sql = createTriggers[trigger] { try db.execute(sql: sql) } }
    }
}
