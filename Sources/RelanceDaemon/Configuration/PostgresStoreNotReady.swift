import RelancePostgres

/// `[store] url` names a PostgreSQL database, but the PostgreSQL store cannot run the daemon
/// yet (issue 16): said plainly at start, before anything is opened or written, instead of
/// falling back to the SQLite file.
public struct PostgresStoreNotReady: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var url: String

    public var description: String {
        """
        \(file): [store] url = "\(url)" asks for the PostgreSQL store, which is not complete yet. \
        What exists: the schema and its migrations, the outbox with claims shared by several daemons \
        (SELECT … FOR UPDATE SKIP LOCKED), in batches, and the recovery of a dead daemon's expired claims \
        from server-side evidence, inbound mail and its effects, the review of held and awaiting messages, the mail log, \
        the event journal, the console's users, sessions and pages, the import of open-invoice files and e-invoices (snapshots, \
        held ones and their confirmation, kept documents), contacts files and customers' profiles, a person's corrected address, \
        the open receivables, the bank's payments and unplaced receipts, \
        the planner's facts, the aged balance's sums, the imports' history, the retention purge, \
        tasks and their outcomes, customers' holds, invalid addresses, disputes and do-not-remind, leases with fencing tokens and daemon heartbeats, \
        `relance status` (daemons, leases, claims), `relance store migrate`, `relance store copy --from sqlite:PATH` (to move a book there) and `relance backup` (pg_dump). \
        Not yet: bank statements and a person's linking of a bank receipt. Nothing was opened or written; \
        remove [store] to run on the SQLite store (store_file).
        """
    }
}

extension RelanceConfiguration {
    /// Stops a command that would open the store when the configuration asks for PostgreSQL.
    public func requireSQLiteStore() throws(PostgresStoreNotReady) {
        if let postgresStore {
            throw PostgresStoreNotReady(file: file.path, url: postgresStore.settings.redactedURL)
        }
    }
}
