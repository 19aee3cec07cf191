import Foundation
import Testing
import RelanceCore

/// Nobody who paid is chased by a person either: an open call, letter or legal task whose every
/// invoice the ledger shows settled or the bank shows paid is closed, with why, in the creditor's
/// words; one still owed in part, or not about invoices, stays.
@Suite struct NoLongerDueTasksTests {
    typealias F = Fixture
    static let time = Date(timeIntervalSince1970: 1_796_000_000)

    static func task(_ id: Int64, _ kind: WorkTask.Kind, customer: Int64 = 1, invoices: [Int64], state: WorkTask.State = .open) -> WorkTask {
        WorkTask(id: id, creditor: F.creditor, customerID: customer, kind: kind, state: state, title: "t", detail: [:],
                 step: kind == .identifyCustomer ? nil : "phone-call", invoiceIDs: invoices, createdAt: time, dueOn: nil,
                 outcome: nil, closedAt: nil)
    }

    /// Customer 1: F-1 settled (gone from the ledger), F-2 paid at the bank, F-3 half paid at the bank.
    /// Customer 2: F-4 still owed. Customer 3: nothing left at all.
    static let receivables: [Receivable] = {
        var paid = F.invoice("F-2", id: 2, due: "2026-10-01", open: 50_000)
        paid.received = F.euros(50_000)
        var half = F.invoice("F-3", id: 3, due: "2026-10-01", open: 50_000)
        half.received = F.euros(25_000)
        return [paid, half, F.invoice("F-4", id: 4, due: "2026-10-01", open: 10_000, customer: F.customer(2, "C002"))]
    }()

    @Test func closesWhatNobodyOwesAndSaysWhy() {
        let tasks = [
            Self.task(10, .call, invoices: [1]),                      // settled in the ledger
            Self.task(11, .registeredLetter, invoices: [2]),          // paid at the bank
            Self.task(12, .formalNotice, invoices: [1, 2]),           // both: the bank still speaks for F-2
            Self.task(13, .call, invoices: [1, 3]),                   // F-3 still half owed: stays
            Self.task(14, .call, customer: 2, invoices: [4]),         // owed: stays
            Self.task(15, .readReply, invoices: [1]),                 // not a ladder task: a reply is still to read
            Self.task(16, .call, invoices: []),                       // about no invoice: stays
            Self.task(17, .identifyCustomer, customer: 3, invoices: []),  // owes nothing now
            Self.task(18, .identifyCustomer, customer: 1, invoices: []),  // still owes F-3's half
            Self.task(19, .call, invoices: [1], state: .done),        // already closed
        ]
        let closed = NoLongerDueTasks.find(open: tasks, receivables: Self.receivables, words: FrenchWording(), at: Self.time)
        #expect(closed.map(\.taskID) == [10, 11, 12, 17])
        #expect(closed.map { $0.event.detail["reason"] } == ["settled", "paid-at-bank", "paid-at-bank", "settled"])
        #expect(closed[0].note == "plus rien n'est dû (réglé d'après le grand livre)")
        #expect(closed[0].event.summary == "Tâche n°\u{00A0}10 (appel) close : plus rien n'est dû (réglé d'après le grand livre).")
        #expect(closed[1].event.summary
            == "Tâche n°\u{00A0}11 (lettre recommandée) close : plus rien n'est dû (payé d'après la banque, en attente du grand livre).")
        #expect(closed.allSatisfy { $0.event.kind == "task.closed" && $0.event.customerID != nil && $0.event.time == Self.time })
    }

    @Test func anEnglishCreditorReadsItInEnglish() {
        let closed = NoLongerDueTasks.find(open: [Self.task(10, .call, invoices: [2])], receivables: Self.receivables,
                                           words: EnglishWording(), at: Self.time)
        #expect(closed.map(\.event.summary) == ["Task #10 (call) closed: nothing is owed any more (paid per the bank, awaiting the ledger)."])
    }
}
