import Foundation
import RelanceCore
import RelanceStore
import Testing

/// The imports' history as the console lists it, and a held snapshot rejected by a person.
@Suite struct ImportHistoryStoreTests {
    typealias F = StoreFixtures

    @Test func aRejectedHeldSnapshotChangesNothingAndTheSameFileMayComeAgain() async throws {
        let store = try await F.freshStore()
        let items = (1...10).map { F.item("F-\($0)", open: 1_000) }
        _ = try await store.importSnapshot(F.file("full.csv"), IngestStoreTests.guarded(items, asOf: "2026-11-20"), at: F.time)
        let truncated = Array(items.prefix(3))
        let held = try await store.importSnapshot(F.file("overdue.csv", sha: "b"), IngestStoreTests.guarded(truncated, asOf: "2026-11-21"), at: F.time)
        #expect(held.outcome == .held)
        let refused = try await store.recordRejectedImport(F.file("broken.csv", sha: "c"), reason: "line 3, column amount: not a number", at: F.time)

        let history = try await store.importHistory(of: F.creditor, limit: 10)
        #expect(history.map(\.importID) == [refused, held.importID, history.last!.importID], "most recent first")
        #expect(history[0].status == .rejected && history[0].error == "line 3, column amount: not a number")
        #expect(history[1].status == .held && history[1].heldReason?.contains("70 %") == true)
        #expect(history[2].status == .applied && history[2].itemCount == 10)
        #expect(try await store.importHistory(of: F.creditor, limit: 1).count == 1)

        try await store.rejectHeldImport(held.importID, reason: "Rejected by marie: export truncated", at: F.time)
        #expect(try await store.heldImports(of: nil).isEmpty)
        #expect(try await store.openReceivables(of: F.creditor).count == 10, "nothing of the held snapshot was applied")
        let after = try await store.importHistory(of: F.creditor, limit: 10).first { $0.importID == held.importID }
        #expect(after?.status == .rejected && after?.error == "Rejected by marie: export truncated")
        await #expect(throws: StoreError.self) { try await store.rejectHeldImport(held.importID, reason: "again", at: F.time) }
        await #expect(throws: StoreError.self) { try await store.confirmHeldImport(held.importID, at: F.time) }
        // The same bytes are no longer "already imported": dropped again, they are held again.
        let again = try await store.importSnapshot(F.file("overdue.csv", sha: "b"), IngestStoreTests.guarded(truncated, asOf: "2026-11-21"), at: F.time)
        #expect(again.outcome == .held && again.importID != held.importID)
    }
}
