// Frozen: never edit this migration once released; add a new one (see PostgresMigrations).
//
// What several daemons sharing one book need (issue 16), none of which SQLite has: each daemon's
// heartbeat, named leases with fencing tokens, and the claimer and lease of an outbox message.
extension PostgresMigrations {
    static let severalDaemons = PostgresMigration(number: 2, name: "several-daemons", sql: #"""
        -- One row per running daemon, refreshed while it runs (`relance status` shows them).
        CREATE TABLE daemon (
            id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200 AND id !~ '[^!-~]'),
            host TEXT NOT NULL CHECK (length(host) BETWEEN 1 AND 255 AND host !~ '[\x01-\x1f\x7f]'),
            pid BIGINT NOT NULL CHECK (pid > 0),
            version TEXT NOT NULL,
            started_at TIMESTAMPTZ NOT NULL,
            heartbeat_at TIMESTAMPTZ NOT NULL CHECK (heartbeat_at >= started_at)
        );

        -- Work that must run once (a creditor's intake, a day's planning, one mailbox, the digest,
        -- retention) is done under a lease. The token grows by one at every acquisition and is
        -- never reset (a released lease keeps its row), so a write checked against it is refused
        -- once someone else has taken the lease: fencing.
        CREATE TABLE lease (
            name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 200 AND name !~ '[\x01-\x1f\x7f]'),
            holder TEXT NOT NULL CHECK (length(holder) BETWEEN 1 AND 200 AND holder !~ '[^!-~]'),
            token BIGINT NOT NULL CHECK (token > 0),
            acquired_at TIMESTAMPTZ NOT NULL,
            expires_at TIMESTAMPTZ NOT NULL
        );

        -- A message being sent carries who claimed it and until when: past that, its claimer is
        -- presumed dead and the message is for recovery (evidence first), never sent blindly again.
        ALTER TABLE message ADD COLUMN claimed_by TEXT CHECK (claimed_by IS NULL OR claimed_by !~ '[^!-~]');
        ALTER TABLE message ADD COLUMN claim_expires_at TIMESTAMPTZ;
        ALTER TABLE message ADD CONSTRAINT message_claim_whole
            CHECK ((claimed_by IS NULL) = (claim_expires_at IS NULL));
        ALTER TABLE message ADD CONSTRAINT message_sending_claimed
            CHECK (state <> 'sending' OR claimed_by IS NOT NULL);
        CREATE INDEX message_claim_expiry ON message(claim_expires_at) WHERE state = 'sending';
        """#)
}
