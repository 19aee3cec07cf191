public import Foundation
public import Logging
public import RelancePostgres
import RelanceStore

/// `relance store copy --from sqlite:PATH`: moves a SQLite book into the PostgreSQL database
/// `[store]` names. The SQLite file's run lock is held throughout, so no daemon writes the book
/// while it is copied (the copy refuses to start while one runs), and so is its write lock, so
/// that no other command writes it either (`SQLiteWriteHold`); the SQLite file is only read
/// (after being brought to the latest schema, as a daemon's start would) and stays as it was.
public enum StoreMove {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// `from`: `sqlite:PATH` (relative to the current directory), the only source there is.
    public static func sqliteFile(from argument: String) throws(Failure) -> URL {
        guard argument.hasPrefix("sqlite:"), argument.count > "sqlite:".count else {
            throw Failure(description: "--from \(argument): write --from sqlite:PATH, the SQLite store file to copy (the store_file the configuration named)")
        }
        return URL(fileURLWithPath: String(argument.dropFirst("sqlite:".count)))
    }

    public static func copy(sqliteFile: URL, into configuration: PostgresStoreConfiguration, secrets: SecretStore, logger: Logger,
                            progress: @Sendable (StoreCopyReport.Table) -> Void = { _ in }) async throws -> StoreCopyReport {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sqliteFile.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw Failure(description: "\(sqliteFile.path): no SQLite store there; name the store_file of the installation to move (relance status shows it)")
        }
        let lock: RunLock
        do {
            lock = try RunLock(beside: sqliteFile)
        } catch {
            throw Failure(description: "\(error.description) The copy must see the book still: stop the daemon, then copy.")
        }
        defer { withExtendedLifetime(lock) {} }
        let source = try AppDatabase.openOnDisk(at: sqliteFile)
        // `relance import` or `tasks done` do not take the run lock (WAL lets them work beside the
        // daemon): hold the write lock too, so that no line lands in the SQLite file after the
        // copy read its table — such a write waits, then fails and can be made again on PostgreSQL.
        let hold = try SQLiteWriteHold(at: sqliteFile)
        defer { hold.release() }
        let problems = try source.integrityProblems()
        guard problems.isEmpty else {
            throw Failure(description: "\(sqliteFile.path) fails its integrity check (\(problems.prefix(3).joined(separator: "; "))): restore a backup before moving it; nothing was written")
        }
        let destination = try await PostgresStore.open(try configuration.resolved(secrets: secrets), logger: logger)
        do {
            let report = try await destination.copy(from: source, progress: progress)
            await destination.close()
            return report
        } catch {
            await destination.close()
            throw error
        }
    }
}
