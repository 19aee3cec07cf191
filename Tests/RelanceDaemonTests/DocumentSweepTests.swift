import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// The daily purge deletes kept invoice documents no invoice refers to any more, and only those.
@Suite struct DocumentSweepTests {
    @Test func onlyOldDocumentsNoInvoiceRefersToAreDeleted() async throws {
        let fixture = try DaemonFixture()
        let pdf = RepositoryPaths.root.appendingPathComponent("Tests/RelanceImportTests/Fixtures/einvoices/facturx/zugferd_2p0_EN16931_Einfach.pdf")
        try fixture.workspace.write("drop/invoice.pdf", try [UInt8](Data(contentsOf: pdf)))
        let runtime = try fixture.runtime()
        _ = try await runtime.runOnce()
        let referenced = try #require(try await runtime.store.referencedDocuments().first)

        let orphan = "documents/ee/" + String(repeating: "e", count: 64) + ".pdf"
        let young = "documents/ff/" + String(repeating: "f", count: 64) + ".xml"
        for path in [orphan, young] { try fixture.workspace.write("state/\(path)", "%PDF-1.7 a customer's invoice") }
        let twoDaysAgo = Date().addingTimeInterval(-2 * 86_400)
        for path in [orphan, referenced] {
            try FileManager.default.setAttributes([.modificationDate: twoDaysAgo], ofItemAtPath: fixture.workspace.url("state/\(path)").path)
        }
        // A letter written for a task lives under documents/ too, one folder deeper: never swept.
        try fixture.workspace.write("state/documents/acme/2026-11-30/C1-formal-letter.html", "<html></html>")

        let (_, _, documents) = try await runtime.purge()
        #expect(documents == 1)
        let exists = { (path: String) in FileManager.default.fileExists(atPath: fixture.workspace.url("state/\(path)").path) }
        #expect(!exists(orphan))
        #expect(exists(young), "a file an import may not have committed yet is left for the next sweep")
        #expect(exists(referenced))
        #expect(exists("documents/acme/2026-11-30/C1-formal-letter.html"))
        let events = try await runtime.store.recentEvents(of: nil, limit: 10)
        #expect(events.contains { $0.event.kind == "purge.documents" })
    }
}
