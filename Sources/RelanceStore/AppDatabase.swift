public import Foundation
public import GRDB
import RelanceCore
#if canImport(Glibc)
import Glibc
#endif

/// The SQLite store: a `DatabaseWriter` behind intention-named operations
/// (GRDB's recommended "AppDatabase" pattern). Nothing outside this target sees SQL.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Checkpoints an on-disk store's log off the writer (`WALCheckpointer`); nil in memory.
    private let checkpointer: WALCheckpointer?
    /// Ids of the messages being composed, not stored yet (`enqueue`).
    let messageIDs = MessageIDReservation()
    /// The Aged balance page's sums, kept while the store is unchanged (`agingRows`).
    let agingRowsCache: AgingRowsCache

    /// Opens (and migrates) a store around an existing writer; tests pass an in-memory queue.
    public convenience init(_ writer: any DatabaseWriter) throws {
        try self.init(writer, checkpointer: nil)
    }

    private init(_ writer: any DatabaseWriter, checkpointer: WALCheckpointer?) throws {
        self.writer = writer
        self.checkpointer = checkpointer
        agingRowsCache = AgingRowsCache(writer)
        try AppDatabase.migrator.migrate(writer)
    }

    /// A store opened read-only (see `openForReading`): never migrated, never written.
    init(reading queue: DatabaseQueue) {
        self.writer = queue
        checkpointer = nil
        agingRowsCache = AgingRowsCache(queue)
    }

    /// Opens the store file, creating it and its folder when missing.
    ///
    /// WAL lets `relance status` read while the daemon writes; the busy timeout makes a
    /// writer wait for another process's transaction instead of failing at once;
    /// `synchronous = NORMAL` is durable across process crashes in WAL mode (only a power
    /// loss may drop the last transactions, never corrupt the file), and it is the setting
    /// the import benchmark measures.
    public static func openOnDisk(at url: URL, busyTimeout: TimeInterval = 10) throws -> AppDatabase {
        do {
            return try openWritable(at: url, busyTimeout: busyTimeout)
        } catch {
            // SQLite's own text ("attempt to write a readonly database - while executing CREATE
            // TABLE grdb_issue_102") says neither what is wrong nor what to do.
            let folder = url.deletingLastPathComponent()
            let refused: [ResultCode] = [.SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH]
            let readOnly = (error as? DatabaseError).map { refused.contains($0.resultCode) } ?? false
            if readOnly || error is CocoaError || !FileManager.default.isWritableFile(atPath: folder.path) {
                throw StoreError(.cannotOpen, "the store \(url.path) cannot be written: " + notWritableAdvice(folder))
            }
            throw error
        }
    }

    /// What to say when the state folder cannot be written by this user.
    public static func notWritableAdvice(_ folder: URL) -> String {
        "the state folder \(folder.path) is not writable by this user (uid \(getuid())). relance run, import, pause, "
            + "resume and tasks done write there: run them as the daemon's user (sudo -u relance relance …), or give that "
            + "user the folder (chown -R relance: \(folder.path)). status, plan, aging, customer and tasks only read it."
    }

    private static func openWritable(at url: URL, busyTimeout: TimeInterval) throws -> AppDatabase {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        let checkpointer = WALCheckpointer(path: url.path)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The writer's log is checkpointed off its thread; readers write no log.
            if !db.configuration.readonly { checkpointer.install(on: db) }
        }
        let pool = try DatabasePool(path: url.path, configuration: configuration)
        return try AppDatabase(pool, checkpointer: checkpointer)
    }

    /// An empty in-memory store, for tests and dry runs.
    public static func inMemory() throws -> AppDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try AppDatabase(DatabaseQueue(configuration: configuration))
    }

    /// `PRAGMA integrity_check` and foreign key check; returns the problems found (empty when sound).
    public func integrityProblems() throws -> [String] {
        try writer.read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += orphans.map { "foreign key violation in \($0[0] as String? ?? "?") row \($0[1] as Int64? ?? -1)" }
            return problems
        }
    }
}
