import Foundation
import GRDB
import RelanceCore
@testable import RelanceStore
import Testing

/// The identify-customer tasks of one import are written many to an INSERT (issue #17: a FEC
/// without addresses opens one for each of its thousands of customers): each task still gets
/// the id one at a time would give it, on the customer it is about, and its journal line names
/// that id, in the tasks' order — across full batches and a last partial one.
@Suite("Identify-customer tasks written in batches")
struct IdentifyTaskBatchTests {
    typealias F = StoreFixtures

    /// Two full batches and a part of a third: one customer per invoice, none with an address.
    static let count = PreparedStatements.tasksPerInsert * 2 + 51

    @Test func eachTaskHasItsCustomerAndItsJournalLineNamesIt() async throws {
        let store = try AppDatabase.inMemory()
        try await store.registerCreditor(F.creditor, language: .english, at: F.time)
        let items = (0..<Self.count).map { n in
            OpenItem(customer: String(format: "C%04d", n), customerName: nil, invoice: String(format: "F-%04d", n),
                     issued: F.date("2026-09-15"), due: F.date("2026-10-15"), open: F.euros(10_000 + Int64(n)), emails: [])
        }
        _ = try await store.importSnapshot(F.file("ledger.csv"), F.snapshot(items), at: F.time)

        let (tasks, lines) = try store.writer.read { db in
            (try Row.fetchAll(db, sql: """
                SELECT t.id, t.customer_id, t.title, c.external_id FROM task t JOIN customer c ON c.id = t.customer_id
                WHERE t.kind = 'identify-customer' ORDER BY t.id
                """),
             try Row.fetchAll(db, sql: "SELECT customer_id, summary, detail FROM event WHERE kind = 'task.opened' ORDER BY id"))
        }
        #expect(tasks.count == Self.count)
        // One at a time, the tasks took consecutive ids in the order of their customers.
        let ids: [Int64] = tasks.map { $0[0] }
        #expect(ids == Array(ids[0]..<(ids[0] + Int64(Self.count))))
        #expect(tasks.map { $0[1] as Int64 } == tasks.map { $0[1] as Int64 }.sorted())
        for task in tasks {
            let code: String = task[3], title: String = task[2]
            #expect(title.contains(code), "task \(task[0] as Int64): \(title)")
        }
        // Each line is about the task's customer and names the task's own id.
        #expect(lines.count == Self.count)
        for (task, line) in zip(tasks, lines) {
            let id: Int64 = task[0]
            #expect(line[0] as Int64 == task[1] as Int64)
            #expect((line[2] as String).contains("\"task\":\"\(id)\""), "\(line[2] as String)")
            #expect((line[1] as String).contains("\(id)"), "\(line[1] as String)")
        }
    }
}
