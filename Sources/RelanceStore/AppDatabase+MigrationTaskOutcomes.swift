extension AppDatabase {
    /// `v6-task-outcomes` (issue #13): the people's half. The `task` table is rebuilt as SQLite
    /// prescribes for changed CHECKs (new outcomes, a `check-payment` kind, a letter's posting),
    /// duplicate open ladder tasks left by earlier versions are superseded by the newest one, and
    /// a partial unique index keeps one open task per customer and family (calls; letters —
    /// reminder letter, registered letter, formal notice —; legal action; hand-off). Outcomes
    /// recorded by people are kept with who recorded them and how, and act through holds on
    /// invoices said to be paid and numbers known to be wrong. Frozen once released.
    static let v6TaskOutcomes = """
        CREATE TABLE task_v6 (
            id INTEGER PRIMARY KEY,
            creditor_id TEXT NOT NULL REFERENCES creditor(id),
            customer_id INTEGER REFERENCES customer(id),
            kind TEXT NOT NULL CHECK (kind IN ('call', 'read-reply', 'letter', 'registered-letter', 'formal-notice',
                                               'legal-action', 'hand-off', 'review-message', 'fix-configuration',
                                               'identify-customer', 'check-payment')),
            state TEXT NOT NULL CHECK (state IN ('open', 'done', 'cancelled')),
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
                                                               'letter-sent', 'letter-posted', 'acknowledged', 'new-address',
                                                               'done', 'cancelled', 'superseded')),
            outcome_detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(outcome_detail)),
            closed_at TEXT,
            -- The day the current step was taken: opened, or moved on by the ladder (an open call).
            step_on TEXT CHECK (step_on IS NULL OR step_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            retry_on TEXT CHECK (retry_on IS NULL OR retry_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            -- A letter is sent when a person records it posted, not when it is written.
            posted_on TEXT CHECK (posted_on IS NULL OR posted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            tracking_number TEXT CHECK (tracking_number IS NULL
                                        OR (length(tracking_number) BETWEEN 1 AND 64 AND tracking_number NOT GLOB '*[^!-~]*')),
            acknowledged_on TEXT CHECK (acknowledged_on IS NULL OR acknowledged_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            superseded_by INTEGER REFERENCES task(id) DEFERRABLE INITIALLY DEFERRED,
            CHECK ((state = 'open') = (closed_at IS NULL)),
            CHECK ((state = 'open') = (outcome IS NULL)),
            CHECK ((outcome IS 'superseded') = (superseded_by IS NOT NULL)),
            CHECK (posted_on IS NULL OR kind IN ('letter', 'registered-letter', 'formal-notice')),
            CHECK ((outcome IS 'letter-posted') = (posted_on IS NOT NULL)),
            CHECK (acknowledged_on IS NULL OR acknowledged_on >= posted_on)
        ) STRICT;
        INSERT INTO task_v6 (id, creditor_id, customer_id, kind, state, dedup_key, title, detail, step, message_id, inbound_id,
                             document_path, created_at, due_on, escalated_at, outcome, outcome_detail, closed_at, step_on)
            SELECT id, creditor_id, customer_id, kind, state, dedup_key, title, detail, step, message_id, inbound_id,
                   document_path, created_at, due_on, escalated_at, outcome, outcome_detail, closed_at, date(created_at)
            FROM task;
        DROP TABLE task;
        ALTER TABLE task_v6 RENAME TO task;
        CREATE UNIQUE INDEX task_open_once ON task(creditor_id, dedup_key) WHERE state = 'open' AND dedup_key IS NOT NULL;
        CREATE INDEX task_customer ON task(customer_id, state);

        -- Earlier versions could open a second call or letter for a customer: the newest stays open,
        -- the others are superseded by it (their documents are kept).
        UPDATE task SET state = 'cancelled', outcome = 'superseded', closed_at = strftime('%Y-%m-%d %H:%M:%f', 'now'),
                        superseded_by = (SELECT MAX(n.id) FROM task n
                                         WHERE n.customer_id = task.customer_id AND n.state = 'open'
                                           AND (CASE n.kind WHEN 'call' THEN 'call' WHEN 'legal-action' THEN 'legal-action'
                                                WHEN 'hand-off' THEN 'hand-off' ELSE 'letter' END)
                                             = (CASE task.kind WHEN 'call' THEN 'call' WHEN 'legal-action' THEN 'legal-action'
                                                WHEN 'hand-off' THEN 'hand-off' ELSE 'letter' END)
                                           AND n.kind IN ('call', 'letter', 'registered-letter', 'formal-notice', 'legal-action', 'hand-off'))
            WHERE state = 'open' AND customer_id IS NOT NULL
              AND kind IN ('call', 'letter', 'registered-letter', 'formal-notice', 'legal-action', 'hand-off')
              AND id < (SELECT MAX(n.id) FROM task n
                        WHERE n.customer_id = task.customer_id AND n.state = 'open'
                          AND (CASE n.kind WHEN 'call' THEN 'call' WHEN 'legal-action' THEN 'legal-action'
                               WHEN 'hand-off' THEN 'hand-off' ELSE 'letter' END)
                            = (CASE task.kind WHEN 'call' THEN 'call' WHEN 'legal-action' THEN 'legal-action'
                               WHEN 'hand-off' THEN 'hand-off' ELSE 'letter' END)
                          AND n.kind IN ('call', 'letter', 'registered-letter', 'formal-notice', 'legal-action', 'hand-off'));
        -- One open task per customer and family: the ladder updates or supersedes, never duplicates.
        CREATE UNIQUE INDEX task_open_per_customer_family ON task(
            customer_id,
            (CASE kind WHEN 'call' THEN 'call' WHEN 'legal-action' THEN 'legal-action' WHEN 'hand-off' THEN 'hand-off' ELSE 'letter' END))
            WHERE state = 'open' AND customer_id IS NOT NULL
              AND kind IN ('call', 'letter', 'registered-letter', 'formal-notice', 'legal-action', 'hand-off');

        -- Every outcome a person recorded, with who and how (CLI, email, console): the customer's
        -- timeline shows them; an emailed one is acknowledged in the next digest.
        CREATE TABLE task_outcome (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES task(id),
            outcome TEXT NOT NULL CHECK (outcome IN ('promised', 'dispute', 'wrong-number', 'paid', 'no-answer',
                                                     'letter-posted', 'new-address', 'done', 'cancelled')),
            parameters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(parameters)),
            recorded_by TEXT NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 254 AND recorded_by NOT GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*'),
            channel TEXT NOT NULL CHECK (channel IN ('cli', 'email', 'console')),
            inbound_id INTEGER REFERENCES inbound_message(id),
            recorded_at TEXT NOT NULL,
            acknowledged_at TEXT,
            CHECK (channel = 'email' OR inbound_id IS NULL)
        ) STRICT;
        CREATE INDEX task_outcome_task ON task_outcome(task_id);
        CREATE INDEX task_outcome_unacknowledged ON task_outcome(channel) WHERE acknowledged_at IS NULL AND channel = 'email';

        -- A number that rang somebody else: never offered for a call again (until a new one comes).
        CREATE TABLE invalid_phone (
            customer_id INTEGER NOT NULL REFERENCES customer(id),
            phone TEXT NOT NULL CHECK (length(phone) BETWEEN 1 AND 64 AND phone NOT GLOB '*[' || char(1) || '-' || char(31) || ']*'),
            task_id INTEGER REFERENCES task(id),
            since TEXT NOT NULL,
            PRIMARY KEY (customer_id, phone)
        ) STRICT;

        -- The customer says it paid: the invoice waits for the ledger until wait_until, then a
        -- check-payment task asks the accountant. Resolved by that check, or moot once settled.
        CREATE TABLE payment_claim (
            id INTEGER PRIMARY KEY,
            invoice_id INTEGER NOT NULL REFERENCES invoice(id),
            task_id INTEGER REFERENCES task(id),
            paid_on TEXT CHECK (paid_on IS NULL OR paid_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            means TEXT,
            wait_until TEXT NOT NULL CHECK (wait_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            created_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT CHECK (resolution IS NULL OR resolution IN ('checked', 'settled', 'cancelled')),
            CHECK ((resolved_at IS NULL) = (resolution IS NULL))
        ) STRICT;
        CREATE UNIQUE INDEX payment_claim_live ON payment_claim(invoice_id) WHERE resolved_at IS NULL;
        """
}
