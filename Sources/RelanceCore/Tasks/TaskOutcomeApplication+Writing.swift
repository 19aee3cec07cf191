public import Foundation

/// What a store needs to write an outcome beyond reading the application's fields: whether the
/// task may still take it when the transaction starts, the state it closes in, and the journal's
/// line. Both stores call these, so an outcome does the same on SQLite and PostgreSQL.
extension TaskOutcomeApplication {
    /// The state the task is closed in; nil when it stays as it is (a call to retry, a dispute
    /// resolved on the closed task that recorded it).
    public var closedState: WorkTask.State? {
        guard closesTask else { return nil }
        if case .cancelled = request.outcome { return .cancelled }
        return .done
    }

    /// The refusal when the task, as the store finds it inside the transaction that would write
    /// the outcome, can no longer take it: gone, or closed by someone else since the decision
    /// (the decision was taken on an earlier read). Nil when the outcome may be written.
    /// `stillDisputed`: which of `resolvedDisputeInvoiceIDs` the store finds disputed then — a
    /// dispute resolved by someone else meanwhile is not resolved a second time.
    public func refusal(current state: WorkTask.State?, closedBy: TaskOutcome?, stillDisputed: Set<Int64>,
                        words: any Wording) -> TaskOutcomeError? {
        let id = request.taskID
        guard let state else { return TaskOutcomeError(.closed, words.outcomeRefusal(.noSuchTask(taskID: id))) }
        guard state == .open || recordsOnClosedTask else {
            return TaskOutcomeError(.closed, words.outcomeRefusal(.alreadyClosed(taskID: id, state: state, outcome: closedBy)))
        }
        if case .disputeResolved = request.outcome, stillDisputed.isDisjoint(with: resolvedDisputeInvoiceIDs) {
            return TaskOutcomeError(.noDispute, words.outcomeRefusal(.noDisputeOpen(taskID: id)))
        }
        return nil
    }

    /// The journal's line for the outcome: `task.closed`, or `task.outcome` when the task stays as it was.
    public func journalEvent(at time: Date) -> NewEvent {
        NewEvent(time: time, kind: closesTask ? "task.closed" : "task.outcome", creditor: creditor, customerID: customerID,
                 summary: journal,
                 detail: ["task": String(request.taskID), "outcome": request.outcome.code, "by": request.recordedBy,
                          "channel": request.channel.rawValue])
    }
}
