import GRDB

extension AppDatabase {
    /// The one write transaction of a snapshot's import (a ledger, an open-invoice report), with
    /// two settings of the writer's connection changed for its length only and restored after.
    ///
    /// - A larger page cache: a ledger's import dirties tens of MB of pages in one transaction;
    ///   with SQLite's 2 MB cache they spill to the WAL and are read back mid-transaction (twice
    ///   the writes, and reads). It is smaller than the parse's peak, so the import's peak does
    ///   not rise.
    /// - `temp_store = MEMORY`: every multi-row INSERT of a first load (50 invoices, 100 journal
    ///   lines, 200 tasks) keeps a statement journal of the pages it changes; past SQLite's
    ///   64 KiB each went to a file in `/var/tmp`, 84,000 `pwrite`s for a 1,000,000-line FEC
    ///   (issue #17). In memory they are copies of pages, freed at each statement's end. SQLite
    ///   decides where a transaction keeps them when the transaction begins, so the setting is
    ///   made before `BEGIN`, not inside. Kept in memory this way a statement journal never
    ///   spills to a file at all — unlike `SQLITE_CONFIG_STMTJRNL_SPILL`, whose spill from memory
    ///   to file fails the statement with Debian's SQLite 3.40.1 (« database or disk is full »,
    ///   docs/BENCHMARKS.md) — and its size is bounded by the pages one statement changes among
    ///   those the transaction had already written; it is freed when the statement ends (the
    ///   peak of a 1,000,000-row report's import: 285 → 337 MB; a 1,000,000-line FEC's and a
    ///   100,000-row report's: about the same).
    ///   The setting goes back once the transaction has begun: SQLite reads it again for every
    ///   sort, and a sort with `temp_store = MEMORY` never spills to a file and ran slower (the
    ///   FEC's five invoice indexes built in `sqlite3` alone: 75–84 → 85–95 ms).
    func importTransaction<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await writer.writeWithoutTransaction { db in
            let previousTempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            defer { try? db.execute(sql: "PRAGMA temp_store = \(previousTempStore)") }
            let previousCacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -32768")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(previousCacheSize)") }
            // As `write` does: one transaction, committed when `body` returns, rolled back when it
            // throws. IMMEDIATE (as `write` begins it): the write transaction, and where its
            // statement journals live, starts at `BEGIN`, before `body` writes anything.
            var result: T?
            try db.inTransaction(.immediate) {
                // Refused only if the connection had opened its temporary schema (Relance never
                // does): the sorts then stay in memory too, the rows the same.
                try? db.execute(sql: "PRAGMA temp_store = \(previousTempStore)")
                result = try body(db)
                return .commit
            }
            // Set: `inTransaction` returns only after running the closure to its commit.
            return result!
        }
    }
}
