public import Foundation
import PostgresNIO
public import RelanceCore

/// The retention purge (GDPR) on PostgreSQL: the same removals as SQLite's, in one transaction,
/// journaled once. Several daemons may run it on the same day: each removal only touches what is
/// still there, so a second purge finds nothing and journals nothing.
extension PostgresStore: RetentionStore {
    public func purge(_ policy: RetentionPolicy, at time: Date) async throws -> PurgeReport {
        let mailCutoff = time.addingTimeInterval(-Double(policy.mailDays) * 86_400)
        let customerCutoff = time.addingTimeInterval(-Double(policy.inactiveCustomerDays) * 86_400)
        return try await transaction { connection in
            var report = PurgeReport()
            // Message bytes: only of messages whose fate is settled; the row, state and events stay.
            report.messagesBlanked = try await Self.count(connection.liveQuery("""
                UPDATE message_body SET raw = '\\x'::bytea WHERE octet_length(raw) > 0 AND message_id IN (
                    SELECT id FROM message WHERE state IN ('sent', 'failed', 'cancelled') AND COALESCE(sent_at, created_at) < \(mailCutoff))
                RETURNING 1
                """, logger: logger))
            report.inboundBlanked = try await Self.count(connection.liveQuery("""
                UPDATE inbound_message SET raw = NULL, excerpt = NULL
                WHERE (raw IS NOT NULL OR excerpt IS NOT NULL) AND received_at < \(mailCutoff) RETURNING 1
                """, logger: logger))
            report.bankEntriesRedacted = try await Self.redactBankEntries(before: mailCutoff, on: connection, logger: logger)

            // Customers with nothing open and no event since the cutoff: contact data and words go.
            var inactive: [Int64] = []
            for try await id in try await connection.liveQuery("""
                SELECT c.id FROM customer c
                WHERE c.purged_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.customer_id = c.id AND i.status = 'open')
                AND NOT EXISTS (SELECT 1 FROM task t WHERE t.customer_id = c.id AND t.state = 'open')
                AND COALESCE((SELECT max(at) FROM event e WHERE e.customer_id = c.id), c.created_at) < \(customerCutoff)
                ORDER BY c.id FOR UPDATE OF c
                """, logger: logger).decode(Int64.self) { inactive.append(id) }
            for id in inactive {
                try await connection.liveQuery("""
                    UPDATE customer SET name = NULL, postal_address = NULL, siren = NULL, vat_number = NULL, phones = '[]',
                           note = NULL, purged_at = \(time) WHERE id = \(id)
                    """, logger: logger)
                try await connection.liveQuery("DELETE FROM customer_email WHERE customer_id = \(id)", logger: logger)
                // What people recorded about the customer's tasks may name a number or an address.
                try await connection.liveQuery("DELETE FROM invalid_phone WHERE customer_id = \(id)", logger: logger)
                // The payers' IBANs and names the bank matching learnt for them.
                try await connection.liveQuery("DELETE FROM bank_payer WHERE customer_id = \(id)", logger: logger)
                try await connection.liveQuery("""
                    UPDATE task_outcome SET parameters = '{}' WHERE task_id IN (SELECT id FROM task WHERE customer_id = \(id))
                    """, logger: logger)
                report.eventsRedacted += try await Self.count(connection.liveQuery("""
                    UPDATE event SET summary = '[purged]', detail = '{}' WHERE customer_id = \(id) AND summary <> '[purged]' RETURNING 1
                    """, logger: logger))
                try await connection.liveQuery("""
                    UPDATE inbound_message SET raw = NULL, excerpt = NULL, summary = '[purged]' WHERE customer_id = \(id)
                    """, logger: logger)
                // Their invoices' PDFs name and address them too; the files go with the next sweep.
                report.documentsReleased += try await Self.count(connection.liveQuery("""
                    UPDATE invoice SET document_path = NULL, document_sha256 = NULL, document_media_type = NULL, document_name = NULL
                    WHERE customer_id = \(id) AND document_path IS NOT NULL RETURNING 1
                    """, logger: logger))
                report.customersAnonymised += 1
            }
            if !report.isEmpty {
                // One purge for every creditor: in their language when they share one, English otherwise.
                var languages: [String] = []
                for try await language in try await connection.liveQuery(
                    "SELECT DISTINCT coalesce(language, 'en') FROM creditor", logger: logger).decode(String.self) { languages.append(language) }
                let words = Language.shared(byStored: languages).wording
                try await Self.append(NewEvent(time: time, kind: "purge", summary: words.retentionPurged(
                    messages: report.messagesBlanked, inbound: report.inboundBlanked, bankEntries: report.bankEntriesRedacted,
                    customers: report.customersAnonymised, events: report.eventsRedacted, documents: report.documentsReleased),
                    detail: ["mail_days": String(policy.mailDays), "inactive_customer_days": String(policy.inactiveCustomerDays)]),
                    on: connection, logger: logger)
            }
            return report
        }
    }

    /// Bank entries booked before `cutoff` whose fate is settled lose the payer's name and IBAN
    /// and the label; the journal's lines about receipts nobody linked to a customer go with
    /// them (the SQLite store's `redactBankEntries`, which says why each condition is there).
    static func redactBankEntries(before cutoff: Date, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let day = CivilDate(cutoff, in: TimeZone(identifier: "UTC")!).iso8601
        let redacted = try await count(connection.liveQuery("""
            UPDATE bank_entry e SET counterparty = NULL, counterparty_iban = NULL, remittance = '', reference = NULL
            WHERE e.booked_on < \(day)::date
            AND (e.counterparty IS NOT NULL OR e.counterparty_iban IS NOT NULL OR e.remittance <> '' OR e.reference IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.entry_id = e.id AND m.state IN ('awaiting-ledger', 'reported'))
            AND NOT (\(unescaped: unresolvedReceiptSQL))
            RETURNING 1
            """, logger: logger))
        // `detail.entry` as SQLite's CAST(json_extract(…) AS INTEGER) reads it: absent → no line
        // to match; present, the entry's number.
        try await connection.liveQuery("""
            UPDATE event SET summary = '[purged]', detail = '{}'
            WHERE kind IN ('bank.unmatched', 'bank.dismissed') AND customer_id IS NULL AND at < \(cutoff) AND summary <> '[purged]'
            AND (CASE WHEN detail ? 'entry' THEN
                     (CASE WHEN detail->>'entry' ~ '^-?[0-9]{1,18}$' THEN (detail->>'entry')::bigint ELSE 0 END) END)
                NOT IN (SELECT e.id FROM bank_entry e WHERE \(unescaped: unresolvedReceiptSQL))
            """, logger: logger)
        return redacted
    }

    /// A receipt nobody has placed yet: money in, not a reversal, no match, no person's link.
    static let unresolvedReceiptSQL = """
        e.amount_minor > 0 AND NOT e.reversal
        AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.entry_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM bank_reversal r WHERE r.original_entry_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM bank_receipt_link l WHERE l.entry_id = e.id)
        """

    public func referencedDocuments() async throws -> Set<String> {
        try await connection { connection in
            var paths: Set<String> = []
            for try await path in try await connection.liveQuery(
                "SELECT DISTINCT document_path FROM invoice WHERE document_path IS NOT NULL", logger: logger).decode(String.self) {
                paths.insert(path)
            }
            return paths
        }
    }

    /// How many rows a statement ending in `RETURNING 1` touched.
    static func count(_ rows: PostgresRowSequence) async throws -> Int {
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }
}
