import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: ConsolePagesStore {
    public func openTaskCounts(of creditor: CreditorID) async throws -> [WorkTask.Kind: Int] {
        try await writer.read { db in
            // `state = 'open'` spelled out: the open tasks' index (v13-console-indexes) is partial.
            var counts: [WorkTask.Kind: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT kind, COUNT(*) AS n FROM task WHERE creditor_id = ? AND state = 'open' GROUP BY kind
                """, arguments: [creditor.rawValue]) {
                guard let kind = WorkTask.Kind(rawValue: row["kind"]) else {
                    throw StoreError(.corrupt, "open tasks of creditor \(creditor.rawValue) have an unknown kind \(row["kind"] as String)")
                }
                counts[kind] = row["n"]
            }
            return counts
        }
    }

    public func openTasks(of creditor: CreditorID, kind: WorkTask.Kind, offset: Int, limit: Int) async throws -> [WorkTask] {
        try await writer.read { db in
            // The ORDER BY is the index's own (v13-console-indexes): SQLite walks it and stops
            // after the page, whatever the number of open tasks. A task with no due date comes
            // last, as it does in `TodayController.priority`.
            try Row.fetchAll(db, sql: Self.taskQuery + """
                 WHERE t.creditor_id = ? AND t.state = 'open' AND t.kind = ?
                ORDER BY COALESCE(t.due_on, '9999-12-31'), t.created_at, t.id LIMIT ? OFFSET ?
                """, arguments: [creditor.rawValue, kind.rawValue, max(0, limit), max(0, offset)]).map(Self.task)
        }
    }

    public func task(id: Int64) async throws -> WorkTask? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: Self.taskQuery + " WHERE t.id = ?", arguments: [id]).map(Self.task)
        }
    }

    public func liveHolds(of creditor: CreditorID, customer: Int64) async throws -> [CustomerHold] {
        try await writer.read { db in try Self.liveHolds(of: creditor, customer: customer, in: db) }
    }

    public func events(ofCustomer customerID: Int64, last limit: Int) async throws -> [JournalEntry] {
        try await writer.read { db in
            // `events(ofCustomer:)`'s two halves, the newest `limit` of them. The imports' half
            // goes through the index of `import.applied` events by import (v13-console-indexes):
            // without it, every page read the whole journal.
            try Row.fetchAll(db, sql: """
                SELECT * FROM (
                    SELECT * FROM event WHERE customer_id = ?1
                    UNION
                    SELECT e.* FROM event e WHERE e.kind = 'import.applied' AND e.import_id IN (
                        SELECT import_id FROM event WHERE customer_id = ?1 AND import_id IS NOT NULL)
                    ORDER BY id DESC LIMIT ?2)
                ORDER BY id
                """, arguments: [customerID, max(0, limit)]).map(Self.journalEntry)
        }
    }

    public func searchCustomers(of creditor: CreditorID, containing text: String, limit: Int) async throws -> [CustomerSearchHit] {
        let needle = text.lowercased()
        guard !needle.isEmpty, limit > 0 else { return [] }
        // The customers' fields are searched folded (`SearchFolding`: « societe » finds
        // « Société »); the invoice numbers as they are.
        let folded = SearchFolding.fold(text)
        return try await writer.read { db in
            // The open invoices whose number holds the needle. Three ASCII characters or more:
            // the numbers' trigram index (v16-console-balance) gives the few candidates, checked
            // again as below (the trigram index folds ASCII case as `lowercased()` does); CROSS
            // JOIN keeps the index first: inside the `IN` below, SQLite otherwise walked the
            // 100,000 open invoices and asked the index about each. Shorter
            // or not ASCII: the open numbers' index (v13-console-indexes), which holds the
            // customer, read whole — the table itself is never read.
            let byTrigram = needle.utf8.count >= 3 && needle.utf8.allSatisfy { $0 < 0x80 }
            let invoices = byTrigram
                ? """
                  SELECT i.customer_id FROM invoice_number_trigram t CROSS JOIN invoice i ON i.id = t.rowid
                  WHERE invoice_number_trigram MATCH :numberPhrase AND i.creditor_id = :creditor AND i.status = 'open' AND \(Self.contains("i.number"))
                  """
                : """
                  SELECT i.customer_id FROM invoice i INDEXED BY invoice_open_number
                  WHERE i.creditor_id = :creditor AND i.status = 'open' AND \(Self.contains("i.number"))
                  """
            // The customers whose folded code, name or an address holds the folded needle. Three
            // characters or more: the customers' trigram index (v20-console-search) gives the
            // candidates, checked again as `lowercased().contains` does. Shorter: the index's
            // rows read whole (one short row per customer).
            let customers = folded.isEmpty ? "SELECT NULL WHERE 0"
                : folded.unicodeScalars.count >= 3 ? "SELECT rowid FROM customer_search WHERE customer_search MATCH :foldedPhrase AND (\(Self.foldedFields))"
                : "SELECT rowid FROM customer_search WHERE \(Self.foldedFields)"
            // Named: a value the statement does not name (a phrase not searched) is left unused.
            let arguments: StatementArguments = [
                "creditor": creditor.rawValue, "needle": needle, "pattern": LikePattern.containing(needle), "limit": limit,
                "numberPhrase": Self.phrase(needle), "folded": folded, "foldedPattern": LikePattern.containing(folded),
                "foldedPhrase": Self.phrase(folded),
            ]
            // Each half once, not once per customer: `IN` a compound select is built first.
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id, c.external_id, c.name FROM customer c
                WHERE c.creditor_id = :creditor AND c.id IN (\(customers) UNION \(invoices))
                ORDER BY c.external_id LIMIT :limit
                """, arguments: arguments)
            let ids = rows.map { $0["id"] as Int64 }
            let idList = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
            var open: [Int64: [Money]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT customer_id, currency, SUM(open_minor) AS open FROM invoice
                WHERE creditor_id = ? AND status = 'open' AND customer_id IN (SELECT value FROM json_each(?))
                GROUP BY customer_id, currency
                """, arguments: [creditor.rawValue, idList]) {
                guard let currency = Currency(code: row["currency"] as String) else {
                    throw StoreError(.corrupt, "an invoice of customer \(row["customer_id"] as Int64) has currency \(row["currency"] as String)")
                }
                open[row["customer_id"], default: []].append(Money(minorUnits: row["open"], currency: currency))
            }
            return rows.map { row in
                let id: Int64 = row["id"]
                return CustomerSearchHit(customerID: id, externalID: row["external_id"], name: row["name"],
                                         openByCurrency: Demand.sumByCurrency(open[id] ?? []))
            }
        }
    }

    public func customerCodes(_ ids: Set<Int64>) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let idList = String(decoding: try JSONEncoder().encode(ids.sorted()), as: UTF8.self)
        return try await writer.read { db in
            var codes: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, external_id FROM customer WHERE id IN (SELECT value FROM json_each(?))",
                                        arguments: [idList]) {
                codes[row["id"]] = row["external_id"]
            }
            return codes
        }
    }

    /// The task columns `Self.task` reads, with its invoices.
    private static let taskQuery = """
        SELECT t.*, (SELECT json_group_array(invoice_id) FROM task_invoice WHERE task_id = t.id) AS invoices FROM task t
        """

    /// The needle as one FTS5 phrase: a substring for the trigram tokenizer.
    private static func phrase(_ needle: String) -> String {
        "\"" + needle.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether a folded field of `customer_search` holds the folded needle (`:folded`, `:foldedPattern` as a
    /// LIKE pattern), as `contains` below tells it.
    private static let foldedFields = ["code", "name", "emails"].map { contains($0, needle: ":folded", pattern: ":foldedPattern") }.joined(separator: " OR ")

    /// Whether `column` holds the lowercased needle (`:needle`; `:pattern` is it as a LIKE pattern), as
    /// `column.lowercased().contains(needle)` does: LIKE, which ignores the case of ASCII letters,
    /// answers for ASCII text; text with any other character is also lowercased by Swift
    /// (GRDB's `swiftLowercaseString`). A call into Swift for each of 100,000 invoice numbers, or
    /// a GLOB to tell the ASCII ones, cost more than the whole page may.
    private static func contains(_ column: String, needle: String = ":needle", pattern: String = ":pattern") -> String {
        "(\(column) LIKE \(pattern) ESCAPE '\\' OR (length(CAST(\(column) AS BLOB)) <> length(\(column)) AND instr(swiftLowercaseString(\(column)), \(needle)) > 0))"
    }
}
