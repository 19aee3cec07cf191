// Frozen: never edit this migration once released; add a new one (see PostgresMigrations).
//
// A message's bytes in a table of their own (issue 17), as SQLite's `v25-message-body`: the
// outbox row then only changes state, and `relance store copy` finds the same tables on both sides.
extension PostgresMigrations {
    static let messageBody = PostgresMigration(number: 3, name: "message-body", sql: #"""
        CREATE TABLE message_body (
            message_id BIGINT PRIMARY KEY REFERENCES message(id),
            raw BYTEA NOT NULL
        );
        INSERT INTO message_body (message_id, raw) SELECT id, raw FROM message;
        ALTER TABLE message DROP COLUMN raw;
        """#)
}
