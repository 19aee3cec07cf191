public import Foundation

/// What a store writes for a `StaleLadderTask` (`TaskOutcomeStore.refreshLadderTask`): the
/// open task `taskID`, still open at `task.step`, gets today's title, detail, invoices and
/// document. Not a new step: a call keeps its attempts, next try, escalation and step day; an
/// unposted letter is superseded (the old kept, its document too, as any superseded letter) by
/// one of the same step that keeps the step's day and escalation — a superseded letter is no
/// step taken, the new one stands for the step from the day it was first taken, so the ladder
/// neither repeats the step nor restarts its wait.
public struct LadderTaskRefresh: Sendable, Hashable {
    public var taskID: Int64
    public var kind: WorkTask.Kind
    /// The day the step was taken, kept: for a task stored before step days were, the day it
    /// was opened, as the ladder's history reads it (in UTC).
    public var stepOn: CivilDate
    /// Today's content: the same `NewTask` the ladder opens for the step.
    public var task: NewTask
    public var settledInvoiceIDs: [Int64]
    public var paidAtBankInvoiceIDs: [Int64]
    public var disputedInvoiceIDs: [Int64]
    /// What the refreshed task demands, per currency.
    public var owed: [Money]

    public init(_ stale: StaleLadderTask, task: NewTask) {
        taskID = stale.task.id
        kind = stale.task.kind
        stepOn = stale.task.stepOn ?? CivilDate(stale.task.createdAt, in: TimeZone(identifier: "UTC")!)
        self.task = task
        settledInvoiceIDs = stale.settledInvoiceIDs
        paidAtBankInvoiceIDs = stale.paidAtBankInvoiceIDs
        disputedInvoiceIDs = stale.disputedInvoiceIDs
        owed = Demand.sumByCurrency(stale.planned.invoices.map(\.claimed))
    }

    /// Every invoice the journal's line names, for the store to read their numbers.
    public var namedInvoiceIDs: [Int64] { settledInvoiceIDs + paidAtBankInvoiceIDs + disputedInvoiceIDs }

    /// The journal's line, once the store knows the invoices' numbers and, for a letter, the
    /// new task's id (`replacedBy`): `task.updated`, as a call moved on.
    public func event(replacedBy: Int64?, settled: [String], paidAtBank: [String], disputed: [String], words: any Wording,
                      at time: Date) -> NewEvent {
        var detail = ["task": String(taskID), "refreshed": "true", "step": task.step ?? ""]
        if let replacedBy { detail["by"] = String(replacedBy) }
        return NewEvent(time: time, kind: "task.updated", creditor: task.creditor, customerID: task.customerID,
                        summary: words.taskRefreshed(id: taskID, kind: kind, replacedBy: replacedBy, settled: settled,
                                                     paidAtBank: paidAtBank, disputed: disputed, owed: words.amounts.total(owed)),
                        detail: detail)
    }
}
