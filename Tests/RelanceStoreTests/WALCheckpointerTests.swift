import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore
import RelanceTesting
import Testing

/// An on-disk store's write-ahead log is checkpointed off the writer (issue #17): the writer's
/// connection no longer checkpoints in its commits (SQLite reports no automatic checkpoint on it),
/// and a log past the threshold is still copied back into the file, by the checkpointer.
@Suite struct WALCheckpointerTests {
    @Test func theWriterLeavesCheckpointsToTheCheckpointer() async throws {
        let workspace = try TemporaryWorkspace("relance-wal")
        let file = workspace.url("state/relance.sqlite")
        let store = try AppDatabase.openOnDisk(at: file)
        // SQLite's own automatic checkpoint (1,000 pages by default) is off on the writer.
        #expect(try await store.writer.write { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 0)
        // Readers write no log and keep SQLite's default.
        #expect(try await store.writer.read { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 1_000)

        // Some 1,500 pages of log in a few transactions.
        try await store.writer.write { try $0.execute(sql: "CREATE TABLE filler (bytes BLOB)") }
        for _ in 0..<6 {
            try await store.writer.write { db in
                for _ in 0..<250 { try db.execute(sql: "INSERT INTO filler VALUES (randomblob(4000))") }
            }
        }
        // No checkpoint runs on the writer, yet the pages reach the file: the checkpointer copied
        // them, in the background (hence the bounded wait; the file holds ~70 pages before).
        var size = 0
        for _ in 0..<200 where size < 1_000 * 4_096 {
            try await Task.sleep(for: .milliseconds(50))
            size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        }
        #expect(size >= 1_000 * 4_096, "the log was never copied into the file")
    }
}
