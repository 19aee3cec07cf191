import Foundation
import GRDB
import Testing
import RelanceCore
import RelanceStore
import RelanceDaemon
import RelanceTesting

/// Another process holding a write transaction on the store: the daemon waits (busy timeout),
/// then continues; nothing fails, nothing is lost.
@Suite struct StoreContentionTests {
    @Test func anImportWaitsForAnotherWriterAndThenApplies() async throws {
        let fixture = try DaemonFixture()
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        try fixture.drop("open.csv", DaemonFixture.csv("C1;Client Un;compta@un.example;F-100;15/09/2026;15/10/2026;100,00"))

        // A second connection, as another process would open, takes the write lock for 1.5 s.
        let other = try DatabaseQueue(path: fixture.workspace.url("state/relance.sqlite").path)
        let locked = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? other.inDatabase { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                Thread.sleep(forTimeInterval: 1.5)
                try db.execute(sql: "COMMIT")
            }
        }
        holder.start()
        locked.wait()
        let report = try await runtime.runOnce()
        #expect(report.intake[CreditorID("acme")!]?.imported.count == 1)
        #expect(report.sending.sent == 1)
        #expect(try #require(runtime.store as? AppDatabase).integrityProblems().isEmpty)
    }
}
