import Foundation
import Testing
import RelanceCore
import RelanceStore

/// The open receivables come in the order SQLite would sort them (the reader orders them
/// itself, without an ORDER BY over every row): customers by their id in the books, then due
/// date with none first, then number, all text compared byte by byte.
@Suite struct OpenReceivablesOrderTests {
    typealias F = StoreFixtures

    static func item(_ invoice: String, customer: String, due: String?) -> OpenItem {
        OpenItem(customer: customer, customerName: "Client \(customer)", invoice: invoice, issued: F.date("2026-09-01"),
                 due: due.map(F.date), open: F.euros(10_000), emails: ["compta@\(customer.count).example"])
    }

    @Test func storeOrderWhateverTheImportOrder() async throws {
        let store = try await F.freshStore()
        let items = [
            Self.item("F-9", customer: "C2", due: "2026-10-01"),
            Self.item("F-10", customer: "C2", due: "2026-10-01"),
            Self.item("F-1", customer: "C10", due: "2026-11-01"),
            Self.item("F-2", customer: "C10", due: "2026-09-15"),
            Self.item("É-1", customer: "Été", due: "2026-10-01"),
            Self.item("F-3", customer: "C1", due: nil),
            Self.item("F-4", customer: "C1", due: "2026-08-01"),
            Self.item("Z-1", customer: "C1", due: nil),
            Self.item("F-5", customer: "B", due: "2026-12-01"),
        ]
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot(items), at: F.time)
        // The import derives a missing due date from the terms; a store may still hold none.
        try store.executeForTesting("UPDATE invoice SET due_on = NULL WHERE number IN ('F-3', 'Z-1')")
        let open = try await store.openReceivables(of: F.creditor)
        #expect(open.map(\.number) == ["F-5", "F-3", "Z-1", "F-4", "F-2", "F-1", "F-10", "F-9", "É-1"],
                "B, C1 (no due date first), C10, C2 (same due date: F-10 before F-9 byte by byte), Été")
        #expect(open.map(\.customer.externalID) == ["B", "C1", "C1", "C1", "C10", "C10", "C2", "C2", "Été"])
        #expect(open.first { $0.number == "É-1" }?.customer.emails == [EmailAddress("compta@3.example")!])
    }
}
