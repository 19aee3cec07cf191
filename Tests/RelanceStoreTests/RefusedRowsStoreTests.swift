import Foundation
import Testing
import RelanceCore
import RelanceStore

/// Issue #11, "Dates": a row refused for an implausible date is listed in the journal and the
/// receipt, and its invoice is not settled by the snapshot that could not read it.
@Suite struct RefusedRowsStoreTests {
    typealias F = StoreFixtures

    @Test func aRefusedRowIsJournalledAndItsInvoiceIsNotSettled() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100), F.item("F-2", open: 50)], asOf: "2026-11-13"),
                                           at: F.time)
        var next = F.snapshot([F.item("F-1", open: 100)], asOf: "2026-11-20")
        next.refusedRows = [RefusedRow(position: SourcePosition(file: "b.xlsx", line: 12, column: 5), invoice: "F-2", customer: "C001",
                                       reason: "the due date is 1899-12-30, Excel's day 0")]
        let receipt = try await store.importSnapshot(F.file("b.xlsx", sha: "b"), next, at: F.time)
        #expect(receipt.settledInvoices == 0)
        #expect(receipt.warnings.contains { $0.contains("b.xlsx:12:5 (cell E12): invoice F-2 (customer C001) refused") })
        #expect(Set(try await store.openReceivables(of: F.creditor).map(\.number)) == ["F-1", "F-2"])
        let events = try await store.recentEvents(of: F.creditor, limit: 50)
        let refused = try #require(events.first { $0.event.kind == "import.rows-refused" })
        #expect(refused.event.summary.contains("1 row of b.xlsx refused"))
        #expect(refused.event.summary.contains("(cell E12)"))
    }
}
