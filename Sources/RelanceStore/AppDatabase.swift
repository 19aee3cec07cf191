public import Foundation
public import GRDB
import RelanceCore

/// The SQLite store: a `DatabaseWriter` behind intention-named operations
/// (GRDB's recommended "AppDatabase" pattern). Nothing outside this target sees SQL.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter

    /// Opens (and migrates) a store around an existing writer; tests pass an in-memory queue.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try AppDatabase.migrator.migrate(writer)
    }

    /// Opens the store file, creating it and its folder when missing.
    ///
    /// WAL lets `relance status` read while the daemon writes; the busy timeout makes a
    /// writer wait for another process's transaction instead of failing at once;
    /// `synchronous = NORMAL` is durable across process crashes in WAL mode (only a power
    /// loss may drop the last transactions, never corrupt the file), and it is the setting
    /// the import benchmark measures.
    public static func openOnDisk(at url: URL, busyTimeout: TimeInterval = 10) throws -> AppDatabase {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool = try DatabasePool(path: url.path, configuration: configuration)
        return try AppDatabase(pool)
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
