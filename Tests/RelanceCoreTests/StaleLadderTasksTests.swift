import Foundation
import Testing
@testable import RelanceCore

/// A call or letter still owed in part is written again with today's figures, same step: which
/// ones (an invoice settled or paid at the bank, or a part payment that changes the total), with
/// what (the planner's task for the step, only the task's invoices still owed), and which not
/// (unchanged, nothing owed at all — `NoLongerDueTasks`' — closed, or a step the policy lost).
@Suite struct StaleLadderTasksTests {
    typealias F = Fixture
    static let time = Date(timeIntervalSince1970: 1_796_000_000)
    static let words = FrenchWording()
    /// `792,50 €` as the titles write it (narrow no-break space, no-break space before the symbol).
    static func eur(_ cents: Int64) -> String { words.amounts.string(F.euros(cents)) }

    /// What the daemon's `TaskDescription` says of the amounts: the title and the "also outstanding" line.
    static func describe(_ task: PlannedTask) -> (title: String, detail: [String: String]) {
        var detail: [String: String] = [:]
        if !task.alsoOutstanding.isEmpty {
            detail["also_outstanding"] = task.alsoOutstanding.map { words.invoiceWithAmount(number: $0.receivable.number, amount: $0.claimed) }
                .joined(separator: ", ")
        }
        return (words.taskTitle(task.kind, customer: task.customer.name ?? task.customer.externalID, customerID: task.customer.externalID,
                                total: words.amounts.total(task.invoices.map(\.claimed))), detail)
    }

    static func task(_ id: Int64, _ kind: WorkTask.Kind, step: String, customer: Int64, invoices: [Int64], title: String,
                     detail: [String: String] = [:], state: WorkTask.State = .open) -> WorkTask {
        var task = WorkTask(id: id, creditor: F.creditor, customerID: customer, kind: kind, state: state, title: title, detail: detail,
                            step: step, invoiceIDs: invoices, createdAt: time, dueOn: nil, outcome: nil, closedAt: nil)
        task.stepOn = F.day("2026-11-20")
        task.attempts = 2
        return task
    }

    static func input(_ receivables: [Receivable], customers: [Int64: CustomerState] = [:]) -> PlanningInput {
        var input = PlanningInput(creditor: F.creditor, today: F.day("2026-12-03"), policy: .standard, receivables: receivables,
                                  customers: customers, terms: F.termsThrough2026)
        input.language = .french
        return input
    }

    static func customer(_ id: Int64) -> CustomerSummary { F.customer(id, "C00\(id)") }

    @Test func aCallAboutASettledInvoiceAsksOnlyForTheRestAndAPartPaymentChangesTheTotal() {
        // C001: F-1 (96 000,00) settled, gone from the ledger; F-2 (792,50) owed.
        // C002: F-3 paid in part (open 500,00 of 1 000,00); F-4 (250,00) owed: the total changed.
        // C003: F-5 owed, the call says so already (under the customer's former name: not a change
        // of figures). C004: everything paid: not refreshed, closed. C006: a legal action, F-10 settled.
        let receivables = [
            F.invoice("F-2", id: 2, due: "2026-10-01", open: 79_250, customer: Self.customer(1)),
            F.invoice("F-3", id: 3, due: "2026-10-01", open: 50_000, customer: Self.customer(2)),
            F.invoice("F-4", id: 4, due: "2026-10-05", open: 25_000, customer: Self.customer(2)),
            F.invoice("F-5", id: 5, due: "2026-10-01", open: 30_000, customer: Self.customer(3)),
            F.invoice("F-6", id: 6, due: "2026-10-01", open: 0, customer: Self.customer(4)),
            F.invoice("F-11", id: 11, due: "2026-06-01", open: 500_000, customer: Self.customer(6)),
        ]
        let tasks = [
            Self.task(10, .call, step: "phone-call", customer: 1, invoices: [1, 2], title: "Appeler Client C001 (C001) — \(Self.eur(9_679_250))"),
            Self.task(11, .call, step: "phone-call", customer: 2, invoices: [3, 4], title: "Appeler Client C002 (C002) — \(Self.eur(125_000))"),
            Self.task(12, .call, step: "phone-call", customer: 3, invoices: [5], title: "Appeler Ancien Nom (C003) — \(Self.eur(30_000))"),
            Self.task(13, .call, step: "phone-call", customer: 4, invoices: [6], title: "Appeler Client C004 (C004) — \(Self.eur(10_000))"),
            Self.task(14, .call, step: "phone-call", customer: 1, invoices: [1, 2], title: "x", state: .done),
            Self.task(15, .call, step: "no-such-step", customer: 1, invoices: [1, 2], title: "x"),
            Self.task(16, .legalAction, step: "legal-action", customer: 6, invoices: [10, 11], title: "x"),
        ]
        let stale = StaleLadderTasks.find(open: tasks, input: Self.input(receivables), describe: Self.describe)
        #expect(stale.map(\.task.id) == [10, 11, 16])
        #expect(stale[0].title == "Appeler Client C001 (C001) — \(Self.eur(79_250))")
        #expect(stale[0].planned.invoices.map(\.receivable.number) == ["F-2"])
        #expect(stale[0].planned.step.name == "phone-call" && stale[0].planned.kind == .call)
        #expect(stale[0].planned.invoices.map(\.daysLate) == [63])
        #expect(stale[0].settledInvoiceIDs == [1] && stale[0].paidAtBankInvoiceIDs == [])
        #expect(stale[1].title == "Appeler Client C002 (C002) — \(Self.eur(75_000))")
        #expect(stale[1].planned.invoices.map(\.claimed) == [F.euros(50_000), F.euros(25_000)])
        #expect(stale[1].settledInvoiceIDs == [] && stale[1].paidAtBankInvoiceIDs == [])
        // A dossier too: the same step's task, its procedure proposed from what is left.
        #expect(stale[2].planned.kind == .legalAction && stale[2].planned.invoices.map(\.receivable.number) == ["F-11"])
        #expect(stale[2].planned.proposedProcedure != nil && stale[2].settledInvoiceIDs == [10])
    }

