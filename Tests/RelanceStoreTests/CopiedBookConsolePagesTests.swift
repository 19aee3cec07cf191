import Foundation
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
@testable import RelanceStore
import Testing

/// The console's narrowed reads on a book lived on SQLite and copied into PostgreSQL: open tasks
/// counted and paged in Today's order, each task, a customer's holds and timeline, the search by
/// code, name, address or invoice number (folded as the console folds), the customers' codes —
/// the same answers from both stores.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct CopiedBookConsolePagesTests {
    typealias F = StoreFixtures

    @Test func theConsolesReadsAreTheSameOnBothStores() async throws {
        let sqlite = try await ConsoleBalanceStoreTests.book()
        let customers = try await sqlite.customerProfiles(of: F.creditor).map(\.id)
        #expect(customers.count >= 10)
        let dues: [String?] = ["2026-12-03", nil, "2026-12-01", "2026-12-03", nil, "2026-11-30"]
        for (n, customer) in customers.enumerated() {
            // Opened in an order that is not the due dates', some at the same instant.
            let at = F.time.addingTimeInterval(Double((n * 7) % 5) * 60)
            _ = try await sqlite.openTask(NewTask(creditor: F.creditor, customerID: customer, kind: .call, title: "Appeler \(n)",
                                                  dedupKey: "call-\(n)", dueOn: dues[n % dues.count].map(F.date)), at: at)
            if n.isMultiple(of: 3) {
                _ = try await sqlite.openTask(NewTask(creditor: F.creditor, customerID: customer, kind: .letter, title: "Lettre \(n)",
                                                      dedupKey: "letter-\(n)", step: "letter"), at: at)
            }
        }
        _ = try await sqlite.holdCustomer(customers[1], kind: .away, until: F.date("2026-12-20"), reason: "en congés", at: F.time)
        let closing = try #require(try await sqlite.tasks(of: F.creditor, state: .open).first)
        _ = try await F.recordOutcome(.promisedToPay(on: F.date("2026-12-15")), on: closing.id, in: sqlite)

        try await PostgresTestDatabase.withStore { postgres in
            _ = try await postgres.copy(from: sqlite)
            let counts = try await sqlite.openTaskCounts(of: F.creditor)
            #expect(counts[.call] ?? 0 >= 9 && counts[.letter] ?? 0 >= 3)
            #expect(try await postgres.openTaskCounts(of: F.creditor) == counts)
            for kind in WorkTask.Kind.allCases {
                for (offset, limit) in [(0, 3), (2, 5), (0, 100), (50, 10)] {
                    #expect(try await postgres.openTasks(of: F.creditor, kind: kind, offset: offset, limit: limit)
                                == sqlite.openTasks(of: F.creditor, kind: kind, offset: offset, limit: limit), "\(kind) \(offset)+\(limit)")
                }
            }
            for task in try await sqlite.tasks(of: nil, state: nil) {
                #expect(try await postgres.task(id: task.id) == sqlite.task(id: task.id), "task #\(task.id)")
            }
            #expect(try await postgres.task(id: 999_999) == nil)
            for customer in customers {
                #expect(try await postgres.liveHolds(of: F.creditor, customer: customer) == sqlite.liveHolds(of: F.creditor, customer: customer))
                for last in [1, 3, 100] {
                    #expect(try await postgres.events(ofCustomer: customer, last: last) == sqlite.events(ofCustomer: customer, last: last),
                            "customer #\(customer), last \(last)")
                }
            }
            #expect(try await !postgres.liveHolds(of: F.creditor, customer: customers[1]).isEmpty)
            for needle in ["fa-2026-1", "FA-2026-61", "nv-", "NV-3", "gbp-1", "sans-é", "SANS-ÉCH", "026", "2026-12", "\"", "zzz", "c00",
                           "éric", "eric", "Œuvres", "oeuvres", "öko", "compta@sept", "AP1", "client c0", "%", "_", "\\", "avoir-é"] {
                for limit in [3, 50] {
                    let expected = try await sqlite.searchCustomers(of: F.creditor, containing: needle, limit: limit)
                    #expect(try await postgres.searchCustomers(of: F.creditor, containing: needle, limit: limit) == expected,
                            "\(needle) ≤ \(limit)")
                }
            }
            #expect(try await !postgres.searchCustomers(of: F.creditor, containing: "oeuvres", limit: 5).isEmpty)
            #expect(try await postgres.searchCustomers(of: ConsolePagesStoreTests.other, containing: "c001", limit: 5).map(\.name)
                        == ["Client C001 de beta"])
            let ids = Set(customers + [999_999])
            #expect(try await postgres.customerCodes(ids) == sqlite.customerCodes(ids))
        }
    }
}
