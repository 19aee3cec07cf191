public import Foundation

/// An open call, unposted letter, legal action or hand-off whose figures are out of date: it
/// still asks for an invoice nobody owes any more (settled, or paid at the bank), or for more
/// than is owed (paid in part, a credit since), while something of it is still owed. Without
/// this its title, call script and letter kept the paid invoice and the old total until the
/// ladder's next step: the planner holds a customer while its call or letter waits, so no
/// planned task wrote it again, and a person phoned for money paid or posted a letter
/// demanding it.
public struct StaleLadderTask: Sendable, Hashable {
    /// As stored.
    public var task: WorkTask
    /// Its step's task as the planner builds it today (`CustomerPlanner.task(refreshing:)`):
    /// what the refreshed task, its script and its document are composed from.
    public var planned: PlannedTask
    /// The refreshed title and detail, from the same description as a planned task's.
    public var title: String
    public var detail: [String: String]
    /// Invoices of the task the ledger no longer lists (settled), and those it still lists
    /// with nothing demanded (paid at the bank, awaiting the ledger), for the journal.
    public var settledInvoiceIDs: [Int64]
    public var paidAtBankInvoiceIDs: [Int64]
    /// Invoices of the task disputed since: owed, but demanded by no task until the dispute ends
    /// (a letter lists them as disputed), as the planner leaves them out of any task it plans.
    public var disputedInvoiceIDs: [Int64]
}

/// Finds them. Pure: the scheduler gives it the open tasks, the day's planning input (its
/// receivables already net of the bank's payments) and how a planned task is described.
public enum StaleLadderTasks {
    /// A task none of whose invoices is owed is `NoLongerDueTasks`' (cancelled, not refreshed);
    /// a task without invoices, or whose step the policy no longer has, is left as it is. A task
    /// opened or moved on today is described as it is stored, so it is not found.
    ///
    /// A task is stale when one of its invoices is no longer demanded, or when the total its
    /// title ends with (`Wording.taskTitle`: `… — 1 752,50 €`) or its "also outstanding" line
    /// differs from today's: they carry the amounts and nothing that changes with the day (days
    /// late and interest do), so that a part payment or a credit shows there while an unchanged
    /// task is left alone — and a customer renamed in the contacts file is not a change of figures.
    public static func find(open tasks: [WorkTask], input: PlanningInput,
                            describe: (PlannedTask) -> (title: String, detail: [String: String])) -> [StaleLadderTask] {
        let candidates = tasks.filter { task in
            task.state == .open && task.kind.family != nil && task.customerID != nil && task.step != nil && !task.invoiceIDs.isEmpty
        }
        guard !candidates.isEmpty else { return [] }
        let customers = Set(candidates.compactMap(\.customerID))
        let receivables = Dictionary(grouping: input.receivables.lazy.filter { customers.contains($0.customer.id) }, by: \.customer.id)
        return candidates.compactMap { task -> StaleLadderTask? in
            guard let mine = receivables[task.customerID!] else { return nil }  // nothing of the customer's left: NoLongerDueTasks'
            let byID = Dictionary(mine.map { ($0.invoiceID, $0) }, uniquingKeysWith: { first, _ in first })
            let planner = CustomerPlanner(input: input, creditorHolds: [], receivables: mine[...])
            guard let planned = planner.task(refreshing: task) else { return nil }
            // The planning input's open amount is already what is demanded (net of the bank's payments).
            let settled = task.invoiceIDs.filter { byID[$0] == nil }
            let paidAtBank = task.invoiceIDs.filter { byID[$0].map { $0.open.minorUnits <= 0 } ?? false }
            let disputedIDs = input.customers[task.customerID!]?.disputedInvoiceIDs ?? []
            let disputed = task.invoiceIDs.filter { disputedIDs.contains($0) && (byID[$0].map { $0.open.minorUnits > 0 } ?? false) }
            let total = "— " + input.language.wording.amounts.total(planned.invoices.map(\.claimed))
            let figuresChanged = !settled.isEmpty || !paidAtBank.isEmpty || !task.title.hasSuffix(total)
            // Described only when it may be stale: most open tasks are not, every day.
            guard figuresChanged || !planned.alsoOutstanding.isEmpty || task.detail["also_outstanding"] != nil else { return nil }
            let described = describe(planned)
            guard figuresChanged || described.detail["also_outstanding"] != task.detail["also_outstanding"] else { return nil }
            return StaleLadderTask(task: task, planned: planned, title: described.title, detail: described.detail,
                                   settledInvoiceIDs: settled, paidAtBankInvoiceIDs: paidAtBank, disputedInvoiceIDs: disputed)
        }
    }

    /// Formal letters and dossiers nothing of whose demand is owed any more while an invoice they
    /// only listed as also outstanding still is (`NoLongerDueTasks` leaves them: something is
    /// owed): no letter of their step can be written again, so they are cancelled as those are —
    /// no step taken, the listed invoices go on up their own ladder.
    public static func nothingDemandedLeft(open tasks: [WorkTask], receivables: [Receivable], words: any Wording,
                                           at time: Date) -> [NoLongerDueTask] {
        let candidates = tasks.filter { $0.state == .open && $0.kind.channel?.isFormal == true && $0.detail["also_outstanding"] != nil }
        guard !candidates.isEmpty else { return [] }
        let asked = Set(candidates.flatMap(\.invoiceIDs))
        let byID = Dictionary(receivables.lazy.filter { asked.contains($0.invoiceID) }.map { ($0.invoiceID, $0) },
                              uniquingKeysWith: { first, _ in first })
        return candidates.compactMap { task -> NoLongerDueTask? in
            let listed = listedNumbers(task.detail["also_outstanding"])
            let owed = task.invoiceIDs.compactMap { byID[$0] }.filter { $0.open.minorUnits > 0 }
            guard !owed.isEmpty, owed.count < task.invoiceIDs.count, owed.allSatisfy({ listed.contains($0.number) }) else { return nil }
            let note = words.nothingDemandedLeftNote()
            return NoLongerDueTask(taskID: task.id, note: note, event: NewEvent(
                time: time, kind: "task.closed", creditor: task.creditor, customerID: task.customerID,
                summary: words.taskNoLongerDue(id: task.id, kind: task.kind, note: note),
                detail: ["task": String(task.id), "reason": "demand-settled"]))
        }
    }

    /// The invoice numbers of a detail line listing invoices with their amounts
    /// (`Wording.invoiceWithAmount`, joined by ", "): each item's text before its last " (".
    /// Amounts never hold ", " (thousands are grouped by a space or a bare comma).
    static func listedNumbers(_ line: String?) -> Set<String> {
        guard let line, !line.isEmpty else { return [] }
        return Set(line.components(separatedBy: ", ").map { item in
            item.range(of: " (", options: .backwards).map { String(item[..<$0.lowerBound]) } ?? item
        })
    }
}
