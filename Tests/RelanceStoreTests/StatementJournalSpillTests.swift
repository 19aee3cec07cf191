import Foundation
import GRDB
@testable import RelanceStore
import Testing

/// A statement's journal stays in memory up to 4 MiB (`StatementJournalSpill`, set in C when the
/// process loads): a first load's batched INSERTs wrote each of theirs to a temporary file, a
/// system call per page, a tenth of a million-line FEC's import (issue #17).
@Suite("Statement journals kept in memory")
struct StatementJournalSpillTests {
    @Test func sqliteTookTheThresholdBeforeItStarted() {
        #expect(StatementJournalSpill.isSet)
        #expect(StatementJournalSpill.threshold == 4 * 1024 * 1024)
    }

    /// In a process of its own, so that no other test's temporary file is counted: a batch whose
    /// journal passes SQLite's own 64 KiB opens no temporary file.
    @Test func aBatchJournalOfMoreThan64KiBOpensNoTemporaryFile() async {
        await #expect(processExitsWith: .success) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relance-journal-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let queue = try DatabaseQueue(path: folder.appendingPathComponent("store.sqlite").path)
            let opened = try queue.write { db in try StatementJournalSpillTests.batchOverManyPages(db) }
            // Nothing opened while the batch ran, though its journal held some 200 pages (800 KiB).
            if opened != 0 { exit(1) }
        }
    }

    /// An indexed table of 20,000 rows, then, in the same transaction, one INSERT of 200 rows
    /// whose keys fall all over the index: the statement may fail halfway (the UNIQUE), so SQLite
    /// journals each index page it changes that existed before it: about 200 leaves of 4 KiB.
    /// Returns how many temporary files (`etilqs_…`) the INSERT left open.
    static func batchOverManyPages(_ db: Database) throws -> Int {
        try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE)")
        try db.execute(sql: """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
            INSERT INTO t (k) SELECT printf('%08d-key-padding-to-fill-pages', (i * 7919) % 1000003) FROM n
            """)
        let before = temporaryFiles()
        // 200 keys spread evenly over the index's range: each lands on its own leaf.
        let values = (0..<200).map { "('\(String(format: "%08d", $0 * 5000 + 1))-new')" }.joined(separator: ", ")
        try db.execute(sql: "INSERT INTO t (k) VALUES \(values)")
        return temporaryFiles() - before
    }

    /// SQLite's temporary files this process holds open (deleted at once, they are only in /proc).
    static func temporaryFiles() -> Int {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return fds.filter { fd in
            ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")) ?? "").contains("etilqs_")
        }.count
    }
}
