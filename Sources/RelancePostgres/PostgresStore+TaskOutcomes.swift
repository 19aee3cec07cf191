public import Foundation
import PostgresNIO
public import RelanceCore

/// The task model of issue #13 on PostgreSQL: the facts an outcome is decided on, the outcome
/// written as decided (`TaskOutcomeDecision`), the ladder's tasks opened as `LadderTaskDecision`
/// says. Rules live in RelanceCore; this reads and writes. Several daemons share the book: an
/// outcome locks its task (the second to close it is refused), the ladder locks the creditor's
/// task opening (two planners never open the same call twice).
extension PostgresStore: TaskOutcomeStore {
    public func taskOutcomeFacts(_ taskID: Int64) async throws -> TaskOutcomeFacts? {
        try await connection { connection in
            guard let task = try await Self.tasks(connection.liveQuery(
                "SELECT \(unescaped: Self.taskColumns) FROM task t WHERE t.id = \(taskID)", logger: logger)).first else { return nil }
            let invoices = try await Self.invoices(connection.liveQuery("""
                SELECT i.id, i.number FROM task_invoice ti JOIN invoice i ON i.id = ti.invoice_id
                WHERE ti.task_id = \(taskID) AND i.status = 'open' ORDER BY i.due_on, i.number
                """, logger: logger))
            var taskDisputed: [Int64] = []
            for try await id in try await connection.liveQuery("""
                SELECT i.id FROM task_invoice ti JOIN invoice i ON i.id = ti.invoice_id
                WHERE ti.task_id = \(taskID) AND i.disputed_since IS NOT NULL ORDER BY i.id
                """, logger: logger).decode(Int64.self) { taskDisputed.append(id) }
            var phones: [String] = []
            var disputed: [TaskOutcomeFacts.Invoice] = []
            if let customer = task.customerID {
                disputed = try await Self.invoices(connection.liveQuery("""
                    SELECT id, number FROM invoice WHERE customer_id = \(customer) AND status = 'open' AND disputed_since IS NOT NULL
                    ORDER BY due_on, number
                    """, logger: logger))
                var all: [String] = []
                for try await text in try await connection.liveQuery("SELECT phones::text FROM customer WHERE id = \(customer)",
                                                                 logger: logger).decode(String.self) {
                    all = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
                }
                var invalid: Set<String> = []
                for try await phone in try await connection.liveQuery("SELECT phone FROM invalid_phone WHERE customer_id = \(customer)",
                                                                  logger: logger).decode(String.self) { invalid.insert(phone) }
                phones = all.filter { !invalid.contains($0) }
            }
            return TaskOutcomeFacts(task: task, invoices: invoices, phones: phones, disputedInvoices: disputed,
                                    taskDisputedInvoiceIDs: taskDisputed)
        }
    }

    private static func invoices(_ rows: PostgresRowSequence) async throws -> [TaskOutcomeFacts.Invoice] {
        var invoices: [TaskOutcomeFacts.Invoice] = []
        for try await (id, number) in rows.decode((Int64, String).self) { invoices.append(.init(id: id, number: number)) }
        return invoices
    }

    public func applyTaskOutcome(_ application: TaskOutcomeApplication, at time: Date) async throws {
        try await transaction { connection in try await Self.applyTaskOutcome(application, at: time, on: connection, logger: logger) }
    }

    public func openLadderTask(_ task: NewTask, on day: CivilDate, at time: Date) async throws -> LadderTaskChange {
        try await transaction { connection in
            try await Self.lockTaskOpening(of: task.creditor, on: connection, logger: logger)
            var open: OpenLadderTask?
            if let family = task.kind.family, let customer = task.customerID {
                open = try await Self.openTask(ofFamily: family, customerID: customer, on: connection, logger: logger)
            }
            switch LadderTaskDecision.decide(task, open: open) {
            case .openAsAnyTask:
                let (id, isNew) = try await Self.openTask(task, at: time, on: connection, logger: logger)
                return isNew ? .opened(id) : .unchanged(id)
            case .open:
                return .opened(try await Self.insertTask(task, stepOn: day, at: time, on: connection, logger: logger))
            case .unchanged(let id):
                return .unchanged(id)
            case .supersede(let old):
                let newID = try await Self.supersede(old.id, at: time, on: connection, logger: logger)
                let id = try await Self.insertTask(task, stepOn: day, at: time, id: newID, on: connection, logger: logger)
                try await Self.append(LadderTaskDecision.supersededEvent(
                    old, by: id, task: task, words: try await Self.wording(of: task.creditor.rawValue, on: connection, logger: logger), at: time),
                                      on: connection, logger: logger)
                return .superseded(old: old.id, new: id)
            case .moveOn(let open):
                try await connection.liveQuery("""
                    UPDATE task SET kind = \(task.kind.rawValue), title = \(task.title), detail = \(Self.detailJSON(task.detail))::jsonb,
                                    step = \(task.step), dedup_key = \(task.dedupKey), due_on = \(task.dueOn?.iso8601)::date,
                                    document_path = \(task.documentPath), step_on = \(day.iso8601)::date, attempts = 0, retry_on = NULL,
                                    escalated_at = NULL
                    WHERE id = \(open.id)
                    """, logger: logger)
                try await Self.relinkInvoices(task.invoiceIDs, toTask: open.id, on: connection, logger: logger)
                try await Self.append(LadderTaskDecision.movedOnEvent(
                    open, to: task, on: day, words: try await Self.wording(of: task.creditor.rawValue, on: connection, logger: logger), at: time),
                                      on: connection, logger: logger)
                return .updated(open.id)
            }
        }
    }

