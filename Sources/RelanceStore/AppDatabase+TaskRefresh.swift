public import Foundation
import GRDB
public import RelanceCore

/// `StaleLadderTasks` written: an open ladder task with today's figures, same step.
extension AppDatabase {
    public func refreshLadderTask(_ refresh: LadderTaskRefresh, at time: Date) async throws -> LadderTaskChange? {
        try await writer.write { db in
            // Decided on an earlier read: a person may have posted the letter, recorded an
            // outcome, or the ladder moved the call on since. Then nothing is written.
            let task = refresh.task
            guard let customer = task.customerID, let family = refresh.kind.family,
                  let open = try Self.openTask(ofFamily: family, customerID: customer, in: db),
                  open.id == refresh.taskID, open.kind == refresh.kind, open.step == task.step else { return nil }
            let numbers = try Self.invoiceNumbers(refresh.namedInvoiceIDs, in: db)
            let words = try Self.wording(of: task.creditor.rawValue, in: db)
            func event(replacedBy: Int64?) -> NewEvent {
                refresh.event(replacedBy: replacedBy, settled: refresh.settledInvoiceIDs.compactMap { numbers[$0] },
                              paidAtBank: refresh.paidAtBankInvoiceIDs.compactMap { numbers[$0] },
                              disputed: refresh.disputedInvoiceIDs.compactMap { numbers[$0] }, words: words, at: time)
            }
            if refresh.kind.needsPosting {
                // The refreshed letter stands for the step from the day it was first taken, and
                // keeps its escalation: the ladder's clock does not start again.
                let newID = try Self.supersede(open.id, at: time, in: db)
                let id = try Self.insertTask(task, stepOn: refresh.stepOn, at: time, id: newID, in: db)
                try db.execute(sql: "UPDATE task SET escalated_at = (SELECT escalated_at FROM task WHERE id = ?) WHERE id = ?",
                               arguments: [open.id, id])
                try Self.append(event(replacedBy: id), in: db)
                return .superseded(old: open.id, new: id)
            }
            // Not a new step: attempts, next try, escalation, step day and dedup key stay.
            try db.execute(sql: "UPDATE task SET title = ?, detail = ?, due_on = ?, document_path = ? WHERE id = ?",
                           arguments: [task.title, String(decoding: try JSONEncoder.sorted.encode(task.detail), as: UTF8.self),
                                       task.dueOn?.iso8601, task.documentPath, open.id])
            try Self.relinkInvoices(task.invoiceIDs, toTask: open.id, in: db)
            try Self.append(event(replacedBy: nil), in: db)
            return .updated(open.id)
        }
    }

    /// Invoice numbers by id: a settled invoice is no longer among the receivables read.
    private static func invoiceNumbers(_ ids: [Int64], in db: Database) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: "SELECT id, number FROM invoice WHERE id IN (SELECT value FROM json_each(?))",
                                    arguments: [String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)])
        return Dictionary(rows.map { ($0["id"] as Int64, $0["number"] as String) }, uniquingKeysWith: { first, _ in first })
    }
}
