import Foundation
import PostgresNIO
public import RelanceCore

/// The console's mail log on PostgreSQL: the same two sides as SQLite's, each read on its own
/// newest first (the reminders through `message_creditor_newest`), then the newest of both.
extension PostgresStore: MailLogStore {
    /// One side of the log, the reminders sent (or waiting), without their raw message.
    private static let sentSQL = """
        SELECT 'sent' AS direction, m.id, m.creditor_id, c.external_id, c.name, COALESCE(m.sent_at, m.created_at) AS time,
               COALESCE((SELECT string_agg(address, ', ' ORDER BY role DESC, address) FROM message_recipient WHERE message_id = m.id), '')
                   AS counterpart,
               m.step || ' · ' || m.state AS label, m.step, m.state
        FROM message m LEFT JOIN customer c ON c.id = m.customer_id
        """
    private static let receivedSQL = """
        SELECT 'received' AS direction, i.id, i.creditor_id, c.external_id, c.name, i.received_at AS time, i.summary AS counterpart,
               i.kind AS label, NULL::text AS step, NULL::text AS state
        FROM inbound_message i LEFT JOIN customer c ON c.id = i.customer_id
        """

    public func mailLog(of creditor: CreditorID, search: String?, codes: [String], limit: Int) async throws -> [MailLogEntry] {
        let needle = search.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        // LIKE's wildcards in the search are taken literally (backslash is PostgreSQL's escape).
        let pattern = needle.map { "%" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%" }
        guard limit > 0 else { return [] }
        // Codes are the store's own identifiers (letters and hyphens): no LIKE wildcard to escape.
        let codePatterns = codes.map { "%\($0)%" }
        return try await connection { connection in
            // The newest `limit` of each side, then the newest `limit` of both: the order a single
            // sorted union gives (time, then id, both descending). ILIKE: case-insensitive, as
            // SQLite's LIKE is (and beyond ASCII).
            var entries: [MailLogEntry] = []
            for (sql, table) in [(Self.sentSQL, "m"), (Self.receivedSQL, "i")] {
                let rows = try await connection.liveQuery("""
                    SELECT * FROM (\(unescaped: sql) WHERE \(unescaped: table).creditor_id = \(creditor.rawValue)) side
                    WHERE (\(pattern)::text IS NULL OR counterpart ILIKE \(pattern) OR external_id ILIKE \(pattern)
                           OR name ILIKE \(pattern) OR label ILIKE \(pattern) OR label LIKE ANY(\(codePatterns)))
                    ORDER BY time DESC, id DESC LIMIT \(Int64(limit))
                    """, logger: logger)
                entries += try await Self.mailEntries(rows, raw: nil)
            }
            let newestFirst = entries.sorted { a, b in a.time != b.time ? a.time > b.time : a.id > b.id }
            return Array(newestFirst.prefix(limit))
        }
    }

    public func mailEntry(_ direction: MailLogEntry.Direction, id: Int64, of creditor: CreditorID) async throws -> MailLogEntry? {
        try await connection { connection in
            let (sql, table) = direction == .sent ? (Self.sentSQL, "m") : (Self.receivedSQL, "i")
            let raws = try await connection.liveQuery("""
                \(unescaped: direction == .sent ? "SELECT raw FROM message_body WHERE message_id" : "SELECT raw FROM inbound_message WHERE id") = \(id)
                """, logger: logger)
            var raw: [UInt8]?
            for try await bytes in raws.decode(ByteBuffer?.self) { raw = bytes.map { Array($0.readableBytesView) } }
            let rows = try await connection.liveQuery("""
                \(unescaped: sql) WHERE \(unescaped: table).id = \(id) AND \(unescaped: table).creditor_id = \(creditor.rawValue)
                """, logger: logger)
            return try await Self.mailEntries(rows, raw: raw).first
        }
    }

    private static func mailEntries(_ rows: PostgresRowSequence, raw: [UInt8]?) async throws -> [MailLogEntry] {
        var entries: [MailLogEntry] = []
        for try await (direction, id, creditor, code, name, time, counterpart, label, step, state)
            in rows.decode((String, Int64, String, String?, String?, Date, String?, String, String?, String?).self) {
            guard let creditor = CreditorID(creditor) else {
                throw PostgresStoreError(.corrupt, "mail #\(id) has an invalid creditor id", context: ["mail": "\(id)"])
            }
            // `label` is what the search looks in; the entry carries the step and state as values.
            let what: MailLogEntry.What
            if direction == MailLogEntry.Direction.sent.rawValue {
                guard let step, let state = state.flatMap(OutboxState.init(rawValue:)) else {
                    throw PostgresStoreError(.corrupt, "message #\(id) has no step or an unknown state", context: ["mail": "\(id)"])
                }
                what = .reminder(step: step, state: state)
            } else {
                what = .received(kind: label)
            }
            entries.append(MailLogEntry(what, id: id, creditor: creditor, customerCode: code, customerName: name, time: time,
                                        counterpart: counterpart ?? "", raw: raw))
        }
        return entries
    }
}
