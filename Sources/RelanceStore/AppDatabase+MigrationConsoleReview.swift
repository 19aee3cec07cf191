extension AppDatabase {
    /// `v12-console-review` (issue #14): what the console needs to keep.
    ///
    /// - `message` is rebuilt as SQLite prescribes for a changed CHECK, every row, column, index
    ///   and reference kept, so that a reminder planned in review mode can be stored as a message
    ///   `awaiting-approval`: the same exactly-once guarantees as a queued one (one live message
    ///   per invoice and step), until a person approves (→ queued) or skips it (→ cancelled).
    /// - `customer_do_not_remind`: a person's "do not remind" on a customer, with the reason and
    ///   who set it — apart from the contacts file's `do_not_remind`, so no import clears it.
    /// - `console_session`: the console's sessions survive a restart; only a hash of the cookie's
    ///   token is kept (a copy of the store signs nobody in), with the form token and the expiry.
    ///
    /// Frozen once released.
    static let consoleReviewMigration = """
        CREATE TABLE message_v12 (
            id INTEGER PRIMARY KEY,
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            customer_id INTEGER NOT NULL REFERENCES customer(id),
            step TEXT NOT NULL CHECK (length(step) > 0),
            planned_on TEXT NOT NULL CHECK (planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            rfc_message_id TEXT NOT NULL UNIQUE CHECK (rfc_message_id NOT GLOB '*[^!-~]*'),
            envelope_from TEXT NOT NULL CHECK (envelope_from NOT GLOB '*[^!-~]*'),
            raw BLOB NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('awaiting-approval', 'queued', 'sending', 'sent', 'retry', 'failed', 'held',
                                                 'cancelled')),
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt_at TEXT,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            server_reply TEXT,
            last_error TEXT,
            sent_copy TEXT CHECK (sent_copy IS NULL OR sent_copy IN ('pending', 'done')),
            CHECK ((state = 'sent') = (sent_at IS NOT NULL)),
            CHECK (state <> 'retry' OR next_attempt_at IS NOT NULL),
            -- A message waiting for a person has never been tried.
            CHECK (state <> 'awaiting-approval' OR (attempts = 0 AND next_attempt_at IS NULL))
        ) STRICT;
        INSERT INTO message_v12 (id, creditor_id, customer_id, step, planned_on, rfc_message_id, envelope_from, raw, state, attempts,
                                 next_attempt_at, created_at, sent_at, server_reply, last_error, sent_copy)
            SELECT id, creditor_id, customer_id, step, planned_on, rfc_message_id, envelope_from, raw, state, attempts,
                   next_attempt_at, created_at, sent_at, server_reply, last_error, sent_copy
            FROM message;
        DROP TABLE message;
        ALTER TABLE message_v12 RENAME TO message;
        CREATE INDEX message_due ON message(state, next_attempt_at);
        CREATE INDEX message_sent_copy_pending ON message(creditor_id) WHERE sent_copy = 'pending';
        CREATE INDEX message_claimable ON message(id) WHERE state IN ('queued', 'retry');
        CREATE INDEX message_awaiting_approval ON message(creditor_id) WHERE state = 'awaiting-approval';

        CREATE TABLE customer_do_not_remind (
            customer_id INTEGER PRIMARY KEY REFERENCES customer(id),
            reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500 AND reason NOT GLOB '*[' || char(1) || '-' || char(31) || ']*'),
            set_by TEXT NOT NULL CHECK (length(set_by) BETWEEN 1 AND 200),
            set_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE console_session (
            token_sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(token_sha256) = 64 AND token_sha256 NOT GLOB '*[^0-9a-f]*'),
            user_name TEXT NOT NULL,
            csrf TEXT NOT NULL CHECK (length(csrf) >= 32),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX console_session_expiry ON console_session(expires_at);
        """
}
