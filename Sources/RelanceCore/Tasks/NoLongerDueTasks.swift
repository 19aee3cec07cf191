public import Foundation

/// An open task for people that asks for money nobody owes any more, to close: a call, a letter
/// to post, a legal action or hand-off whose every invoice the ledger shows settled or the bank
/// shows paid, or a customer to identify who owes nothing now. Without this the settled invoice's
/// reminders stopped but its call stayed on Today and in the digest, and a person phoned a
/// customer who had paid.
public struct NoLongerDueTask: Sendable, Hashable {
    public var taskID: Int64
    /// Kept with the task, cancelled (`outcome_detail.reason`: a cancelled task is no step
    /// taken), in the creditor's words.
    public var note: String
    /// The customer's timeline line (`task.closed`).
    public var event: NewEvent
}

/// Finds them. Pure: the scheduler gives it the day's open tasks and the planner's receivables.
public enum NoLongerDueTasks {
    /// `receivables`: every open invoice of the creditor as the planner reads them, net of what
    /// the bank shows received (`Receivable.netOfBankPayments`). A task without invoices, or
    /// about one still demanded even in part, stays: a disputed or promised invoice is still
    /// owed. (A task still owed in part is written again with today's figures: `StaleLadderTasks`.)
    public static func find(open tasks: [WorkTask], receivables: [Receivable], words: any Wording, at time: Date) -> [NoLongerDueTask] {
        var demanded: [Int64: Int64] = [:]
        var owing = Set<Int64>(), inLedger = Set<Int64>()
        demanded.reserveCapacity(receivables.count)
        for receivable in receivables {
            let amount = receivable.demanded.minorUnits
            demanded[receivable.invoiceID] = amount
            inLedger.insert(receivable.customer.id)
            if amount > 0 { owing.insert(receivable.customer.id) }
        }
        return tasks.compactMap { task -> NoLongerDueTask? in
            guard task.state == .open, let customerID = task.customerID else { return nil }
            let paidAtBank: Bool
            if task.kind == .identifyCustomer {
                // Not tied to invoices: whom to reach is moot once the customer owes nothing.
                guard !owing.contains(customerID) else { return nil }
                paidAtBank = inLedger.contains(customerID)
            } else {
                guard task.kind.family != nil, !task.invoiceIDs.isEmpty,
                      task.invoiceIDs.allSatisfy({ (demanded[$0] ?? 0) <= 0 }) else { return nil }
                // Still open in the ledger, nothing demanded: the bank's payment, awaiting the ledger.
                paidAtBank = task.invoiceIDs.contains { demanded[$0] != nil }
            }
            let note = words.noLongerDueNote(paidAtBank: paidAtBank)
            return NoLongerDueTask(
                taskID: task.id, note: note,
                event: NewEvent(time: time, kind: "task.closed", creditor: task.creditor, customerID: customerID,
                                summary: words.taskNoLongerDue(id: task.id, kind: task.kind, note: note),
                                detail: ["task": String(task.id), "reason": paidAtBank ? "paid-at-bank" : "settled"]))
        }
    }
}
