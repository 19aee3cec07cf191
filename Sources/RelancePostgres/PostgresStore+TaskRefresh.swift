public import Foundation
import PostgresNIO
public import RelanceCore

/// `StaleLadderTasks` written on PostgreSQL, as the SQLite store does (`AppDatabase`'s says why).
extension PostgresStore {
    public func refreshLadderTask(_ refresh: LadderTaskRefresh, at time: Date) async throws -> LadderTaskChange? {
        try await transaction { connection in
            try await Self.lockTaskOpening(of: refresh.task.creditor, on: connection, logger: logger)
            let task = refresh.task
            guard let customer = task.customerID, let family = refresh.kind.family,
                  let open = try await Self.openTask(ofFamily: family, customerID: customer, on: connection, logger: logger),
                  open.id == refresh.taskID, open.kind == refresh.kind, open.step == task.step else { return nil }
            var numbers: [Int64: String] = [:]
            let named = refresh.namedInvoiceIDs
            if !named.isEmpty {
                for try await (id, number) in try await connection.liveQuery(
                    "SELECT id, number FROM invoice WHERE id = ANY(\(named))", logger: logger).decode((Int64, String).self) {
                    numbers[id] = number
                }
            }
            let words = try await Self.wording(of: task.creditor.rawValue, on: connection, logger: logger)
            func event(replacedBy: Int64?) -> NewEvent {
                refresh.event(replacedBy: replacedBy, settled: refresh.settledInvoiceIDs.compactMap { numbers[$0] },
                              paidAtBank: refresh.paidAtBankInvoiceIDs.compactMap { numbers[$0] },
                              disputed: refresh.disputedInvoiceIDs.compactMap { numbers[$0] }, words: words, at: time)
            }
            if refresh.kind.needsPosting {
                let newID = try await Self.supersede(open.id, at: time, on: connection, logger: logger)
                let id = try await Self.insertTask(task, stepOn: refresh.stepOn, at: time, id: newID, on: connection, logger: logger)
                try await connection.liveQuery("""
                    UPDATE task SET escalated_at = (SELECT escalated_at FROM task WHERE id = \(open.id)) WHERE id = \(id)
                    """, logger: logger)
                try await Self.append(event(replacedBy: id), on: connection, logger: logger)
                return .superseded(old: open.id, new: id)
            }
            try await connection.liveQuery("""
                UPDATE task SET title = \(task.title), detail = \(Self.detailJSON(task.detail))::jsonb, due_on = \(task.dueOn?.iso8601)::date,
                                document_path = \(task.documentPath)
                WHERE id = \(open.id)
                """, logger: logger)
            try await Self.relinkInvoices(task.invoiceIDs, toTask: open.id, on: connection, logger: logger)
            try await Self.append(event(replacedBy: nil), on: connection, logger: logger)
            return .updated(open.id)
        }
    }
}
