public import Foundation
import PostgresNIO
public import RelanceCore

extension PostgresStore: EventJournal {
    public func record(_ event: NewEvent) async throws {
        try await record([event])
    }

    public func record(_ events: [NewEvent]) async throws {
        guard !events.isEmpty else { return }
        try await transaction { connection in try await Self.append(events, on: connection, logger: logger) }
    }

    public func recentEvents(of creditor: CreditorID?, limit: Int) async throws -> [JournalEntry] {
        try await connection { connection in
            try await Self.entries(connection.liveQuery("""
                SELECT \(unescaped: Self.eventColumns) FROM event
                WHERE (\(creditor?.rawValue)::text IS NULL OR creditor_id = \(creditor?.rawValue)) ORDER BY id DESC LIMIT \(Int64(limit))
                """, logger: logger))
        }
    }

    public func events(of creditor: CreditorID, kinds: Set<String>, since: Date) async throws -> [JournalEntry] {
        try await connection { connection in
            try await Self.entries(connection.liveQuery("""
                SELECT \(unescaped: Self.eventColumns) FROM event
                WHERE creditor_id = \(creditor.rawValue) AND at >= \(since) AND kind = ANY(\(kinds.sorted())) ORDER BY id
                """, logger: logger))
        }
    }

    public func events(ofCustomer customerID: Int64) async throws -> [JournalEntry] {
        try await connection { connection in
            // The customer's own events, and the imports that showed its invoices.
            try await Self.entries(connection.liveQuery("""
                SELECT \(unescaped: Self.eventColumns) FROM event WHERE customer_id = \(customerID)
                UNION
                SELECT \(unescaped: Self.eventColumns) FROM event WHERE kind = 'import.applied' AND import_id IN (
                    SELECT import_id FROM event WHERE customer_id = \(customerID) AND import_id IS NOT NULL)
                ORDER BY id
                """, logger: logger))
        }
    }

    /// Appends within the caller's transaction, so a decision and its record commit together.
    /// The summary is stored with its control characters escaped, as the SQLite store does.
    static func append(_ event: NewEvent, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.liveQuery("""
            INSERT INTO event (at, kind, creditor_id, customer_id, invoice_id, message_id, import_id, summary, detail)
            VALUES (\(event.time), \(event.kind), \(event.creditor?.rawValue), \(event.customerID), \(event.invoiceID),
                    \(event.messageID), \(event.importID), \(event.summary.printable), \(detailJSON(event.detail))::jsonb)
            """, logger: logger)
    }

    /// Appends `events` in that order within the caller's transaction, in one statement (per
    /// thousand): the same rows as one `append` each.
    static func append(_ events: [NewEvent], on connection: PostgresConnection, logger: Logger) async throws {
        guard !events.isEmpty else { return }
        var rows = MultiRowInsert("INSERT INTO event (at, kind, creditor_id, customer_id, invoice_id, message_id, import_id, summary, detail)")
        for event in events {
            try rows.add(event.time)
            try rows.add(event.kind)
            try rows.add(event.creditor?.rawValue)
            try rows.add(event.customerID)
            try rows.add(event.invoiceID)
            try rows.add(event.messageID)
            try rows.add(event.importID)
            try rows.add(event.summary.printable)
            try rows.add(detailJSON(event.detail), cast: "::jsonb")
            rows.endRow()
        }
        try await rows.run(on: connection, logger: logger)
    }

    static func detailJSON(_ detail: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(detail), as: UTF8.self)) ?? "{}"
    }

    static let eventColumns = "id, at, kind, creditor_id, customer_id, invoice_id, message_id, import_id, summary, detail::text"

    static func entries(_ rows: PostgresRowSequence) async throws -> [JournalEntry] {
        var entries: [JournalEntry] = []
        for try await (id, at, kind, creditor, customer, invoice, message, importID, summary, detailText)
            in rows.decode((Int64, Date, String, String?, Int64?, Int64?, Int64?, Int64?, String, String).self) {
            let detail = (try? JSONDecoder().decode([String: String].self, from: Data(detailText.utf8))) ?? [:]
            entries.append(JournalEntry(id: id, event: NewEvent(
                time: at, kind: kind, creditor: creditor.flatMap(CreditorID.init), customerID: customer, invoiceID: invoice,
                messageID: message, importID: importID, summary: summary, detail: detail)))
        }
        return entries
    }
}
