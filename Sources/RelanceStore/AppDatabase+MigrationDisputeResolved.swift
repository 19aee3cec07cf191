import GRDB

extension AppDatabase {
    /// `v11-task-outcome-dispute-resolved` (issue #13): a dispute ends through a recorded outcome,
    /// `dispute-resolved`, like every other change a person makes to a task (`relance tasks done`,
    /// an emailed reply, the console, `relance resume --invoice`). SQLite cannot widen a CHECK:
    /// `task` and `task_outcome` are rebuilt as it prescribes (new table, copy, drop, rename, the
    /// indexes again), every row kept, then the foreign keys are checked. Frozen once released.
    static func taskOutcomeDisputeResolvedMigration(_ db: Database) throws {
        try db.execute(sql: taskOutcomeDisputeResolved)
        // GRDB runs a migration with foreign keys off: check them before it commits.
        let broken = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        guard broken.isEmpty else {
            let tables = Set(broken.map { $0[0] as String? ?? "?" }).sorted().joined(separator: ", ")
            throw StoreError(.corrupt, "v11-task-outcome-dispute-resolved: \(broken.count) row(s) of \(tables) refer to missing rows")
        }
    }

    private static let taskOutcomeDisputeResolved = """
        CREATE TABLE task_v11 (
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
            outcome TEXT CHECK (outcome IS NULL OR outcome IN ('promised', 'dispute', 'dispute-resolved', 'wrong-number', 'paid',
                                                               'no-answer', 'letter-sent', 'letter-posted', 'acknowledged',
                                                               'new-address', 'done', 'cancelled', 'superseded')),
            outcome_detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(outcome_detail)),
            closed_at TEXT,
            step_on TEXT CHECK (step_on IS NULL OR step_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            retry_on TEXT CHECK (retry_on IS NULL OR retry_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
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
        INSERT INTO task_v11 (id, creditor_id, customer_id, kind, state, dedup_key, title, detail, step, message_id, inbound_id,
                              document_path, created_at, due_on, escalated_at, outcome, outcome_detail, closed_at, step_on,
                              attempts, retry_on, posted_on, tracking_number, acknowledged_on, superseded_by)
            SELECT id, creditor_id, customer_id, kind, state, dedup_key, title, detail, step, message_id, inbound_id,
                   document_path, created_at, due_on, escalated_at, outcome, outcome_detail, closed_at, step_on,
                   attempts, retry_on, posted_on, tracking_number, acknowledged_on, superseded_by
            FROM task;
        DROP TABLE task;
        ALTER TABLE task_v11 RENAME TO task;
        CREATE UNIQUE INDEX task_open_once ON task(creditor_id, dedup_key) WHERE state = 'open' AND dedup_key IS NOT NULL;
        CREATE INDEX task_customer ON task(customer_id, state);
        CREATE UNIQUE INDEX task_open_per_customer_family ON task(
            customer_id,
            (CASE kind WHEN 'call' THEN 'call' WHEN 'legal-action' THEN 'legal-action' WHEN 'hand-off' THEN 'hand-off' ELSE 'letter' END))
            WHERE state = 'open' AND customer_id IS NOT NULL
              AND kind IN ('call', 'letter', 'registered-letter', 'formal-notice', 'legal-action', 'hand-off');

        CREATE TABLE task_outcome_v11 (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES task(id),
            outcome TEXT NOT NULL CHECK (outcome IN ('promised', 'dispute', 'dispute-resolved', 'wrong-number', 'paid', 'no-answer',
                                                     'letter-posted', 'new-address', 'done', 'cancelled')),
            parameters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(parameters)),
            recorded_by TEXT NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 254 AND recorded_by NOT GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*'),
            channel TEXT NOT NULL CHECK (channel IN ('cli', 'email', 'console')),
            inbound_id INTEGER REFERENCES inbound_message(id),
            recorded_at TEXT NOT NULL,
            acknowledged_at TEXT,
            CHECK (channel = 'email' OR inbound_id IS NULL)
        ) STRICT;
        INSERT INTO task_outcome_v11 (id, task_id, outcome, parameters, recorded_by, channel, inbound_id, recorded_at, acknowledged_at)
            SELECT id, task_id, outcome, parameters, recorded_by, channel, inbound_id, recorded_at, acknowledged_at FROM task_outcome;
        DROP TABLE task_outcome;
        ALTER TABLE task_outcome_v11 RENAME TO task_outcome;
        CREATE INDEX task_outcome_task ON task_outcome(task_id);
        CREATE INDEX task_outcome_unacknowledged ON task_outcome(channel) WHERE acknowledged_at IS NULL AND channel = 'email';
        """
}
