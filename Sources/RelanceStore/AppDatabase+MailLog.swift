import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: MailLogStore {
    /// One side of the log, the reminders sent, without their raw message. Each side is read on
    /// its own, newest first through its index of `v16-console-balance`, and only the page's
    /// rows: a union of both sorted as one read every message's raw bytes to sort them
    /// (3.2 s on 20,000 reminders, benchmarks/console-p95.sh).
    private static let sentSQL = """
        SELECT 'sent' AS direction, m.id, m.creditor_id, c.external_id, c.name, COALESCE(m.sent_at, m.created_at) AS time,
               (SELECT group_concat(address, ', ') FROM message_recipient WHERE message_id = m.id) AS counterpart,
               m.step || ' · ' || m.state AS label, m.step, m.state
        FROM message m LEFT JOIN customer c ON c.id = m.customer_id
        """
    private static let receivedSQL = """
        SELECT 'received' AS direction, i.id, i.creditor_id, c.external_id, c.name, i.received_at AS time, i.summary AS counterpart,
               i.kind AS label, NULL AS step, NULL AS state
        FROM inbound_message i LEFT JOIN customer c ON c.id = i.customer_id
        """
    /// What a search looks in, on either side's columns; `?4`: the codes its words name, a JSON array.
    private static let searched = """
        (?2 IS NULL OR counterpart LIKE ?2 ESCAPE '\\' OR c.external_id LIKE ?2 ESCAPE '\\'
         OR c.name LIKE ?2 ESCAPE '\\' OR label LIKE ?2 ESCAPE '\\'
         OR EXISTS (SELECT 1 FROM json_each(?4) WHERE label LIKE '%' || json_each.value || '%'))
        """

    public func mailLog(of creditor: CreditorID, search: String?, codes: [String], limit: Int) async throws -> [MailLogEntry] {
        let needle = search.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        // LIKE's wildcards in the search are taken literally.
        let pattern = needle.map { "%" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%" }
        guard limit > 0 else { return [] }
        // Codes are the store's own identifiers (letters and hyphens): no LIKE wildcard to escape.
        let codesJSON = String(decoding: try JSONEncoder().encode(codes), as: UTF8.self)
        return try await writer.read { db in
            // The newest `limit` of each side, then the newest `limit` of both: the order a
            // single sorted union gives (time, then id, both descending).
            let sent = try Row.fetchAll(db, sql: Self.sentSQL + """
                 WHERE m.creditor_id = ?1 AND \(Self.searched)
                ORDER BY COALESCE(m.sent_at, m.created_at) DESC, m.id DESC LIMIT ?3
                """, arguments: [creditor.rawValue, pattern, limit, codesJSON])
            let received = try Row.fetchAll(db, sql: Self.receivedSQL + """
                 WHERE i.creditor_id = ?1 AND \(Self.searched)
                ORDER BY i.received_at DESC, i.id DESC LIMIT ?3
                """, arguments: [creditor.rawValue, pattern, limit, codesJSON])
            let newestFirst = (sent + received).sorted { a, b in
                let (timeA, timeB) = (a["time"] as String, b["time"] as String)
                return timeA != timeB ? timeA > timeB : (a["id"] as Int64) > (b["id"] as Int64)
            }
            return try newestFirst.prefix(limit).map { try Self.mailEntry($0, raw: nil) }
        }
    }

    public func mailEntry(_ direction: MailLogEntry.Direction, id: Int64, of creditor: CreditorID) async throws -> MailLogEntry? {
        try await writer.read { db in
            let (sql, table) = direction == .sent ? (Self.sentSQL, "m") : (Self.receivedSQL, "i")
            guard let row = try Row.fetchOne(db, sql: sql + " WHERE \(table).id = ? AND \(table).creditor_id = ?",
                                             arguments: [id, creditor.rawValue]) else { return nil }
            let raw = try Data.fetchOne(db, sql: direction == .sent ? "SELECT raw FROM message_body WHERE message_id = ?"
                                                                    : "SELECT raw FROM inbound_message WHERE id = ?", arguments: [id])
            return try Self.mailEntry(row, raw: raw)
        }
    }

    /// `label` is what the search looks in; the entry carries the step and state as values.
    private static func mailEntry(_ row: Row, raw: Data?) throws -> MailLogEntry {
        let what: MailLogEntry.What
        if (row["direction"] as String) == MailLogEntry.Direction.sent.rawValue {
            guard let state = OutboxState(rawValue: row["state"]) else {
                throw StoreError(.corrupt, "message #\(row["id"] as Int64) has an unknown state")
            }
            what = .reminder(step: row["step"], state: state)
        } else {
            what = .received(kind: row["label"])
        }
        return MailLogEntry(what, id: row["id"], creditor: CreditorID(row["creditor_id"] as String)!, customerCode: row["external_id"],
                            customerName: row["name"], time: row["time"], counterpart: row["counterpart"] ?? "", raw: raw.map { [UInt8]($0) })
    }
}
