import Foundation
import RelanceCore
import Testing

/// The store's half of `NoLongerDueTasks`, on both stores: a call about an invoice the ledger
/// settled is cancelled with its reason and a timeline line (no step taken); the letter about an invoice
/// still owed stays; closing again (or a task a person closed meanwhile) changes nothing.
@Suite("Tasks nobody owes for any more")
struct NoLongerDueTaskStoreTests {
    typealias F = StoreFixtures
    typealias S = BankPaymentStoreTests

    @Test("the call about a settled invoice is closed with why; the letter about an owed one stays", arguments: StoreBackend.all)
    func closesOnlyWhatNobodyOwes(_ backend: StoreBackend) async throws {
        try await S.withTwoInvoices(backend) { book in
            let seeded = try await book.receivables.openReceivables(of: F.creditor).sorted { $0.number < $1.number }
            let (settled, owed) = (seeded[0], seeded[1])
            let call = try await book.outcomes.openLadderTask(
                NewTask(creditor: F.creditor, customerID: settled.customer.id, kind: .call, title: "Appeler", step: "phone-call",
                        invoiceIDs: [settled.invoiceID]), on: F.date("2026-12-01"), at: F.time).taskID
            let letter = try await book.outcomes.openLadderTask(
                NewTask(creditor: F.creditor, customerID: owed.customer.id, kind: .registeredLetter, title: "Poster", step: "registered-letter",
                        invoiceIDs: [owed.invoiceID]), on: F.date("2026-12-01"), at: F.time).taskID
            // The next ledger no longer lists FA26-0866.
            try await book.reimport([S.twoInvoices[1]])
            let found = NoLongerDueTasks.find(open: try await book.taskStore.tasks(of: F.creditor, state: .open),
                                              receivables: try await book.receivables.openReceivables(of: F.creditor),
                                              words: FrenchWording(), at: F.time)
            #expect(found.map(\.taskID) == [call])
            #expect(try await book.outcomes.closeNoLongerDueTasks(found, at: F.time) == [call])

            let open = try await book.taskStore.tasks(of: F.creditor, state: .open)
            #expect(open.map(\.id) == [letter])
            let cancelled = try #require(try await book.taskStore.tasks(of: F.creditor, state: .cancelled).first { $0.id == call })
            #expect(cancelled.closedAt != nil)
            #expect(cancelled.outcome == .cancelled(reason: "plus rien n'est dû (réglé d'après le grand livre)"))
            let lines = try await book.journal.events(of: F.creditor, kinds: ["task.closed"], since: .distantPast).map(\.event)
            #expect(lines.map(\.summary) == ["Tâche n°\u{00A0}\(call) (appel) close : plus rien n'est dû (réglé d'après le grand livre)."])
            #expect(lines.first?.customerID == settled.customer.id && lines.first?.detail["reason"] == "settled")

            // Again: the task is closed already, nothing is written twice.
            #expect(try await book.outcomes.closeNoLongerDueTasks(found, at: F.time).isEmpty)
            #expect(try await book.journal.events(of: F.creditor, kinds: ["task.closed"], since: .distantPast).count == 1)

            // The ledger lists FA26-0866 again (a payment undone): the call was not made, it is no
            // step taken — the ladder would call again, not go past it.
            _ = try await book.receivables.importSnapshot(F.file("c.csv", sha: "c"), F.snapshot(S.twoInvoices, asOf: "2026-11-22"), at: F.time)
            let again = try #require(try await book.receivables.openReceivables(of: F.creditor).first { $0.invoiceID == settled.invoiceID })
            #expect(again.history.map(\.messageState) == [.cancelled], "\(again.history)")
        }
    }
}