    @Test func aLetterKeepsWhatItListedAsAlsoOutstandingAndDropsWhatTheBankPaid() {
        // F-7 and F-9 reached the registered letter; F-8 was listed as also outstanding. The bank paid F-9.
        let receivables = [
            F.invoice("F-7", id: 7, due: "2026-09-01", open: 120_000, customer: Self.customer(5)),
            F.invoice("F-8", id: 8, due: "2026-11-01", open: 30_000, customer: Self.customer(5)),
            F.invoice("F-9", id: 9, due: "2026-09-02", open: 0, customer: Self.customer(5)),
        ]
        let letter = Self.task(20, .registeredLetter, step: "registered-letter", customer: 5, invoices: [7, 8, 9],
                               title: "Envoyer une lettre recommandée AR à Client C005 (C005) — \(Self.eur(170_000))",
                               detail: ["also_outstanding": "F-8 (\(Self.eur(30_000)))"])
        let stale = StaleLadderTasks.find(open: [letter], input: Self.input(receivables), describe: Self.describe)
        #expect(stale.count == 1)
        #expect(stale.first?.planned.invoices.map(\.receivable.number) == ["F-7"])
        #expect(stale.first?.planned.alsoOutstanding.map(\.receivable.number) == ["F-8"])
        #expect(stale.first?.planned.breakdown?.principal == [F.euros(120_000)])
        #expect(stale.first?.paidAtBankInvoiceIDs == [9])
        #expect(stale.first?.title == "Envoyer une lettre recommandée AR à Client C005 (C005) — \(Self.eur(120_000))")
    }

    @Test func aPartPaymentOfAnInvoiceListedAsAlsoOutstandingIsAChangeToo() {
        // F-14 reached the registered letter, F-15 was listed as also outstanding for 300,00 € and is now 100,00 €.
        let receivables = [F.invoice("F-14", id: 14, due: "2026-09-01", open: 120_000, customer: Self.customer(8)),
                           F.invoice("F-15", id: 15, due: "2026-11-01", open: 10_000, customer: Self.customer(8))]
        func letter(alsoOutstanding cents: Int64) -> WorkTask {
            Self.task(40, .registeredLetter, step: "registered-letter", customer: 8, invoices: [14, 15],
                      title: "Envoyer une lettre recommandée AR à Client C008 (C008) — \(Self.eur(120_000))",
                      detail: ["also_outstanding": "F-15 (\(Self.eur(cents)))"])
        }
        let stale = StaleLadderTasks.find(open: [letter(alsoOutstanding: 30_000)], input: Self.input(receivables), describe: Self.describe)
        #expect(stale.first?.detail["also_outstanding"] == "F-15 (\(Self.eur(10_000)))")
        #expect(StaleLadderTasks.find(open: [letter(alsoOutstanding: 10_000)], input: Self.input(receivables), describe: Self.describe).isEmpty)
    }

