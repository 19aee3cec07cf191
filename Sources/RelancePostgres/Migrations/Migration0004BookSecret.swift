// Frozen: never edit this migration once released; add a new one (see PostgresMigrations).
//
// The key that signs the reference tokens in reminders (VERP bounce addresses, the digest's reply
// token) must be the same for every daemon sharing the book: a bounce signed by one daemon is read
// by whichever holds the mailbox. Kept in the book, written once by the first daemon.
extension PostgresMigrations {
    static let bookSecret = PostgresMigration(number: 4, name: "book-secret", sql: #"""
        CREATE TABLE book_secret (
            name TEXT PRIMARY KEY CHECK (name IN ('token-secret')),
            value BYTEA NOT NULL CHECK (octet_length(value) BETWEEN 16 AND 4096),
            created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            created_by TEXT NOT NULL CHECK (created_by !~ '[^!-~]')
        );
        """#)
}
