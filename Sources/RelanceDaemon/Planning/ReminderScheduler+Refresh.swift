import Foundation
import RelanceCore

/// Open tasks whose figures are out of date, written again with today's (`StaleLadderTasks`):
/// composed by the same description and documents as the tasks the ladder opens, from the
/// task of the same step the planner builds today.
extension ReminderScheduler {
    /// The `NewTask` the ladder stores for a planned task: opened, moved on, or refreshed.
    func ladderTask(_ task: PlannedTask, title: String, detail: [String: String], documentPath: String?) -> NewTask {
        NewTask(creditor: creditor.id, customerID: task.customer.id, kind: task.kind, title: title, detail: detail,
                dedupKey: "step:\(task.customer.id):\(task.step.name)", step: task.step.name,
                invoiceIDs: task.allInvoices.map(\.receivable.invoiceID), dueOn: task.paymentDeadline, documentPath: documentPath)
    }

    /// In review mode too: the task is a real one, opened while the creditor was active, and its
    /// new document is written with the others (`documentsFolder`), not in the review folder.
    func refreshStale(_ open: [WorkTask], input: PlanningInput, day: CivilDate, at instant: Date, report: inout Report,
                      shouldStop: () -> Bool) async throws {
        let stale = StaleLadderTasks.find(open: open, input: input) { planned in
            let description = TaskDescription(planned, language: creditor.language, creditorName: creditor.legalName)
            return (description.title, description.detail)
        }
        for task in stale {
            if shouldStop() { return }
            await attempt(task.planned.customer, step: task.planned.step.name, at: instant, report: &report) { report in
                try await refresh(task, day: day, at: instant, report: &report)
            }
        }
    }

    private func refresh(_ stale: StaleLadderTask, day: CivilDate, at instant: Date, report: inout Report) async throws {
        let planned = stale.planned
        var documentPath: String?
        if let document = try documents.compose(planned, today: day), let documentsFolder {
            // Named apart from the step's first document, which is kept (the same day's included).
            let name = "\(Self.safeName(planned.customer.externalID))-\(Self.safeName(planned.step.name))-task\(stale.task.id)-refreshed"
            let folder = documentsFolder.appendingPathComponent(creditor.id.rawValue).appendingPathComponent(day.iso8601)
            let written = try DocumentWriter.write(document, into: folder, name: name)
            report.documents.append(written)
            documentPath = written.path
        }
        let refresh = LadderTaskRefresh(stale, task: ladderTask(planned, title: stale.title, detail: stale.detail, documentPath: documentPath))
        guard let change = try await store.refreshLadderTask(refresh, at: instant) else { return }
        report.refreshedTasks.append((stale.task.id, change.taskID))
        logger.info("task refreshed with today's figures", metadata: [
            "creditor": "\(creditor.id)", "customer": "\(planned.customer.externalID)", "task": "\(stale.task.id)",
            "now": "\(change.taskID)", "kind": "\(planned.kind.rawValue)", "document": "\(documentPath ?? "-")",
        ])
    }
}
