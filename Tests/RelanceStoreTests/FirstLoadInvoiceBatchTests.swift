import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore
import Testing

/// A large first load writes its new invoices many to an INSERT (issue #17), except one whose
/// journal line names its id at once (terms past the legal cap), which goes alone after the
/// invoices before it: every invoice gets the id the row-by-row import gives it, and that
/// line names the same invoice — across full batches, a partial one, and the whole-file and
/// fed paths.
@Suite("A first load's invoices written in batches")
struct FirstLoadInvoiceBatchTests {
    typealias F = StoreFixtures

    /// Two full batches and a part of a third, one invoice in the middle of the second with
    /// terms past the legal cap, customers shared by several invoices.
    static let items: [OpenItem] = (0..<(PreparedStatements.invoicesPerInsert * 2 + 17)).map { n in
        F.item(String(format: "F26-%04d", n), customer: "C\(n % 13)", open: Int64(10_000 + n * 7),
               due: n == PreparedStatements.invoicesPerInsert + 27 ? "2027-03-30" : "2026-10-15")
    }

    func book(_ store: AppDatabase) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT printf('invoice|%d|%d|%s|%s|%d|%s', id, customer_id, number, due_on, open_minor, status) FROM invoice ORDER BY id
                """)
                + String.fetchAll(db, sql: """
                    SELECT printf('event|%d|%d|%s|%s', invoice_id, customer_id, kind, summary) FROM event
                    WHERE kind NOT IN ('invoice.opened', 'import.applied') AND invoice_id IS NOT NULL ORDER BY id
                    """)
        }
    }

    func load(summaryMinimum: Int, fed: Bool) async throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        try await store.registerCreditor(F.creditor, language: .french, at: F.time)
        let receipt = fed
            ? try await store.importSnapshot(F.file("balance.csv"), F.snapshot([], asOf: "2026-11-27"),
                                             feed: FedImportTests.feed(Self.items, size: 23), at: F.time, summaryMinimum: summaryMinimum)
            : try await store.importSnapshot(F.file("balance.csv"), F.snapshot(Self.items, asOf: "2026-11-27"), at: F.time,
                                             summaryMinimum: summaryMinimum)
        #expect(receipt.newInvoices == Self.items.count)
        return store
    }

    @Test(arguments: [false, true])
    func theInvoicesKeepTheRowByRowIds(fed: Bool) async throws {
        let batched = try book(try await load(summaryMinimum: 1, fed: fed))
        let rowByRow = try book(try await load(summaryMinimum: .max, fed: fed))
        #expect(batched == rowByRow)
        #expect(batched.filter { $0.hasPrefix("invoice|") }.count == Self.items.count)
        #expect(batched.contains { $0.hasPrefix("event|\(PreparedStatements.invoicesPerInsert + 28)|") }, "\(batched.filter { $0.hasPrefix("event") })")
    }
}
