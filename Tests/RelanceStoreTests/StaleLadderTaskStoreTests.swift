import Foundation
import RelanceCore
import Testing

/// The store's half of `StaleLadderTasks`, on both stores: a call still owed in part gets
/// today's title, detail and invoices in place, its attempts, escalation and step day kept; an
/// unposted letter is superseded by one of the same step that keeps the step's day and
/// escalation, so the ladder's history counts the step once, from the day it was first taken;
/// a letter posted meanwhile is left alone.
@Suite("Tasks still owed in part, written again with today's figures")
struct StaleLadderTaskStoreTests {
    typealias F = StoreFixtures
    typealias S = BankPaymentStoreTests

    static let words = FrenchWording()

    static func describe(_ task: PlannedTask) -> (title: String, detail: [String: String]) {
        (words.taskTitle(task.kind, customer: task.customer.name ?? "", customerID: task.customer.externalID,
                         total: words.amounts.total(task.invoices.map(\.claimed))), ["invoices": task.invoices.map(\.receivable.number).joined()])
    }

    /// FA26-0866 leaves the ledger; the open task of `kind` is found stale and refreshed.
    static func refreshAfterSettling(_ book: any BookUnderTest, kind: WorkTask.Kind, step: String) async throws
        -> (before: Int64, change: LadderTaskChange?, refresh: LadderTaskRefresh) {
        let seeded = try await book.receivables.openReceivables(of: F.creditor).sorted { $0.number < $1.number }
        let opened = try await book.outcomes.openLadderTask(
            NewTask(creditor: F.creditor, customerID: seeded[0].customer.id, kind: kind, title: "Tâche — 1 362,00 €", step: step,
                    invoiceIDs: seeded.map(\.invoiceID), documentPath: "/documents/C001-\(step).html"),
            on: F.date("2026-12-01"), at: F.time).taskID
        #expect(try await book.outcomes.markTaskEscalated(opened, at: F.time))
        try await book.reimport([S.twoInvoices[1]])
        var input = PlanningInput(creditor: F.creditor, today: F.date("2026-12-04"), policy: .standard,
                                  receivables: try await book.receivables.openReceivables(of: F.creditor))
        input.language = .french
        let stale = StaleLadderTasks.find(open: try await book.taskStore.tasks(of: F.creditor, state: .open), input: input,
                                          describe: Self.describe)
        let found = try #require(stale.first)
        #expect(stale.count == 1 && found.settledInvoiceIDs == [seeded[0].invoiceID])
        let refresh = LadderTaskRefresh(found, task: NewTask(
            creditor: F.creditor, customerID: seeded[0].customer.id, kind: kind, title: found.title, detail: found.detail,
            dedupKey: "step:\(seeded[0].customer.id):\(step)", step: step, invoiceIDs: [seeded[1].invoiceID],
            documentPath: kind.needsPosting ? "/documents/C001-\(step)-task\(opened)-refreshed.html" : nil))
        return (opened, try await book.outcomes.refreshLadderTask(refresh, at: F.time.addingTimeInterval(3 * 86_400)), refresh)
    }

    @Test("a call keeps its attempts, escalation and step day; only its figures change", arguments: StoreBackend.all)
    func callInPlace(_ backend: StoreBackend) async throws {
        try await S.withTwoInvoices(backend) { book in
            let seeded = try await book.receivables.openReceivables(of: F.creditor).sorted { $0.number < $1.number }
            let (call, change, _) = try await Self.refreshAfterSettlingAfterNoAnswer(book)
            #expect(change == .updated(call))
            let open = try await book.taskStore.tasks(of: F.creditor, state: .open)
            #expect(open.map(\.id) == [call])
            let task = try #require(open.first)
            #expect(task.title == "Appeler Client C001 (C001) — \(Self.words.amounts.string(F.euros(45_000)))")
            #expect(task.detail == ["invoices": "FA26-0870"] && task.invoiceIDs == [seeded[1].invoiceID])
            #expect(task.attempts == 1 && task.escalatedAt != nil && task.stepOn == F.date("2026-12-01"))
            #expect(task.step == "phone-call" && task.kind == .call)
            let lines = try await book.journal.events(of: F.creditor, kinds: ["task.updated"], since: .distantPast).map(\.event)
            // In the creditor's language (this book's creditor has none: English).
            #expect(lines.map(\.summary) == ["Task #\(call) (call) updated: invoice FA26-0866 is settled; still owed: €450.00."])
            #expect(lines.first?.detail["task"] == String(call) && lines.first?.customerID == seeded[0].customer.id)
        }
    }

