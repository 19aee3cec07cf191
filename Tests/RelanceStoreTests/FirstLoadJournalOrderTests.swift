import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore
import Testing

/// A large first load journals its opened invoices one line per customer, customers in the
/// order of their first invoice (issue #17). When every customer is the load's own, they are
/// read in the order of the customers' ids, without the first invoices looked up (the table's
/// rows read in order, then sorted): the same rows in the same order,
/// through full and partial invoice batches, customers interleaved, on the whole-file and fed
/// paths. A customer a contacts file registered before the load keeps the sorted query.
@Suite("A first load's opened invoices read in the journal's order")
struct FirstLoadJournalOrderTests {
    typealias F = StoreFixtures

    /// Customers interleaved, first seen in an order their codes do not follow, one invoice
    /// with terms past the legal cap (written alone, its line at once).
    static let items: [OpenItem] = (0..<(PreparedStatements.invoicesPerInsert * 3 + 11)).map { n in
        F.item(String(format: "F26-%04d", n), customer: "C\((n * 7) % 23)", open: Int64(10_000 + n),
               due: n == 60 ? "2027-03-30" : "2026-10-15")
    }

    func load(fed: Bool, contacts: Bool) async throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        try await store.registerCreditor(F.creditor, language: .french, at: F.time)
        if contacts {
            let file = ImportedFile(creditor: F.creditor, fileName: "contacts.csv", sha256: String(repeating: "c", count: 64), byteCount: 10,
                                    kind: "contacts")
            _ = try await store.importContacts(file, [CustomerProfile(externalID: "C14", name: "Quatorze")], at: F.time)
        }
        let receipt = fed
            ? try await store.importSnapshot(F.file("balance.csv"), F.snapshot([], asOf: "2026-11-27"),
                                             feed: FedImportTests.feed(Self.items, size: 37), at: F.time, summaryMinimum: 1)
            : try await store.importSnapshot(F.file("balance.csv"), F.snapshot(Self.items, asOf: "2026-11-27"), at: F.time, summaryMinimum: 1)
        #expect(receipt.newInvoices == Self.items.count)
        return store
    }

    func rows(_ sql: String, importID: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT printf('%d|%d|%s|%d|%s', id, customer_id, number, open_minor, due_on) FROM (\(sql))",
                            arguments: [importID])
    }

    @Test(arguments: [false, true])
    func byCustomerIdIsTheFirstInvoicesOrder(fed: Bool) async throws {
        let store = try await load(fed: fed, contacts: false)
        try await store.writer.read { db in
            let importID = try #require(try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM import"))
            let byCustomer = try SnapshotApplier.openedOrder(importID: importID, customersBefore: 0, db)
            let byFirstInvoice = try SnapshotApplier.openedOrder(importID: importID, customersBefore: nil, db)
            #expect(!byCustomer.contains("GROUP BY") && byFirstInvoice.contains("GROUP BY"))
            let read = try rows(byCustomer, importID: importID, db)
            #expect(read == (try rows(byFirstInvoice, importID: importID, db)))
            #expect(read.count == Self.items.count)
            // One line per customer, in that order, naming its first invoice's customer.
            let lines = try Int64.fetchAll(db, sql: "SELECT customer_id FROM event WHERE kind = 'invoice.opened' ORDER BY id")
            var firstSeen: [Int64] = []
            for row in read { let customer = Int64(row.split(separator: "|")[1])!; if firstSeen.last != customer { firstSeen.append(customer) } }
            #expect(lines == firstSeen)
        }
    }

    /// The load's invoices are read in the table's order, from the first id after the rows
    /// stored before, and sorted: never through `invoice_customer`, whose order costs a page
    /// read per invoice once the table outgrows the page cache (issue #17).
    @Test func byCustomerReadsTheTableInOrderThenSorts() async throws {
        let store = try await load(fed: true, contacts: false)
        try await store.writer.read { db in
            let importID = try #require(try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM import"))
            let firstID = try #require(try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM invoice WHERE first_import_id = ?",
                                                          arguments: [importID]))
            let sql = try SnapshotApplier.openedOrder(importID: importID, customersBefore: 0, invoicesBefore: firstID - 1, db)
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: [importID]).map { $0["detail"] as String }
            #expect(!plan.contains { $0.contains("INDEX") }, "\(plan)")
            #expect(plan.contains { $0.contains("INTEGER PRIMARY KEY (rowid>?)") }, "\(plan)")
            #expect(plan.contains { $0.contains("TEMP B-TREE FOR ORDER BY") }, "\(plan)")
            // Past the load's first id, only its later rows: the range is the one given.
            let all = try rows(sql, importID: importID, db)
            let later = try rows(try SnapshotApplier.openedOrder(importID: importID, customersBefore: 0, invoicesBefore: firstID, db),
                                 importID: importID, db)
            #expect(all.count == Self.items.count && later.count == Self.items.count - 1)
        }
    }

    @Test(arguments: [false, true])
    func aCustomerKnownBeforeKeepsTheSortedQuery(fed: Bool) async throws {
        let store = try await load(fed: fed, contacts: true)
        try await store.writer.read { db in
            let importID = try #require(try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM import WHERE kind = 'open-invoices'"))
            let known = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE external_id = 'C14'"))
            #expect(try SnapshotApplier.openedOrder(importID: importID, customersBefore: known, db).contains("GROUP BY"))
            // Read by id, the known customer would come first although its first invoice comes later.
            let byCustomer = "SELECT i.* FROM invoice i WHERE i.first_import_id = ?1 ORDER BY i.customer_id, i.id"
            let byFirstInvoice = try SnapshotApplier.openedOrder(importID: importID, customersBefore: nil, db)
            #expect(try rows(byCustomer, importID: importID, db) != rows(byFirstInvoice, importID: importID, db))
            let lines = try Int64.fetchAll(db, sql: "SELECT customer_id FROM event WHERE kind = 'invoice.opened' ORDER BY id")
            #expect(lines.first != known && lines.contains(known))
        }
    }
}
