extension AppDatabase {
    /// `v25-message-body` (issue #17): a message's bytes in a table of their own, written once.
    ///
    /// A reminder's row held its ~4 kB of bytes, and SQLite rewrites a whole row, overflow pages
    /// included, whenever one of its columns changes: queued, then sending, then sent wrote each
    /// message's bytes three times into the WAL. Now `message` keeps the state, and
    /// `message_body` the bytes, written once when the message is stored (the retention purge
    /// blanks them there). Existing bytes move; `message.raw` goes.
    ///
    /// Frozen once released.
    static let messageBodyMigration = """
        CREATE TABLE message_body (
            message_id INTEGER PRIMARY KEY REFERENCES message(id),
            raw BLOB NOT NULL
        ) STRICT;
        INSERT INTO message_body (message_id, raw) SELECT id, raw FROM message;
        ALTER TABLE message DROP COLUMN raw;
        """
}
