import GRDB

extension AppDatabase {
    /// `v14-bank-dedup-digest`: a bank entry's de-duplication key held its label in clear
    /// (`day:DATE|AMOUNT|LABEL`, when the bank gives no reference), so the retention, which empties
    /// the label of a settled entry, left a copy of it in the key. The label becomes its SHA-256
    /// (`BankStatementApplier.storedKey`); overlapping statements still meet on the same key.
    static func bankDedupDigestMigration(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, dedup_key FROM bank_entry WHERE dedup_key LIKE 'day:%'")
        for row in rows {
            let key: String = row["dedup_key"]
            let stored = BankStatementApplier.storedKey(key)
            guard stored != key else { continue }
            try db.execute(sql: "UPDATE bank_entry SET dedup_key = ? WHERE id = ?", arguments: [stored, row["id"] as Int64])
        }
    }
}
