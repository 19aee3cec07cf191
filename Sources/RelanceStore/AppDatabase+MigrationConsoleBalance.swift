extension AppDatabase {
    /// `v16-console-balance`: the rest of what the console's pages read on a big book (issue #14,
    /// benchmarks/console-p95.sh: 10,000 customers, 100,000 invoices, 20,000 reminders). No
    /// table changes.
    /// - a creditor's reminders and received messages newest first (`mailLog`: the Mail page
    ///   reads its 200 rows from them instead of sorting every message with its raw bytes);
    /// - the invoices' numbers by trigram (SQLite's FTS5, an external-content index of the
    ///   `invoice` table kept by triggers, so every import, settlement or purge keeps it), for
    ///   the customer search by a piece of an invoice number: LIKE '%…%' on 100,000 numbers has
    ///   no index to use;
    /// - the open invoices' aging columns (`agingRows`: the Aged balance page sums them from the
    ///   index alone, never reading the table's rows: `status` is in it for that).
    static let consoleBalanceMigration = """
        CREATE INDEX message_creditor_newest ON message(creditor_id, COALESCE(sent_at, created_at), id);
        CREATE INDEX inbound_creditor_newest ON inbound_message(creditor_id, received_at, id);
        CREATE INDEX invoice_open_aging ON invoice(creditor_id, status, customer_id, currency, due_on, open_minor) WHERE status = 'open';
        CREATE VIRTUAL TABLE invoice_number_trigram USING fts5(number, content = 'invoice', content_rowid = 'id', tokenize = 'trigram');
        INSERT INTO invoice_number_trigram(invoice_number_trigram) VALUES ('rebuild');
        CREATE TRIGGER invoice_number_trigram_insert AFTER INSERT ON invoice BEGIN
            INSERT INTO invoice_number_trigram(rowid, number) VALUES (new.id, new.number);
        END;
        CREATE TRIGGER invoice_number_trigram_delete AFTER DELETE ON invoice BEGIN
            INSERT INTO invoice_number_trigram(invoice_number_trigram, rowid, number) VALUES ('delete', old.id, old.number);
        END;
        CREATE TRIGGER invoice_number_trigram_update AFTER UPDATE OF number ON invoice BEGIN
            INSERT INTO invoice_number_trigram(invoice_number_trigram, rowid, number) VALUES ('delete', old.id, old.number);
            INSERT INTO invoice_number_trigram(rowid, number) VALUES (new.id, new.number);
        END;
        """
}
