import GRDB
import GRDBSQLite
import RelanceCore
import Synchronization

/// The Aged balance page's sums (`agingRows`) kept between requests for as long as the store's
/// content is the same, so that paging through the balance or filtering it does not read and
/// sum the 100,000 open invoices again on each request (issue #14: the page took 100 ms of CPU
/// on 10,000 customers, about half of it that read).
///
/// Why it cannot go stale: the rows are computed and looked up on one connection only, in one
/// read transaction with the version they are kept under, and that version is the pair SQLite
/// keeps per connection —
/// - `PRAGMA data_version`, which changes whenever *another* connection, of this process or
///   of another (`relance import`, a second daemon, the pool's writer), has committed since this
///   connection last read (sqlite.org/pragma.html#pragma_data_version);
/// - `sqlite3_total_changes64`, the rows this connection itself has inserted, updated or
///   deleted, triggers included (it only grows, even when a transaction is rolled back).
/// Neither moved: nothing was committed since the rows were summed, so the same read would find
/// the same rows. Either moved (any write, to any table): every kept result is dropped and the
/// rows are read again — by design more often than needed, never less. The key holds all the
/// read depends on besides the content: the creditor and the as-of date.
///
/// The connection: a pool's readers are interchangeable and each counts its own version, so an
/// on-disk store (`DatabasePool`) gets a read-only connection of its own for this read, opened
/// at the first one; a single-connection store (`DatabaseQueue`: in memory, read-only) reads on
/// its one connection, where `total_changes` sees its own writes.
final class AgingRowsCache: Sendable {
    struct Key: Hashable, Sendable {
        var creditor: CreditorID
        var asOf: CivilDate
    }

    struct Version: Hashable, Sendable {
        var dataVersion: Int64
        var ownChanges: Int64
    }

    /// A few creditors and dates at most (the page's as-of field); past that, start over. Each
    /// result is about 4 MB on 10,000 customers (40,000 rows).
    static let capacity = 4

    private let store: any DatabaseReader
    private let poolPath: String?
    private let connection = Mutex<DatabaseQueue?>(nil)
    private let kept = Mutex<(version: Version?, rows: [Key: [AgingRow]])>((nil, [:]))

    init(_ store: any DatabaseReader) {
        self.store = store
        poolPath = (store as? DatabasePool)?.path
    }

    /// The rows of `key`, kept or read by `read` (called inside the read transaction).
    func rows(_ key: Key, read: @escaping @Sendable (Database) throws -> [AgingRow]) async throws -> [AgingRow] {
        try await reader().read { [self] db in
            // Read first, inside the transaction: the version of the snapshot the rows come from.
            let version = try Self.version(db)
            if let rows = kept.withLock({ $0.version == version ? $0.rows[key] : nil }) { return rows }
            let rows = try read(db)
            kept.withLock { kept in
                if kept.version != version || kept.rows.count >= Self.capacity { kept = (version, [:]) }
                kept.rows[key] = rows
            }
            return rows
        }
    }

    static func version(_ db: Database) throws -> Version {
        Version(dataVersion: try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0,
                ownChanges: sqlite3_total_changes64(db.sqliteConnection))
    }

    private func reader() throws -> any DatabaseReader {
        guard let poolPath else { return store }
        return try connection.withLock { connection in
            if let connection { return connection }
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            let opened = try DatabaseQueue(path: poolPath, configuration: configuration)
            connection = opened
            return opened
        }
    }
}
