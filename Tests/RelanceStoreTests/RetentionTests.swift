import Foundation
import Testing
import RelanceCore
import RelanceStore

@Suite struct RetentionTests {
    typealias F = StoreFixtures

    @Test func inactiveCustomersAreAnonymisedAndTheirEventsRedactedButKept() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100), F.item("F-2", customer: "C002", open: 50)]), at: F.time)
        // C001 pays: the next snapshot only lists C002's invoice.
        _ = try await store.importSnapshot(F.file("b.csv", sha: "b"), F.snapshot([F.item("F-2", customer: "C002", open: 50)], asOf: "2026-11-21"), at: F.time)
        let eventsBefore = try await store.recentEvents(of: nil, limit: 100).count

        // Not yet past the period: nothing happens.
        let early = try await store.purge(RetentionPolicy(mailDays: 365, inactiveCustomerDays: 365), at: F.time.addingTimeInterval(100 * 86_400))
        #expect(early.isEmpty)

        let later = try await store.purge(RetentionPolicy(mailDays: 365, inactiveCustomerDays: 365), at: F.time.addingTimeInterval(400 * 86_400))
        #expect(later.customersAnonymised == 1)
        #expect(later.eventsRedacted > 0)
        let events = try await store.recentEvents(of: nil, limit: 100)
        #expect(events.count == eventsBefore + 1)   // nothing deleted; one purge event added
        #expect(events.first?.event.kind == "purge")
        #expect(!events.contains { $0.event.summary.contains("Client C001") })
        #expect(events.contains { $0.event.summary.contains("F-2") })   // C002 still open: untouched
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test func anAnonymisedCustomersKeptInvoiceDocumentsAreReleased() async throws {
        let store = try await F.freshStore()
        let sha = "cd" + String(repeating: "1", count: 62)
        let document = InvoiceDocument(path: "documents/cd/\(sha).pdf", sha256: sha, mediaType: "application/pdf", fileName: "F-1.pdf")
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100), F.item("F-2", customer: "C002", open: 50)]),
                                           at: F.time)
        // F-1's e-invoice brings its PDF.
        let (file, snapshot) = IngestStoreTests.eInvoice("F-1", buyer: "C001", name: "Client C001", open: 100, document: document)
        _ = try await store.importSnapshot(file, snapshot, at: F.time)
        #expect(try await store.referencedDocuments() == [document.path])
        // The ledger shows F-1 paid: only C002 still owes.
        _ = try await store.importSnapshot(F.file("b.csv", sha: "b"), F.snapshot([F.item("F-2", customer: "C002", open: 50)], asOf: "2026-11-21"),
                                           at: F.time)
        let policy = RetentionPolicy(mailDays: 365, inactiveCustomerDays: 365)
        #expect(try await store.purge(policy, at: F.time.addingTimeInterval(100 * 86_400)).documentsReleased == 0)
        #expect(try await store.referencedDocuments() == [document.path])
        let later = try await store.purge(policy, at: F.time.addingTimeInterval(400 * 86_400))
        #expect(later.customersAnonymised == 1)
        #expect(later.documentsReleased == 1)
        #expect(try await store.referencedDocuments().isEmpty)
    }

    @Test func onlyAPurgeMayRedactTheJournal() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100)]), at: F.time)
        #expect(throws: (any Error).self) { try store.executeForTesting("UPDATE event SET summary = 'forged'") }
        #expect(throws: (any Error).self) { try store.executeForTesting("UPDATE event SET summary = '[purged]', detail = '{}', kind = 'other'") }
        #expect(throws: (any Error).self) { try store.executeForTesting("DELETE FROM event") }
        try store.executeForTesting("UPDATE event SET summary = '[purged]', detail = '{}'")
    }
}