    /// As `refreshAfterSettling`, the call having rung once without an answer.
    static func refreshAfterSettlingAfterNoAnswer(_ book: any BookUnderTest) async throws -> (Int64, LadderTaskChange?, LadderTaskRefresh) {
        let seeded = try await book.receivables.openReceivables(of: F.creditor).sorted { $0.number < $1.number }
        let call = try await book.outcomes.openLadderTask(
            NewTask(creditor: F.creditor, customerID: seeded[0].customer.id, kind: .call, title: "Appeler — 1 362,00 €", step: "phone-call",
                    invoiceIDs: seeded.map(\.invoiceID)), on: F.date("2026-12-01"), at: F.time).taskID
        try await book.record(.noAnswer, on: call)
        let result = try await refreshAfterSettling(book, kind: .call, step: "phone-call")
        return (call, result.change, result.refresh)
    }

    @Test("an unposted letter is superseded by one of the same step, same step day and escalation; a posted one is left", arguments: StoreBackend.all)
    func letterSuperseded(_ backend: StoreBackend) async throws {
        try await S.withTwoInvoices(backend) { book in
            let seeded = try await book.receivables.openReceivables(of: F.creditor).sorted { $0.number < $1.number }
            let (old, change, refresh) = try await Self.refreshAfterSettling(book, kind: .registeredLetter, step: "registered-letter")
            guard case .superseded(old, let new)? = change else { Issue.record("\(String(describing: change))"); return }
            let cancelled = try #require(try await book.taskStore.tasks(of: F.creditor, state: .cancelled).first { $0.id == old })
            #expect(cancelled.outcome == .superseded(by: new) && cancelled.documentPath == "/documents/C001-registered-letter.html")
            let letter = try #require(try await book.taskStore.tasks(of: F.creditor, state: .open).first)
            #expect(letter.id == new && letter.step == "registered-letter" && letter.invoiceIDs == [seeded[1].invoiceID])
            #expect(letter.stepOn == F.date("2026-12-01") && letter.escalatedAt != nil)
            #expect(letter.documentPath == "/documents/C001-registered-letter-task\(old)-refreshed.html")
            let lines = try await book.journal.events(of: F.creditor, kinds: ["task.updated"], since: .distantPast).map(\.event)
            #expect(lines.map(\.summary) == ["Task #\(old) (registered letter) superseded by task #\(new), same step: invoice FA26-0866 is settled; "
                + "still owed: €450.00. Post the new letter, not the old one (kept)."])
            // The ladder counts the step once, from the day it was first taken: the superseded letter is no step.
            let owed = try #require(try await book.receivables.openReceivables(of: F.creditor).first { $0.invoiceID == seeded[1].invoiceID })
            #expect(owed.history.filter(\.counts).map { "\($0.step) \($0.on.iso8601)" } == ["registered-letter 2026-12-01"], "\(owed.history)")

            // Posted meanwhile: the letter is history, a refresh decided before changes nothing.
            try await book.record(.letterPosted(on: F.date("2026-12-02"), trackingNumber: "1A00000000001"), on: new)
            var again = refresh
            again.taskID = new
            #expect(try await book.outcomes.refreshLadderTask(again, at: F.time) == nil)
            #expect(try await book.journal.events(of: F.creditor, kinds: ["task.updated"], since: .distantPast).count == 1)
        }
    }
}
