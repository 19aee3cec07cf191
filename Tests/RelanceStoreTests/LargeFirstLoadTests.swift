import Foundation
import RelanceCore
@testable import RelanceStore
import RelanceTesting
import Testing

/// A first load at the size of a real book, on disk: 100,000 open invoices of 20,000 customers.
/// The large-load paths (the invoices' indexes dropped and built again, the trigram indexes
/// filled in one statement, the journal per customer) are only taken above 1,000 invoices, and
/// what SQLite does there depends on the load's size: a statement journal spilling to its
/// temporary file, an index built over 100,000 rows. A change of SQLite's configuration once made
/// this exact load fail (« database or disk is full » on `CREATE INDEX invoice_open_aging`)
/// while every smaller test passed; only a benchmark saw it.
@Suite("A first load of 100,000 invoices")
struct LargeFirstLoadTests {
    typealias F = StoreFixtures

    @Test func aBookOfAHundredThousandInvoicesLoadsWhole() async throws {
        let workspace = try TemporaryWorkspace("relance-large-load")
        let store = try AppDatabase.openOnDisk(at: workspace.url("relance.sqlite"))
        try await store.registerCreditor(F.creditor, at: F.time)
        let items: [OpenItem] = (0..<100_000).map { (n: Int) -> OpenItem in
            let customer = n % 20_000
            let due = String(format: "2026-%02d-%02d", 1 + n % 11, 1 + n % 28)
            return F.item(String(format: "F%07d", n), customer: String(format: "C%06d", customer), open: Int64(1_000 + n % 9_000),
                          due: due, email: "compta\(customer)@client.example")
        }
        let total: Int64 = items.reduce(0) { $0 + $1.open.minorUnits }
        let receipt = try await store.importSnapshot(F.file("balance.csv"), F.snapshot(items, asOf: "2026-11-27"), at: F.time)
        #expect(receipt.newInvoices == 100_000)
        #expect(receipt.newCustomers == 20_000)
        let open = try await store.openReceivables(of: F.creditor)
        #expect(open.count == 100_000)
        let stored: Int64 = open.reduce(0) { $0 + $1.open.minorUnits }
        #expect(stored == total)
    }
}
