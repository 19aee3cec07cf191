extension AppDatabase {
    /// Retention (GDPR): personal data past its keeping period is removed, and the journal may
    /// be redacted — never rewritten: an event keeps its id, time and kind, only its words go.
    static let retention = """
        DROP TRIGGER event_no_update;
        CREATE TRIGGER event_no_update BEFORE UPDATE ON event
            WHEN NOT (NEW.summary = '[purged]' AND NEW.detail = '{}' AND NEW.id = OLD.id AND NEW.at = OLD.at
                      AND NEW.kind = OLD.kind AND NEW.creditor_id IS OLD.creditor_id AND NEW.customer_id IS OLD.customer_id
                      AND NEW.invoice_id IS OLD.invoice_id AND NEW.message_id IS OLD.message_id AND NEW.import_id IS OLD.import_id)
            BEGIN SELECT RAISE(ABORT, 'the event journal is append-only (only a purge may redact an event)'); END;
        ALTER TABLE customer ADD COLUMN purged_at TEXT;
        """
}
