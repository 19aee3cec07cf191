import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore
import RelanceTesting
import Testing

/// While `relance store copy` reads a SQLite book, no other program may write it: the hold
/// makes every writer wait and then fail (nothing is written that the copy would miss), while
/// reads go on; released, writing works again.
@Suite struct SQLiteWriteHoldTests {
    typealias F = StoreFixtures

    @Test func aHeldStoreRefusesOtherWritersButNotReaders() async throws {
        let workspace = try TemporaryWorkspace("relance-hold")
        let file = workspace.url("state/relance.sqlite")
        let store = try AppDatabase.openOnDisk(at: file)
        try await store.registerCreditor(F.creditor, language: .french, at: F.time)

        let hold = try SQLiteWriteHold(at: file)
        // Another program (`relance import`, `tasks done`) with a short patience: refused, nothing written.
        let other = try AppDatabase.openOnDisk(at: file, busyTimeout: 0.2)
        let other2 = try #require(CreditorID("globex"))
        await #expect { try await other.registerCreditor(other2, language: nil, at: F.time) } throws: {
            ($0 as? DatabaseError)?.resultCode == .SQLITE_BUSY
        }
        // A second hold cannot be taken either, and says what to do.
        #expect { _ = try SQLiteWriteHold(at: file, busyTimeout: 0.2) } throws: {
            ($0 as? StoreError)?.code == .busy && "\($0)".contains("try again")
        }
        // Readers read on.
        #expect(try await other.recentEvents(of: nil, limit: 10).count == 1)

        hold.release()
        try await other.registerCreditor(other2, language: nil, at: F.time)
        #expect(try await store.recentEvents(of: nil, limit: 10).count == 2)
    }
}
