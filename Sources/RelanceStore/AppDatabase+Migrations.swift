import GRDB

extension AppDatabase {
    /// Frozen, numbered migrations: once released, a migration's SQL never changes;
    /// a change to the schema is a new migration appended at the end.
    ///
    /// Invariants live in the schema, not only in code: money is integer minor units,
    /// states are closed sets, addresses cannot hold control characters (no header or
    /// SMTP injection can be stored), one live message per invoice and step, and the
    /// event journal is append-only.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            try db.execute(sql: Self.v1)
        }
        migrator.registerMigration("v2-people-and-mailbox") { db in
            try db.execute(sql: Self.v2)
        }
        migrator.registerMigration("v3-retention") { db in
            try db.execute(sql: Self.retention)
        }
        // From the outbox branch (issue #5); named before the main line's v2 and v3 existed.
        migrator.registerMigration("v4-outbox-evidence") { db in
            try db.execute(sql: Self.v2OutboxEvidence)
        }
        migrator.registerMigration("v5-intake") { db in
            try db.execute(sql: Self.v5Intake)
        }
        migrator.registerMigration("v6-task-outcomes") { db in
            try db.execute(sql: Self.v6TaskOutcomes)
        }
        migrator.registerMigration("v7-bank-payments") { db in
            try db.execute(sql: Self.bankPaymentsMigration)
        }
        migrator.registerMigration("v8-console-users") { db in
            try db.execute(sql: consoleUsers)
        }
        migrator.registerMigration("v9-bank-reversals-links") { db in
            try db.execute(sql: Self.bankReversalsMigration)
        }
        migrator.registerMigration("v10-creditor-language") { db in
            try db.execute(sql: Self.creditorLanguageMigration)
        }
        migrator.registerMigration("v11-task-outcome-dispute-resolved") { db in
            try Self.taskOutcomeDisputeResolvedMigration(db)
        }
        migrator.registerMigration("v12-console-review") { db in
            try db.execute(sql: Self.consoleReviewMigration)
        }
        migrator.registerMigration("v13-console-indexes") { db in
            try db.execute(sql: Self.consoleIndexesMigration)
        }
        migrator.registerMigration("v14-bank-dedup-digest") { db in
            try Self.bankDedupDigestMigration(db)
        }
        migrator.registerMigration("v16-console-balance") { db in
            try db.execute(sql: Self.consoleBalanceMigration)
        }
        migrator.registerMigration("v18-bank-check-payment-task") { db in
            try db.execute(sql: Self.bankCheckPaymentTaskMigration)
        }
        migrator.registerMigration("v20-console-search") { db in
            try db.execute(sql: Self.consoleSearchMigration)
        }
        migrator.registerMigration("v25-message-body") { db in
            try db.execute(sql: Self.messageBodyMigration)
        }
        return migrator
    }

    private static let v1 = """
        CREATE TABLE creditor (
            id TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9_-]*'),
            created_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE import (
            id INTEGER PRIMARY KEY,
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            byte_count INTEGER NOT NULL CHECK (byte_count >= 0),
            kind TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('applied', 'rejected')),
            as_of TEXT CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            authoritative INTEGER NOT NULL DEFAULT 0 CHECK (authoritative IN (0, 1)),
            item_count INTEGER NOT NULL DEFAULT 0 CHECK (item_count >= 0),
            error TEXT,
            imported_at TEXT NOT NULL,
            CHECK ((status = 'rejected') = (error IS NOT NULL))
        ) STRICT;
        -- The same bytes are applied once per creditor; a rejected file may be dropped again once fixed.
        CREATE UNIQUE INDEX import_applied_once ON import(creditor_id, sha256) WHERE status = 'applied';

        CREATE TABLE customer (
            id INTEGER PRIMARY KEY,
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            external_id TEXT NOT NULL CHECK (length(external_id) > 0),
            name TEXT,
            language TEXT CHECK (language IS NULL OR language IN ('fr', 'en')),
            created_at TEXT NOT NULL,
            UNIQUE (creditor_id, external_id)
        ) STRICT;

        CREATE TABLE customer_email (
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            -- Printable ASCII without space: no CR, LF or other control character can ever be stored.
            address TEXT NOT NULL CHECK (length(address) BETWEEN 3 AND 254 AND address NOT GLOB '*[^!-~]*'),
            role TEXT NOT NULL CHECK (role IN ('to', 'cc')),
            PRIMARY KEY (customer_id, address)
        ) STRICT;

        CREATE TABLE invoice (
            id INTEGER PRIMARY KEY,
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            customer_id INTEGER NOT NULL REFERENCES customer(id),
            number TEXT NOT NULL CHECK (length(number) > 0),
            currency TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
            issued_on TEXT CHECK (issued_on IS NULL OR issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            due_on TEXT CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            total_minor INTEGER,
            open_minor INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open', 'settled')),
            -- The as-of date of the newest authoritative snapshot that spoke of it:
            -- an older snapshot dropped late must not undo what a newer one decided.
            seen_as_of TEXT NOT NULL CHECK (seen_as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            first_import_id INTEGER NOT NULL REFERENCES import(id),
            last_import_id INTEGER NOT NULL REFERENCES import(id),
            settled_by_import_id INTEGER REFERENCES import(id),
            UNIQUE (creditor_id, number),
            CHECK ((status = 'settled') = (settled_by_import_id IS NOT NULL))
        ) STRICT;
        CREATE INDEX invoice_customer ON invoice(customer_id);
        CREATE INDEX invoice_open ON invoice(creditor_id, status);

        CREATE TABLE message (
            id INTEGER PRIMARY KEY,
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            customer_id INTEGER NOT NULL REFERENCES customer(id),
            step TEXT NOT NULL CHECK (length(step) > 0),
            planned_on TEXT NOT NULL CHECK (planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            rfc_message_id TEXT NOT NULL UNIQUE CHECK (rfc_message_id NOT GLOB '*[^!-~]*'),
            envelope_from TEXT NOT NULL CHECK (envelope_from NOT GLOB '*[^!-~]*'),
            raw BLOB NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'retry', 'failed', 'held', 'cancelled')),
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt_at TEXT,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            server_reply TEXT,
            last_error TEXT,
            CHECK ((state = 'sent') = (sent_at IS NOT NULL)),
            CHECK (state <> 'retry' OR next_attempt_at IS NOT NULL)
        ) STRICT;
        CREATE INDEX message_due ON message(state, next_attempt_at);

        CREATE TABLE message_recipient (
            message_id INTEGER NOT NULL REFERENCES message(id),
            address TEXT NOT NULL CHECK (length(address) BETWEEN 3 AND 254 AND address NOT GLOB '*[^!-~]*'),
            role TEXT NOT NULL CHECK (role IN ('to', 'cc', 'bcc')),
            PRIMARY KEY (message_id, address)
        ) STRICT;

        CREATE TABLE message_invoice (
            message_id INTEGER NOT NULL REFERENCES message(id),
            invoice_id INTEGER NOT NULL REFERENCES invoice(id),
            step TEXT NOT NULL,
            -- The open amount the message states: checked again just before each attempt.
            stated_open_minor INTEGER NOT NULL,
            cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
            PRIMARY KEY (message_id, invoice_id)
        ) STRICT;
        -- One live message per invoice and step: the planner can never queue a duplicate.
        CREATE UNIQUE INDEX message_invoice_step_once ON message_invoice(invoice_id, step) WHERE cancelled = 0;

        CREATE TABLE event (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            creditor_id TEXT REFERENCES creditor(id),
            customer_id INTEGER REFERENCES customer(id),
            invoice_id INTEGER REFERENCES invoice(id),
            message_id INTEGER REFERENCES message(id),
            import_id INTEGER REFERENCES import(id),
            summary TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
        ) STRICT;
        CREATE INDEX event_customer ON event(customer_id);
        CREATE TRIGGER event_no_update BEFORE UPDATE ON event
            BEGIN SELECT RAISE(ABORT, 'the event journal is append-only'); END;
        CREATE TRIGGER event_no_delete BEFORE DELETE ON event
            BEGIN SELECT RAISE(ABORT, 'the event journal is append-only'); END;
        """
}
