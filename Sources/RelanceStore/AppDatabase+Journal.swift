public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: EventJournal {
    public func record(_ event: NewEvent) async throws {
        try await writer.write { db in try Self.append(event, in: db) }
    }

    public func record(_ events: [NewEvent]) async throws {
        guard !events.isEmpty else { return }
        try await writer.write { db in
            for event in events { try Self.append(event, in: db) }
        }
    }

    public func recentEvents(of creditor: CreditorID?, limit: Int) async throws -> [JournalEntry] {
        try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM event WHERE (?1 IS NULL OR creditor_id = ?1) ORDER BY id DESC LIMIT ?2
                """, arguments: [creditor?.rawValue, limit])
            return try rows.map(Self.journalEntry)
        }
    }

    public func events(of creditor: CreditorID, kinds: Set<String>, since: Date) async throws -> [JournalEntry] {
        let kindList = String(decoding: try JSONEncoder().encode(kinds.sorted()), as: UTF8.self)
        return try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM event WHERE creditor_id = ? AND at >= ? AND kind IN (SELECT value FROM json_each(?)) ORDER BY id
                """, arguments: [creditor.rawValue, since, kindList]).map(Self.journalEntry)
        }
    }

    public func events(ofCustomer customerID: Int64) async throws -> [JournalEntry] {
        try await writer.read { db in
            // The customer's own events, and the imports that showed its invoices.
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM event WHERE customer_id = ?1
                UNION
                SELECT e.* FROM event e WHERE e.kind = 'import.applied' AND e.import_id IN (
                    SELECT import_id FROM event WHERE customer_id = ?1 AND import_id IS NOT NULL)
                ORDER BY id
                """, arguments: [customerID])
            return try rows.map(Self.journalEntry)
        }
    }

    /// Appends within the caller's transaction, so a decision and its record commit together.
    /// The summary is stored with its control characters escaped (`PrintableText`): a name
    /// with a line break cannot forge a second entry in `relance customer` or `status`.
    static func append(_ event: NewEvent, in db: Database) throws {
        try db.executeCached("""
            INSERT INTO event (at, kind, creditor_id, customer_id, invoice_id, message_id, import_id, summary, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [event.time, event.kind, event.creditor?.rawValue, event.customerID, event.invoiceID,
                  event.messageID, event.importID, event.summary.printable, EventDetailJSON.encode(event.detail)])
    }

    static func journalEntry(_ row: Row) throws -> JournalEntry {
        let detailText: String = row["detail"]
        let detail = (try? JSONDecoder().decode([String: String].self, from: Data(detailText.utf8))) ?? [:]
        let creditor: String? = row["creditor_id"]
        return JournalEntry(id: row["id"], event: NewEvent(
            time: row["at"], kind: row["kind"], creditor: creditor.flatMap(CreditorID.init),
            customerID: row["customer_id"], invoiceID: row["invoice_id"], messageID: row["message_id"],
            importID: row["import_id"], summary: row["summary"], detail: detail))
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
