import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: MailLogStore {
    private static let mailLogSQL = """
        SELECT * FROM (
            SELECT 'sent' AS direction, m.id, m.creditor_id, c.external_id, c.name, COALESCE(m.sent_at, m.created_at) AS time,
                   (SELECT group_concat(address, ', ') FROM message_recipient WHERE message_id = m.id) AS counterpart,
                   m.step || ' · ' || m.state AS label, m.raw
            FROM message m LEFT JOIN customer c ON c.id = m.customer_id
            UNION ALL
            SELECT 'received', i.id, i.creditor_id, c.external_id, c.name, i.received_at, i.summary, i.kind, i.raw
            FROM inbound_message i LEFT JOIN customer c ON c.id = i.customer_id
        )
        """

    public func mailLog(of creditor: CreditorID, search: String?, limit: Int) async throws -> [MailLogEntry] {
        let needle = search.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        // LIKE's wildcards in the search are taken literally.
        let pattern = needle.map { "%" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%" }
        return try await writer.read { db in
            try Row.fetchAll(db, sql: Self.mailLogSQL + """
                 WHERE creditor_id = ?1 AND (?2 IS NULL OR counterpart LIKE ?2 ESCAPE '\\' OR external_id LIKE ?2 ESCAPE '\\'
                                             OR name LIKE ?2 ESCAPE '\\' OR label LIKE ?2 ESCAPE '\\')
                ORDER BY time DESC, id DESC LIMIT ?3
                """, arguments: [creditor.rawValue, pattern, limit]).map { Self.mailEntry($0, withRaw: false) }
        }
    }

    public func mailEntry(_ direction: MailLogEntry.Direction, id: Int64, of creditor: CreditorID) async throws -> MailLogEntry? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: Self.mailLogSQL + " WHERE direction = ? AND id = ? AND creditor_id = ?",
                             arguments: [direction.rawValue, id, creditor.rawValue]).map { Self.mailEntry($0, withRaw: true) }
        }
    }

    private static func mailEntry(_ row: Row, withRaw: Bool) -> MailLogEntry {
        let raw: Data? = withRaw ? row["raw"] : nil
        return MailLogEntry(direction: MailLogEntry.Direction(rawValue: row["direction"]) ?? .sent, id: row["id"],
                            creditor: CreditorID(row["creditor_id"] as String)!, customerCode: row["external_id"], customerName: row["name"],
                            time: row["time"], counterpart: row["counterpart"] ?? "", label: row["label"], raw: raw.map { [UInt8]($0) })
    }
}
