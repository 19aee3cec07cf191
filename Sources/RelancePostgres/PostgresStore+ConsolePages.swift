import Foundation
import PostgresNIO
public import RelanceCore

/// The console's narrowed reads on PostgreSQL: a page costs the rows it shows (the open tasks'
/// index `task_open_by_kind`, the trigram indexes of the customers' folded fields and of the
/// invoice numbers), each the same as the whole-book read filtered, as on SQLite.
extension PostgresStore: ConsolePagesStore {
    public func openTaskCounts(of creditor: CreditorID) async throws -> [WorkTask.Kind: Int] {
        try await connection { connection in
            var counts: [WorkTask.Kind: Int] = [:]
            for try await (kind, count) in try await connection.liveQuery("""
                SELECT kind, count(*) FROM task WHERE creditor_id = \(creditor.rawValue) AND state = 'open' GROUP BY kind
                """, logger: logger).decode((String, Int).self) {
                guard let known = WorkTask.Kind(rawValue: kind) else {
                    throw PostgresStoreError(.corrupt, "open tasks of creditor \(creditor.rawValue) have an unknown kind \(kind)",
                                             context: ["creditor": creditor.rawValue])
                }
                counts[known] = count
            }
            return counts
        }
    }

    public func openTasks(of creditor: CreditorID, kind: WorkTask.Kind, offset: Int, limit: Int) async throws -> [WorkTask] {
        try await connection { connection in
            // The ORDER BY is the index's own: the page is read from it, whatever the number of
            // open tasks; a task with no due date comes last, as in `TodayController.priority`.
            try await Self.tasks(connection.liveQuery("""
                SELECT \(unescaped: Self.taskColumns) FROM task t
                WHERE t.creditor_id = \(creditor.rawValue) AND t.state = 'open' AND t.kind = \(kind.rawValue)
                ORDER BY COALESCE(t.due_on, DATE '9999-12-31'), t.created_at, t.id LIMIT \(Int64(max(0, limit))) OFFSET \(Int64(max(0, offset)))
                """, logger: logger))
        }
    }

    public func task(id: Int64) async throws -> WorkTask? {
        try await connection { connection in
            try await Self.tasks(connection.liveQuery("SELECT \(unescaped: Self.taskColumns) FROM task t WHERE t.id = \(id)", logger: logger)).first
        }
    }

    public func liveHolds(of creditor: CreditorID, customer: Int64) async throws -> [CustomerHold] {
        // A creditor's live holds are few (a pause, a promise, a dispute per customer at most).
        try await liveHolds(of: creditor).filter { $0.customerID == customer }
    }

    public func events(ofCustomer customerID: Int64, last limit: Int) async throws -> [JournalEntry] {
        try await connection { connection in
            // `events(ofCustomer:)`'s two halves (the customer's lines, and the applied imports
            // that touched it), the newest `limit` of them, oldest first.
            try await Self.entries(connection.liveQuery("""
                SELECT \(unescaped: Self.eventColumns) FROM (
                    SELECT * FROM event WHERE customer_id = \(customerID)
                    UNION
                    SELECT e.* FROM event e WHERE e.kind = 'import.applied' AND e.import_id IN (
                        SELECT import_id FROM event WHERE customer_id = \(customerID) AND import_id IS NOT NULL)
                    ORDER BY id DESC LIMIT \(Int64(max(0, limit)))) newest
                ORDER BY id
                """, logger: logger))
        }
    }

    public func searchCustomers(of creditor: CreditorID, containing text: String, limit: Int) async throws -> [CustomerSearchHit] {
        let needle = text.lowercased()
        guard !needle.isEmpty, limit > 0 else { return [] }
        // The customers' code and name are searched folded (`SearchFolding`, byte for byte the
        // `relance_fold` the triggers apply), their addresses (ASCII) ignoring case; the invoice
        // numbers as `lowercased()` folds them —
        // ILIKE (trigram index) answers for ASCII, ICU's lower for numbers with other letters.
        let folded = SearchFolding.fold(text)
        let pattern = LikePattern.containing(needle)
        let foldedPattern = LikePattern.containing(folded)
        return try await readSnapshot { connection in
            var hits: [(id: Int64, code: String, name: String?)] = []
            for try await hit in try await connection.liveQuery("""
                SELECT c.id, c.external_id, c.name FROM customer c
                WHERE c.creditor_id = \(creditor.rawValue) AND c.id IN (
                    SELECT s.customer_id FROM customer_search s
                    WHERE \(folded) <> '' AND (s.code LIKE \(foldedPattern) ESCAPE '\\' OR s.name LIKE \(foldedPattern) ESCAPE '\\'
                                               OR s.emails ILIKE \(foldedPattern) ESCAPE '\\')
                    UNION
                    SELECT i.customer_id FROM invoice i
                    WHERE i.creditor_id = \(creditor.rawValue) AND i.status = 'open'
                          AND (i.number ILIKE \(pattern) ESCAPE '\\'
                               OR (i.number ~ '[^\\x01-\\x7f]' AND lower(i.number COLLATE "und-x-icu") LIKE \(pattern) ESCAPE '\\')))
                ORDER BY c.external_id COLLATE "C" LIMIT \(Int64(limit))
                """, logger: logger).decode((Int64, String, String?).self) { hits.append(hit) }
            var open: [Int64: [Money]] = [:]
            for try await (customer, code, minor) in try await connection.liveQuery("""
                SELECT customer_id, currency, sum(open_minor)::bigint FROM invoice
                WHERE creditor_id = \(creditor.rawValue) AND status = 'open' AND customer_id = ANY(\(hits.map(\.id)))
                GROUP BY customer_id, currency
                """, logger: logger).decode((Int64, String, Int64).self) {
                guard let currency = Currency(code: code) else {
                    throw PostgresStoreError(.corrupt, "an invoice of customer \(customer) has currency \(code)", context: ["customer": "\(customer)"])
                }
                open[customer, default: []].append(Money(minorUnits: minor, currency: currency))
            }
            return hits.map { CustomerSearchHit(customerID: $0.id, externalID: $0.code, name: $0.name,
                                                openByCurrency: Demand.sumByCurrency(open[$0.id] ?? [])) }
        }
    }

    public func customerCodes(_ ids: Set<Int64>) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        return try await connection { connection in
            var codes: [Int64: String] = [:]
            for try await (id, code) in try await connection.liveQuery(
                "SELECT id, external_id FROM customer WHERE id = ANY(\(ids.sorted()))", logger: logger).decode((Int64, String).self) {
                codes[id] = code
            }
            return codes
        }
    }
}