    /// Cancels the unposted letter `id` as superseded by the task about to be inserted, whose id
    /// it returns: known first, since the old one names it (superseded_by, checked at commit).
    static func supersede(_ id: Int64, at time: Date, on connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let newID = try await reserveTaskID(on: connection, logger: logger)
        let superseded = TaskOutcome.superseded(by: newID)
        try await connection.liveQuery("""
            UPDATE task SET state = 'cancelled', outcome = \(superseded.code), outcome_detail = \(detailJSON(superseded.parameters))::jsonb,
                            superseded_by = \(newID), closed_at = \(time)
            WHERE id = \(id)
            """, logger: logger)
        return newID
    }

    public func closeNoLongerDueTasks(_ tasks: [NoLongerDueTask], at time: Date) async throws -> [Int64] {
        guard !tasks.isEmpty else { return [] }
        return try await transaction { connection in
            var closed: [Int64] = []
            for task in tasks {
                // Cancelled, as a bank reversal cancels its task: no step taken (`AppDatabase`'s).
                let rows = try await connection.liveQuery("""
                    UPDATE task SET state = 'cancelled', outcome = 'cancelled', outcome_detail = jsonb_build_object('reason', \(task.note)::text),
                                    closed_at = \(time)
                    WHERE id = \(task.taskID) AND state = 'open' RETURNING id
                    """, logger: logger)
                var updated = false
                for try await _ in rows { updated = true }
                guard updated else { continue }
                try await Self.append(task.event, on: connection, logger: logger)
                closed.append(task.taskID)
            }
            return closed
        }
    }

    public func markTaskEscalated(_ taskID: Int64, at time: Date) async throws -> Bool {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                UPDATE task SET escalated_at = \(time) WHERE id = \(taskID) AND state = 'open' AND escalated_at IS NULL RETURNING id
                """, logger: logger)
            for try await _ in rows { return true }
            return false
        }
    }

    public func expiredPaymentClaims(of creditor: CreditorID, on day: CivilDate) async throws -> [PaymentClaimFacts] {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT p.id, p.invoice_id, p.paid_on::text, p.means, p.wait_until::text, i.number, c.id, c.external_id, c.name
                FROM payment_claim p JOIN invoice i ON i.id = p.invoice_id JOIN customer c ON c.id = i.customer_id
                WHERE i.creditor_id = \(creditor.rawValue) AND i.status = 'open' AND p.resolved_at IS NULL
                AND p.wait_until < \(day.iso8601)::date
                AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.invoice_id = i.id AND m.state <> 'lettered'
                                AND m.ledger_open_minor = i.open_minor)
                ORDER BY c.external_id, i.number
                """, logger: logger)
            var claims: [PaymentClaimFacts] = []
            for try await (id, invoice, paidOn, means, waitUntil, number, customer, external, name)
                in rows.decode((Int64, Int64, String?, String?, String, String, Int64, String, String?).self) {
                guard let wait = CivilDate(iso8601: waitUntil) else { continue }
                claims.append(PaymentClaimFacts(claimID: id, customerID: customer, customerExternalID: external, customerName: name,
                                                invoiceID: invoice, invoiceNumber: number, paidOn: paidOn.flatMap(CivilDate.init(iso8601:)),
                                                means: means, waitUntil: wait))
            }
            return claims
        }
    }

    public func unacknowledgedEmailOutcomes(of creditor: CreditorID) async throws -> [RecordedTaskOutcome] {
        try await recordedOutcomes(of: creditor, since: .distantPast, unacknowledgedEmailOnly: true)
    }

    public func markOutcomesAcknowledged(_ ids: [Int64], at time: Date) async throws {
        guard !ids.isEmpty else { return }
        try await connection { connection in
            try await connection.liveQuery("""
                UPDATE task_outcome SET acknowledged_at = \(time) WHERE id = ANY(\(ids)) AND acknowledged_at IS NULL
                """, logger: logger)
        }
    }

    public func recordedOutcomes(of creditor: CreditorID, since time: Date) async throws -> [RecordedTaskOutcome] {
        try await recordedOutcomes(of: creditor, since: time, unacknowledgedEmailOnly: false)
    }

    private func recordedOutcomes(of creditor: CreditorID, since time: Date, unacknowledgedEmailOnly: Bool) async throws -> [RecordedTaskOutcome] {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT o.id, o.task_id, t.customer_id, o.outcome, o.parameters::text, o.recorded_by, o.channel, o.recorded_at
                FROM task_outcome o JOIN task t ON t.id = o.task_id
                WHERE t.creditor_id = \(creditor.rawValue) AND o.recorded_at >= \(time)
                AND (NOT \(unacknowledgedEmailOnly) OR (o.channel = 'email' AND o.acknowledged_at IS NULL))
                ORDER BY o.recorded_at, o.id
                """, logger: logger)
            var outcomes: [RecordedTaskOutcome] = []
            for try await (id, task, customer, code, parameters, by, channel, at)
                in rows.decode((Int64, Int64, Int64?, String, String, String, String, Date).self) {
                guard let outcome = TaskOutcome(code: code, parameters: Self.storedParameters(parameters)),
                      let channel = TaskOutcomeRequest.Channel(rawValue: channel) else { continue }
                outcomes.append(RecordedTaskOutcome(id: id, taskID: task, customerID: customer, outcome: outcome, recordedBy: by,
                                                    channel: channel, recordedAt: at))
            }
            return outcomes
        }
    }
}
