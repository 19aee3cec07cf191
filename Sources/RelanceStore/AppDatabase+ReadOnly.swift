public import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension AppDatabase {
    /// Opens the store for the commands that only read it (`status`, `plan`, `aging`,
    /// `customer`, `tasks`): nothing is created, migrated or left behind, so they work on a
    /// read-only state folder and never leave a `-shm` owned by the wrong user.
    ///
    /// SQLite's rules for a read-only WAL database (sqlite.org/wal.html, "Read-Only Databases"):
    /// a read-only connection needs the `-wal` and `-shm` files to exist already, or it creates
    /// them (and cannot remove them on close). So: while a writer has the store open (its
    /// `-wal` exists), read through its files read-only; otherwise open it `immutable`, which
    /// touches no other file. A store an older version wrote must first be upgraded by a writer.
    public static func openForReading(at url: URL) throws -> AppDatabase {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw StoreError(.cannotOpen, """
                there is no store at \(url.path) yet. `relance run` creates it; check state_folder (or store_file) \
                in the configuration.
                """)
        }
        guard access(url.path, R_OK) == 0 else {
            throw StoreError(.cannotOpen, """
                the store \(url.path) cannot be read by this user (uid \(getuid())): run the command as the daemon's \
                user (sudo -u relance relance …), or give this user read access to the state folder.
                """)
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        // The store's pages read in place rather than copied: through `pread` the kernel copied
        // every page of a 100,000-invoice store into SQLite's cache, 13 % of `relance plan`'s CPU
        // (benchmarks/plan.sh). The price, accepted for these commands only: a disk error while
        // reading a mapped page stops the command with SIGBUS instead of an error message. They
        // change nothing, so nothing is left half done, and the command can be run again; the
        // daemon's connections, which write, keep `pread`. A size above any store's: SQLite maps
        // only what the file holds.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA mmap_size = \(Self.readingMapSize)")
        }
        let writerIsOpen = FileManager.default.fileExists(atPath: url.path + "-wal")
        let path = writerIsOpen ? url.path : "file:" + Self.uriPath(url.path) + "?immutable=1"
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(.cannotOpen, "the store \(url.path) cannot be opened for reading: \(Self.shortMessage(error)). "
                + (AppDatabase.advice(for: error) ?? "Check the state folder's permissions."))
        }
        let upToDate: Bool
        do {
            upToDate = try queue.read { db in try migrator.hasCompletedMigrations(db) }
        } catch {
            throw StoreError(.cannotOpen, "the store \(url.path) cannot be read: \(Self.shortMessage(error)). "
                + (AppDatabase.advice(for: error) ?? "Check the state folder's permissions."))
        }
        guard upToDate else {
            throw StoreError(.cannotOpen, """
                the store \(url.path) was written by an older version of Relance and must be upgraded first: \
                run `relance run --once` (as the daemon's user) or start the daemon; read-only commands never change it.
                """)
        }
        return AppDatabase(reading: queue)
    }

    /// How much of the store the read-only commands map (`PRAGMA mmap_size`): 1 GiB, under
    /// SQLite's default ceiling (`SQLITE_MAX_MMAP_SIZE`, 2 GiB), which would lower it silently.
    static let readingMapSize = 1 << 30

    /// SQLite's own text, without the SQL statement GRDB appends to it.
    static func shortMessage(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        return error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }

    /// A path as the path part of a `file:` URI (RFC 3986: `%`, `?` and `#` escaped).
    private static func uriPath(_ path: String) -> String {
        var out = ""
        for character in path {
            switch character {
            case "%": out += "%25"
            case "?": out += "%3f"
            case "#": out += "%23"
            default: out.append(character)
            }
        }
        return out
    }
}