    @Test func aLetterWhoseDemandIsPaidWhileWhatItOnlyListedIsOwedIsClosedNotRewritten() {
        // F-16 reached the registered letter and is settled; F-17, listed as also outstanding, is still owed.
        let receivables = [F.invoice("F-17", id: 17, due: "2026-11-20", open: 30_000, customer: Self.customer(9)),
                           F.invoice("F-18", id: 18, due: "2026-09-01", open: 20_000, customer: Self.customer(9))]
        let letter = Self.task(50, .registeredLetter, step: "registered-letter", customer: 9, invoices: [16, 17],
                               title: "x", detail: ["also_outstanding": "F-17 (\(Self.eur(30_000)))"])
        let stillDemanded = Self.task(51, .formalNotice, step: "formal-notice", customer: 9, invoices: [16, 18],
                                      title: "x", detail: ["also_outstanding": "F-17 (\(Self.eur(30_000)))"])
        #expect(StaleLadderTasks.find(open: [letter], input: Self.input(receivables), describe: Self.describe).isEmpty)
        let closed = StaleLadderTasks.nothingDemandedLeft(open: [letter, stillDemanded], receivables: receivables, words: FrenchWording(), at: Self.time)
        #expect(closed.map(\.taskID) == [50])
        #expect(closed.first?.event.summary == "Tâche n°\u{00A0}50 (lettre recommandée) close : plus rien de ce qu'elle réclame n'est dû ; "
            + "les factures qu'elle citait seulement suivent leurs propres relances.")
        #expect(closed.first?.event.kind == "task.closed" && closed.first?.event.detail["reason"] == "demand-settled")
    }

    @Test func theJournalSaysWhatChangedInTheCreditorsWords() throws {
        let receivables = [F.invoice("F-2", id: 2, due: "2026-10-01", open: 79_250, customer: Self.customer(1))]
        let call = Self.task(10, .call, step: "phone-call", customer: 1, invoices: [1, 2], title: "Appeler Client C001 (C001) — \(Self.eur(175_250))")
        let stale = try #require(StaleLadderTasks.find(open: [call], input: Self.input(receivables), describe: Self.describe).first)
        let refresh = LadderTaskRefresh(stale, task: NewTask(creditor: F.creditor, customerID: 1, kind: .call, title: stale.title, step: "phone-call"))
        #expect(refresh.stepOn == F.day("2026-11-20") && refresh.owed == [F.euros(79_250)])
        let line = refresh.event(replacedBy: nil, settled: ["F-2026-0012"], paidAtBank: [], disputed: [], words: FrenchWording(), at: Self.time)
        #expect(line.kind == "task.updated" && line.detail["task"] == "10" && line.customerID == 1)
        #expect(line.summary == "Tâche n°\u{00A0}10 (appel) mise à jour : la facture F-2026-0012 est réglée ; reste 792,50\u{00A0}€.")
        #expect(refresh.event(replacedBy: 11, settled: [], paidAtBank: ["F-1", "F-2"], disputed: [], words: FrenchWording(), at: Self.time).summary
            == "Tâche n°\u{00A0}10 (appel) remplacée par la tâche n°\u{00A0}11, même étape : les factures F-1, F-2 sont payées d'après la banque ; "
            + "reste 792,50\u{00A0}€. Poster la nouvelle lettre, pas l'ancienne (conservée).")
        #expect(refresh.event(replacedBy: nil, settled: [], paidAtBank: [], disputed: [], words: EnglishWording(), at: Self.time).summary
            == "Task #10 (call) updated: the amounts owed changed; still owed: €792.50.")
        #expect(refresh.event(replacedBy: nil, settled: ["F-1"], paidAtBank: [], disputed: ["F-3"], words: FrenchWording(), at: Self.time).summary
            == "Tâche n°\u{00A0}10 (appel) mise à jour : la facture F-1 est réglée ; la facture F-3 est contestée ; reste 792,50\u{00A0}€.")
    }

    @Test func anInvoiceDisputedSinceIsNoLongerDemandedAsThePlannerLeavesItOut() {
        let receivables = [F.invoice("F-12", id: 12, due: "2026-10-01", open: 40_000, customer: Self.customer(7)),
                           F.invoice("F-13", id: 13, due: "2026-10-02", open: 35_000, customer: Self.customer(7))]
        let call = Self.task(30, .call, step: "phone-call", customer: 7, invoices: [12, 13], title: "Appeler Client C007 (C007) — \(Self.eur(75_000))")
        let stale = StaleLadderTasks.find(open: [call], input: Self.input(receivables, customers: [7: CustomerState(disputedInvoiceIDs: [12])]),
                                          describe: Self.describe)
        #expect(stale.map(\.task.id) == [30])
        #expect(stale.first?.planned.invoices.map(\.receivable.number) == ["F-13"] && stale.first?.disputedInvoiceIDs == [12])
        #expect(stale.first?.planned.disputed.map(\.number) == ["F-12"])
        // Nothing disputed: the same call is left as it is.
        #expect(StaleLadderTasks.find(open: [call], input: Self.input(receivables), describe: Self.describe).isEmpty)
    }

    @Test func itemsOfAListedLineAreTheirNumbers() {
        #expect(StaleLadderTasks.listedNumbers("F-8 (300,00 €), AF (2) (1 200,50 €)") == ["F-8", "AF (2)"])
        #expect(StaleLadderTasks.listedNumbers("F-8 (€1,300.00)") == ["F-8"])
        #expect(StaleLadderTasks.listedNumbers(nil).isEmpty)
    }
}
