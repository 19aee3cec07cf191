extension AppDatabase {
    /// v2: what people and the mailbox add to the ledger — customer details from the contacts
    /// file, holds (pauses), invalid addresses, disputes, the creditor's own state, tasks for
    /// people, IMAP marks and the inbound messages that are ours. Frozen once released.
    static let v2 = """
        ALTER TABLE customer ADD COLUMN postal_address TEXT;
        ALTER TABLE customer ADD COLUMN siren TEXT;
        ALTER TABLE customer ADD COLUMN vat_number TEXT;
        ALTER TABLE customer ADD COLUMN phones TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(phones));
        ALTER TABLE customer ADD COLUMN payment_terms TEXT;
        ALTER TABLE customer ADD COLUMN policy TEXT;
        ALTER TABLE customer ADD COLUMN note TEXT;
        ALTER TABLE customer ADD COLUMN do_not_remind INTEGER NOT NULL DEFAULT 0 CHECK (do_not_remind IN (0, 1));
        -- For customers chased by hand before Relance: the step already reached and when.
        ALTER TABLE customer ADD COLUMN initial_step TEXT;
        ALTER TABLE customer ADD COLUMN last_manual_contact_on TEXT
            CHECK (last_manual_contact_on IS NULL OR last_manual_contact_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

        ALTER TABLE invoice ADD COLUMN disputed_since TEXT;
        ALTER TABLE invoice ADD COLUMN dispute_reason TEXT;

        -- Set by commands (relance creditor activate / pause); the configuration's value applies until then.
        CREATE TABLE creditor_state (
            creditor_id TEXT PRIMARY KEY NOT NULL REFERENCES creditor(id),
            mode TEXT CHECK (mode IS NULL OR mode IN ('review', 'active')),
            paused_until TEXT CHECK (paused_until IS NULL OR paused_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
            pause_reason TEXT,
            updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE customer_hold (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id),
            kind TEXT NOT NULL CHECK (kind IN ('manual', 'reply', 'away', 'promise', 'complaint')),
            -- NULL: until a person resumes the customer.
            until_on TEXT CHECK (until_on IS NULL OR until_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            released_at TEXT,
            release_reason TEXT,
            CHECK ((released_at IS NULL) = (release_reason IS NULL))
        ) STRICT;
        CREATE INDEX customer_hold_live ON customer_hold(customer_id) WHERE released_at IS NULL;

        -- An invalid address belongs to the (creditor, address) pair: it survives re-imports of the
        -- contacts file and clears only when a different address arrives or by command.
        CREATE TABLE invalid_address (
            id INTEGER PRIMARY KEY,
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            address TEXT NOT NULL CHECK (length(address) BETWEEN 3 AND 254 AND address NOT GLOB '*[^!-~]*'),
            reason TEXT NOT NULL,
            evidence TEXT,
            since TEXT NOT NULL,
            cleared_at TEXT,
            clear_reason TEXT,
            CHECK ((cleared_at IS NULL) = (clear_reason IS NULL))
        ) STRICT;
        CREATE UNIQUE INDEX invalid_address_live ON invalid_address(creditor_id, address) WHERE cleared_at IS NULL;

        CREATE TABLE mailbox_mark (
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            folder TEXT NOT NULL CHECK (length(folder) > 0),
            uid_validity INTEGER NOT NULL CHECK (uid_validity > 0),
            last_uid INTEGER NOT NULL CHECK (last_uid >= 0),
            polled_at TEXT NOT NULL,
            PRIMARY KEY (creditor_id, folder)
        ) STRICT;

        -- Only messages that are ours (matched to a reminder, or from a known contact) are stored.
        CREATE TABLE inbound_message (
            id INTEGER PRIMARY KEY,
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            folder TEXT NOT NULL,
            uid_validity INTEGER NOT NULL,
            uid INTEGER NOT NULL,
            rfc_message_id TEXT,
            received_at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('bounce', 'autoreply', 'complaint', 'delivery-report', 'reply', 'other')),
            message_id INTEGER REFERENCES message(id),
            customer_id INTEGER REFERENCES customer(id),
            summary TEXT NOT NULL,
            excerpt TEXT,
            raw BLOB,
            UNIQUE (creditor_id, folder, uid_validity, uid)
        ) STRICT;
        CREATE INDEX inbound_rfc_message_id ON inbound_message(creditor_id, rfc_message_id);

        CREATE TABLE task (
            id INTEGER PRIMARY KEY,
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            customer_id INTEGER REFERENCES customer(id),
            kind TEXT NOT NULL CHECK (kind IN ('call', 'read-reply', 'letter', 'registered-letter', 'formal-notice',
                                               'legal-action', 'hand-off', 'review-message', 'fix-configuration', 'identify-customer')),
            state TEXT NOT NULL CHECK (state IN ('open', 'done', 'cancelled')),
            -- One open task per key: e.g. one call per wrong address, however many bounces come back.
            dedup_key TEXT,
            title TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
            step TEXT,
            message_id INTEGER REFERENCES message(id),
            inbound_id INTEGER REFERENCES inbound_message(id),
            document_path TEXT,
            created_at TEXT NOT NULL,
            due_on TEXT CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            escalated_at TEXT,
            outcome TEXT CHECK (outcome IS NULL OR outcome IN ('promised', 'dispute', 'wrong-number', 'paid', 'no-answer',
                                                               'letter-sent', 'acknowledged', 'done', 'cancelled')),
            outcome_detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(outcome_detail)),
            closed_at TEXT,
            CHECK ((state = 'open') = (closed_at IS NULL)),
            CHECK ((state = 'open') = (outcome IS NULL))
        ) STRICT;
        CREATE UNIQUE INDEX task_open_once ON task(creditor_id, dedup_key) WHERE state = 'open' AND dedup_key IS NOT NULL;
        CREATE INDEX task_customer ON task(customer_id, state);

        CREATE TABLE task_invoice (
            task_id INTEGER NOT NULL REFERENCES task(id),
            invoice_id INTEGER NOT NULL REFERENCES invoice(id),
            PRIMARY KEY (task_id, invoice_id)
        ) STRICT;
        """
}
