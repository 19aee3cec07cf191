public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: RetentionStore {
    public func purge(_ policy: RetentionPolicy, at time: Date) async throws -> PurgeReport {
        let mailCutoff = time.addingTimeInterval(-Double(policy.mailDays) * 86_400)
        let customerCutoff = time.addingTimeInterval(-Double(policy.inactiveCustomerDays) * 86_400)
        return try await writer.write { db in
            var report = PurgeReport()
            // Message bytes: only of messages whose fate is settled; the row, state and events stay.
            try db.execute(sql: """
                UPDATE message_body SET raw = X'' WHERE length(raw) > 0 AND message_id IN (
                    SELECT id FROM message WHERE state IN ('sent', 'failed', 'cancelled') AND COALESCE(sent_at, created_at) < ?)
                """, arguments: [mailCutoff])
            report.messagesBlanked = db.changesCount
            try db.execute(sql: "UPDATE inbound_message SET raw = NULL, excerpt = NULL WHERE (raw IS NOT NULL OR excerpt IS NOT NULL) AND received_at < ?",
                           arguments: [mailCutoff])
            report.inboundBlanked = db.changesCount
            report.bankEntriesRedacted = try Self.redactBankEntries(before: mailCutoff, in: db)

            // Customers with nothing open and no event since the cutoff: contact data and words go.
            let inactive = try Row.fetchAll(db, sql: """
                SELECT c.id, c.creditor_id FROM customer c
                WHERE c.purged_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.customer_id = c.id AND i.status = 'open')
                AND NOT EXISTS (SELECT 1 FROM task t WHERE t.customer_id = c.id AND t.state = 'open')
                AND COALESCE((SELECT MAX(at) FROM event e WHERE e.customer_id = c.id), c.created_at) < ?
                """, arguments: [customerCutoff])
            for row in inactive {
                let id: Int64 = row["id"]
                try db.execute(sql: """
                    UPDATE customer SET name = NULL, postal_address = NULL, siren = NULL, vat_number = NULL, phones = '[]',
                           note = NULL, purged_at = ? WHERE id = ?
                    """, arguments: [time, id])
                try db.execute(sql: "DELETE FROM customer_email WHERE customer_id = ?", arguments: [id])
                // What people recorded about the customer's tasks may name a number or an address.
                try db.execute(sql: "DELETE FROM invalid_phone WHERE customer_id = ?", arguments: [id])
                // The payers' IBANs and names the bank matching learnt for them.
                try db.execute(sql: "DELETE FROM bank_payer WHERE customer_id = ?", arguments: [id])
                try db.execute(sql: """
                    UPDATE task_outcome SET parameters = '{}' WHERE task_id IN (SELECT id FROM task WHERE customer_id = ?)
                    """, arguments: [id])
                try db.execute(sql: "UPDATE event SET summary = '[purged]', detail = '{}' WHERE customer_id = ? AND summary <> '[purged]'",
                               arguments: [id])
                report.eventsRedacted += db.changesCount
                try db.execute(sql: "UPDATE inbound_message SET raw = NULL, excerpt = NULL, summary = '[purged]' WHERE customer_id = ?",
                               arguments: [id])
                // Their invoices' PDFs name and address them too; the files go with the next sweep.
                try db.execute(sql: """
                    UPDATE invoice SET document_path = NULL, document_sha256 = NULL, document_media_type = NULL, document_name = NULL
                    WHERE customer_id = ? AND document_path IS NOT NULL
                    """, arguments: [id])
                report.documentsReleased += db.changesCount
                report.customersAnonymised += 1
            }
            if !report.isEmpty {
                // One purge for every creditor: in their language when they share one, English otherwise.
                let languages = try String.fetchAll(db, sql: "SELECT DISTINCT coalesce(language, 'en') FROM creditor")
                let words = Language.shared(byStored: languages).wording
                try Self.append(NewEvent(time: time, kind: "purge", summary: words.retentionPurged(
                    messages: report.messagesBlanked, inbound: report.inboundBlanked, bankEntries: report.bankEntriesRedacted,
                    customers: report.customersAnonymised, events: report.eventsRedacted, documents: report.documentsReleased), detail: ["mail_days": String(policy.mailDays), "inactive_customer_days": String(policy.inactiveCustomerDays)]), in: db)
            }
            return report
        }
    }

    /// Bank entries booked before `cutoff` whose fate is settled — paid out, a reversal, or a
    /// receipt matched (and no longer awaiting the ledger), reversed, linked or set aside by a
    /// person — lose the payer's name and IBAN and the label (a sole trader's, personal data).
    /// The row stays with its date, amount and bank reference: a statement overlapping it is
    /// still recognised, the matches and the journal still add up. A receipt still waiting for a
    /// person, or a live payment, keeps its words. The journal's lines about receipts nobody
    /// linked to a customer (`bank.unmatched`, `bank.dismissed`) are redacted with them.
    static func redactBankEntries(before cutoff: Date, in db: Database) throws -> Int {
        let day = CivilDate(cutoff, in: TimeZone(identifier: "UTC")!).iso8601
        try db.execute(sql: """
            UPDATE bank_entry SET counterparty = NULL, counterparty_iban = NULL, remittance = '', reference = NULL
            WHERE booked_on < ? AND (counterparty IS NOT NULL OR counterparty_iban IS NOT NULL OR remittance <> '' OR reference IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.entry_id = bank_entry.id AND m.state IN ('awaiting-ledger', 'reported'))
            AND NOT (amount_minor > 0 AND reversal = 0
                     AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.entry_id = bank_entry.id)
                     AND NOT EXISTS (SELECT 1 FROM bank_reversal r WHERE r.original_entry_id = bank_entry.id)
                     AND NOT EXISTS (SELECT 1 FROM bank_receipt_link l WHERE l.entry_id = bank_entry.id))
            """, arguments: [day])
        let redacted = db.changesCount
        try db.execute(sql: """
            UPDATE event SET summary = '[purged]', detail = '{}'
            WHERE kind IN ('bank.unmatched', 'bank.dismissed') AND customer_id IS NULL AND at < ? AND summary <> '[purged]'
            AND CAST(json_extract(detail, '$.entry') AS INTEGER) NOT IN (SELECT e.id FROM bank_entry e WHERE \(unresolvedReceiptSQL))
            """, arguments: [cutoff])
        return redacted
    }

    public func referencedDocuments() async throws -> Set<String> {
        try await writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT document_path FROM invoice WHERE document_path IS NOT NULL"))
        }
    }
}
