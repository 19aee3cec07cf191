extension AppDatabase {
    /// `v13-console-indexes`: what the console's pages read on a big book (issue #14), so that a
    /// page costs the rows it shows (benchmarks/console-p95.sh: 10,000 customers, 100,000
    /// invoices). No table changes.
    /// - the open tasks of a creditor by kind in Today's order (`openTasks(of:kind:offset:limit:)`
    ///   walks it and stops after a page; `openTaskCounts(of:)` counts from it alone);
    /// - one customer's messages (the customer page's history of steps taken);
    /// - the `import.applied` events by import (a customer's timeline lists the imports that
    ///   showed its invoices; one row per import);
    /// - the open invoices' numbers with their customer (the search reads this, not the table);
    /// - a creditor's events by kind (the outbox's standing pause, read by the sender every
    ///   minute, the digest and the Health page, scanned the whole journal: 180,000 lines).
    static let consoleIndexesMigration = """
        CREATE INDEX task_open_by_kind ON task(creditor_id, kind, COALESCE(due_on, '9999-12-31'), created_at, id)
            WHERE state = 'open';
        CREATE INDEX message_customer ON message(customer_id);
        CREATE INDEX event_import_applied ON event(import_id) WHERE kind = 'import.applied';
        CREATE INDEX invoice_open_number ON invoice(creditor_id, status, number, customer_id) WHERE status = 'open';
        CREATE INDEX event_creditor_kind ON event(creditor_id, kind);
        """
}
