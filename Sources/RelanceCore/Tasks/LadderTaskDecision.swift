public import Foundation

/// The customer's open task of a ladder family (a call, a letter…), as the store finds it when
/// the ladder opens the task of a later step.
public struct OpenLadderTask: Sendable, Hashable {
    public var id: Int64
    public var kind: WorkTask.Kind
    public var step: String?
    /// The day its current step was taken.
    public var stepOn: CivilDate?

    public init(id: Int64, kind: WorkTask.Kind, step: String?, stepOn: CivilDate?) {
        self.id = id
        self.kind = kind
        self.step = step
        self.stepOn = stepOn
    }
}

/// What the ladder's task for a customer's step does, given the customer's open task of the same
/// family (one per customer and family, v6-task-outcomes): pure, so that both stores only read
/// the open task and write what this says (`TaskOutcomeStore.openLadderTask`).
public enum LadderTaskDecision: Sendable, Hashable {
    /// Not a ladder family, or no customer: opened as any task (its dedup key decides).
    case openAsAnyTask
    /// No open task of the family: a new one, its step taken on the day.
    case open
    /// The same step's task is already open: nothing changes.
    case unchanged(Int64)
    /// A letter nobody posted is replaced by the new one; the old is kept as superseded, its document too.
    case supersede(OpenLadderTask)
    /// The open call moves on: its step, amounts, script and invoices become today's; the
    /// attempts, the next try and the escalation start again.
    case moveOn(OpenLadderTask)

    public static func decide(_ task: NewTask, open: OpenLadderTask?) -> LadderTaskDecision {
        guard task.kind.family != nil, task.customerID != nil else { return .openAsAnyTask }
        guard let open else { return .open }
        if open.step == task.step, open.kind == task.kind { return .unchanged(open.id) }
        return task.kind.needsPosting ? .supersede(open) : .moveOn(open)
    }

    /// The journal's line for a letter superseded by the task `new`.
    public static func supersededEvent(_ old: OpenLadderTask, by new: Int64, task: NewTask, words: any Wording, at time: Date) -> NewEvent {
        NewEvent(time: time, kind: "task.superseded", creditor: task.creditor, customerID: task.customerID,
                 summary: words.taskSuperseded(old: old.id, oldKind: old.kind, oldStep: old.step, new: new, newKind: task.kind,
                                               newStep: task.step),
                 detail: ["task": String(old.id), "by": String(new)])
    }

    /// The journal's line for an open call moved on to the task's step on `day`.
    public static func movedOnEvent(_ open: OpenLadderTask, to task: NewTask, on day: CivilDate, words: any Wording, at time: Date) -> NewEvent {
        NewEvent(time: time, kind: "task.updated", creditor: task.creditor, customerID: task.customerID,
                 summary: words.taskMovedOn(id: open.id, kind: open.kind, from: open.step, since: open.stepOn, to: task.step, on: day,
                                            title: task.title),
                 detail: ["task": String(open.id), "from": open.step ?? "", "to": task.step ?? ""])
    }
}

extension NewTask {
    /// The journal's line for this task opened as `id`.
    public func openedEvent(id: Int64, words: any Wording, at time: Date) -> NewEvent {
        NewEvent(time: time, kind: "task.opened", creditor: creditor, customerID: customerID, messageID: messageID,
                 summary: words.taskOpened(id: id, kind: kind, title: title), detail: ["task": String(id)])
    }
}
