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
            """, [StoredTime.text(event.time), event.kind, event.creditor?.rawValue, event.customerID, event.invoiceID,
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

/// A time as the store keeps it: GRDB's text form, `2026-11-30 09:00:07.949` (UTC, milliseconds
/// rounded), without GRDB's `DateFormatter`.
///
/// Every event appended and every message claimed or recorded formats a time; through ICU that
/// cost about 10 µs each, a tenth of claiming and recording a message (a profile of benchmarks/smtp-send.sh).
/// The text is the same as GRDB's (`StoredTimeTests` compares them), so stored times still sort
/// and read back alike. Outside 1970–9999 (never a clock's reading) GRDB formats it.
enum StoredTime {
    static func text(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds >= 0, seconds < 253_402_300_799 else {
            return String.fromDatabaseValue(date.databaseValue) ?? ""
        }
        // Foundation's formatter rounds to the nearest millisecond.
        let milliseconds = Int64((seconds * 1000).rounded())
        let days = milliseconds / 86_400_000
        var rest = milliseconds % 86_400_000
        let date = CivilDate(daysSinceEpoch: Int(days))
        let hour = rest / 3_600_000
        rest %= 3_600_000
        let minute = rest / 60_000
        rest %= 60_000
        var bytes = [UInt8]()
        bytes.reserveCapacity(23)
        append(Int64(date.year), width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append(Int64(date.month), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append(Int64(date.day), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        append(hour, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(minute, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(rest / 1000, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        append(rest % 1000, width: 3, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value
        var index = width - 1
        while index >= 0 {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        bytes.append(contentsOf: digits)
    }
}
