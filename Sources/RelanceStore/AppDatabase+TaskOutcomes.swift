public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: TaskOutcomeStore {
    /// The SQL spelling of `WorkTask.Kind.family`, as the unique index of v6-task-outcomes has it.
    static let familySQL = """
        (CASE kind WHEN 'call' THEN 'call' WHEN 'legal-action' THEN 'legal-action' WHEN 'hand-off' THEN 'hand-off' ELSE 'letter' END)
        """
    static let ladderKindsSQL = "('call', 'letter', 'registered-letter', 'formal-notice', 'legal-action', 'hand-off')"

    /// The customer's open task of a family, if any.
    static func openTask(ofFamily family: String, customerID: Int64, in db: Database) throws -> OpenLadderTask? {
        try Row.fetchOne(db, sql: """
            SELECT id, kind, step, step_on FROM task
            WHERE customer_id = ? AND state = 'open' AND kind IN \(ladderKindsSQL) AND \(familySQL) = ?
            """, arguments: [customerID, family]).map { row in
            OpenLadderTask(id: row["id"], kind: WorkTask.Kind(rawValue: row["kind"]) ?? .call, step: row["step"],
                           stepOn: (row["step_on"] as String?).flatMap(CivilDate.init(iso8601:)))
        }
    }

    public func taskOutcomeFacts(_ taskID: Int64) async throws -> TaskOutcomeFacts? {
        try await writer.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT t.*, (SELECT json_group_array(invoice_id) FROM task_invoice WHERE task_id = t.id) AS invoices
                FROM task t WHERE t.id = ?
                """, arguments: [taskID]) else { return nil }
            let task = try Self.task(row)
            let invoices = try Row.fetchAll(db, sql: """
                SELECT i.id, i.number FROM task_invoice ti JOIN invoice i ON i.id = ti.invoice_id
                WHERE ti.task_id = ? AND i.status = 'open' ORDER BY i.due_on, i.number
                """, arguments: [taskID]).map { TaskOutcomeFacts.Invoice(id: $0["id"], number: $0["number"]) }
            var phones: [String] = []
            var disputed: [TaskOutcomeFacts.Invoice] = []
            let taskDisputed = try Int64.fetchAll(db, sql: """
                SELECT i.id FROM task_invoice ti JOIN invoice i ON i.id = ti.invoice_id
                WHERE ti.task_id = ? AND i.disputed_since IS NOT NULL ORDER BY i.id
                """, arguments: [taskID])
            if let customer = task.customerID {
                disputed = try Row.fetchAll(db, sql: """
                    SELECT id, number FROM invoice WHERE customer_id = ? AND status = 'open' AND disputed_since IS NOT NULL
                    ORDER BY due_on, number
                    """, arguments: [customer]).map { TaskOutcomeFacts.Invoice(id: $0["id"], number: $0["number"]) }
                let text = try String.fetchOne(db, sql: "SELECT phones FROM customer WHERE id = ?", arguments: [customer]) ?? "[]"
                let all = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
                let invalid = Set(try String.fetchAll(db, sql: "SELECT phone FROM invalid_phone WHERE customer_id = ?", arguments: [customer]))
                phones = all.filter { !invalid.contains($0) }
            }
            return TaskOutcomeFacts(task: task, invoices: invoices, phones: phones, disputedInvoices: disputed,
                                    taskDisputedInvoiceIDs: taskDisputed)
        }
    }

    public func applyTaskOutcome(_ application: TaskOutcomeApplication, at time: Date) async throws {
        try await writer.write { db in try Self.applyTaskOutcome(application, at: time, in: db) }
    }

    /// Writes what the decision says (`TaskOutcomeDecision`, the same on both stores): this
    /// function reads the task's state and writes, it decides nothing of its own.
    static func applyTaskOutcome(_ application: TaskOutcomeApplication, at time: Date, in db: Database) throws {
        let request = application.request
        let id = request.taskID
        let creditor = application.creditor
        let customer = application.customerID
        // Decided on a read: a second person may have closed it meanwhile. Refused in the
        // creditor's words: the CLI, the console and the digest show it as any refusal.
        let row = try Row.fetchOne(db, sql: "SELECT state, outcome, outcome_detail FROM task WHERE id = ?", arguments: [id])
        let closedBy = row.flatMap { row in
            (row["outcome"] as String?).flatMap { TaskOutcome(code: $0, parameters: decodedParameters(row["outcome_detail"])) }
        }
        let resolving = application.resolvedDisputeInvoiceIDs
        let stillDisputed = resolving.isEmpty ? [] : Set(try Int64.fetchAll(db, sql: """
            SELECT id FROM invoice WHERE disputed_since IS NOT NULL AND id IN (SELECT value FROM json_each(?))
            """, arguments: [String(decoding: try JSONEncoder().encode(resolving), as: UTF8.self)]))
        if let refusal = application.refusal(current: row.map { WorkTask.State(rawValue: $0["state"]) ?? .done }, closedBy: closedBy,
                                             stillDisputed: stillDisputed, words: try wording(of: creditor.rawValue, in: db)) {
            throw refusal
        }
        let outcome = request.outcome
        let parameters = String(decoding: try JSONEncoder.sorted.encode(outcome.parameters), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO task_outcome (task_id, outcome, parameters, recorded_by, channel, inbound_id, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, outcome.code, parameters, String(request.recordedBy.prefix(254)), request.channel.rawValue,
                             request.inboundID, time])
        if let promise = application.promise, let customer {
            _ = try holdCustomer(customer, kind: .promise, until: promise.until, reason: promise.reason, at: time, in: db)
        }
        for invoice in application.resolvedDisputeInvoiceIDs {
            _ = try clearDispute(invoiceID: invoice, reason: application.disputeEndReason, at: time, in: db)
        }
        for invoice in application.disputedInvoiceIDs {
            _ = try markDisputed(invoiceID: invoice, reason: application.disputeReason, at: time, in: db)
        }
        if let claim = application.paymentClaim {
            for invoice in claim.invoiceIDs {
                try db.execute(sql: """
                    UPDATE payment_claim SET resolved_at = ?, resolution = 'cancelled' WHERE invoice_id = ? AND resolved_at IS NULL
                    """, arguments: [time, invoice])
                try db.execute(sql: """
                    INSERT INTO payment_claim (invoice_id, task_id, paid_on, means, wait_until, created_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [invoice, id, claim.paidOn?.iso8601, claim.means, claim.waitUntil.iso8601, time])
            }
        }
        if application.resolvesPaymentClaims {
            try db.execute(sql: """
                UPDATE payment_claim SET resolved_at = ?, resolution = 'checked'
                WHERE resolved_at IS NULL AND invoice_id IN (SELECT invoice_id FROM task_invoice WHERE task_id = ?)
                """, arguments: [time, id])
        }
        if let customer {
            for phone in application.invalidPhones {
                try db.execute(sql: "INSERT OR IGNORE INTO invalid_phone (customer_id, phone, task_id, since) VALUES (?, ?, ?, ?)",
                               arguments: [customer, phone, id, time])
            }
            if let address = application.newAddress {
                // Until the next contacts file, which replaces the customer's addresses (the console's path too).
                try addCorrectedAddress(address, customer: customer, creditor: creditor, reason: application.newAddressReason, at: time, in: db)
            }
        }
        for (key, value) in application.detailUpdates.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "UPDATE task SET detail = json_set(detail, '$.' || ?, ?) WHERE id = ?", arguments: [key, value, id])
        }
        if let attempts = application.attempts {
            try db.execute(sql: "UPDATE task SET attempts = ?, retry_on = ? WHERE id = ?",
                           arguments: [attempts, application.retryOn?.iso8601, id])
        }
        if let closedState = application.closedState {
            let posting = application.posting
            try db.execute(sql: """
                UPDATE task SET state = ?, outcome = ?, outcome_detail = ?, closed_at = ?,
                                posted_on = ?, tracking_number = ?, acknowledged_on = ?
                WHERE id = ?
                """, arguments: [closedState.rawValue, outcome.code, parameters, time, posting?.postedOn.iso8601, posting?.trackingNumber,
                                 posting?.acknowledgedOn?.iso8601, id])
        }
        try append(application.journalEvent(at: time), in: db)
    }

    static func decodedParameters(_ text: String?) -> [String: String] {
        text.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
    }

    public func openLadderTask(_ task: NewTask, on day: CivilDate, at time: Date) async throws -> LadderTaskChange {
        try await writer.write { db in
            let open = try task.customerID.flatMap { customer in
                try task.kind.family.flatMap { try Self.openTask(ofFamily: $0, customerID: customer, in: db) }
            }
            switch LadderTaskDecision.decide(task, open: open) {
            case .openAsAnyTask:
                let (id, isNew) = try Self.openTask(task, at: time, in: db)
                return isNew ? .opened(id) : .unchanged(id)
            case .open:
                return .opened(try Self.insertTask(task, stepOn: day, at: time, in: db))
            case .unchanged(let id):
                return .unchanged(id)
            case .supersede(let old):
                let newID = try Self.supersede(old.id, at: time, in: db)
                let id = try Self.insertTask(task, stepOn: day, at: time, id: newID, in: db)
                try Self.append(LadderTaskDecision.supersededEvent(old, by: id, task: task, words: try Self.wording(of: task.creditor.rawValue, in: db),
                                                                   at: time), in: db)
                return .superseded(old: old.id, new: id)
            case .moveOn(let open):
                let detail = String(decoding: try JSONEncoder.sorted.encode(task.detail), as: UTF8.self)
                try db.execute(sql: """
                    UPDATE task SET kind = ?, title = ?, detail = ?, step = ?, dedup_key = ?, due_on = ?, document_path = ?,
                                    step_on = ?, attempts = 0, retry_on = NULL, escalated_at = NULL
                    WHERE id = ?
                    """, arguments: [task.kind.rawValue, task.title, detail, task.step, task.dedupKey, task.dueOn?.iso8601,
                                     task.documentPath, day.iso8601, open.id])
                try Self.relinkInvoices(task.invoiceIDs, toTask: open.id, in: db)
                try Self.append(LadderTaskDecision.movedOnEvent(open, to: task, on: day, words: try Self.wording(of: task.creditor.rawValue, in: db),
                                                                at: time), in: db)
                return .updated(open.id)
            }
        }
    }

    /// Cancels the unposted letter `id` as superseded by the task about to be inserted, whose id
    /// it returns: known first, since the old one names it (superseded_by).
    static func supersede(_ id: Int64, at time: Date, in db: Database) throws -> Int64 {
        let newID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM task") ?? 0) + 1
        try db.execute(sql: """
            UPDATE task SET state = 'cancelled', outcome = ?, outcome_detail = ?, superseded_by = ?, closed_at = ? WHERE id = ?
            """, arguments: [TaskOutcome.superseded(by: newID).code,
                             String(decoding: try JSONEncoder.sorted.encode(TaskOutcome.superseded(by: newID).parameters), as: UTF8.self),
                             newID, time, id])
        return newID
    }

    public func closeNoLongerDueTasks(_ tasks: [NoLongerDueTask], at time: Date) async throws -> [Int64] {
        guard !tasks.isEmpty else { return [] }
        return try await writer.write { db in
            var closed: [Int64] = []
            for task in tasks {
                // Cancelled, as a bank reversal cancels its task: a cancelled task is no step taken,
                // so that if the invoice is due again (the bank reverses the payment) the call is
                // made and the letter posted, not counted as done.
                try db.execute(sql: """
                    UPDATE task SET state = 'cancelled', outcome = 'cancelled', outcome_detail = json_object('reason', ?), closed_at = ?
                    WHERE id = ? AND state = 'open'
                    """, arguments: [task.note, time, task.taskID])
                guard db.changesCount > 0 else { continue }
                try AppDatabase.append(task.event, in: db)
                closed.append(task.taskID)
            }
            return closed
        }
    }

    public func markTaskEscalated(_ taskID: Int64, at time: Date) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "UPDATE task SET escalated_at = ? WHERE id = ? AND state = 'open' AND escalated_at IS NULL",
                           arguments: [time, taskID])
            return db.changesCount > 0
        }
    }

    public func expiredPaymentClaims(of creditor: CreditorID, on day: CivilDate) async throws -> [PaymentClaimFacts] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, p.invoice_id, p.paid_on, p.means, p.wait_until, i.number, c.id AS customer_id, c.external_id, c.name
                FROM payment_claim p JOIN invoice i ON i.id = p.invoice_id JOIN customer c ON c.id = i.customer_id
                WHERE i.creditor_id = ? AND i.status = 'open' AND p.resolved_at IS NULL AND p.wait_until < ?
                AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.invoice_id = i.id AND m.state <> 'lettered'
                                AND m.ledger_open_minor = i.open_minor)
                ORDER BY c.external_id, i.number
                """, arguments: [creditor.rawValue, day.iso8601]).map { row in
                PaymentClaimFacts(claimID: row["id"], customerID: row["customer_id"], customerExternalID: row["external_id"],
                                  customerName: row["name"], invoiceID: row["invoice_id"], invoiceNumber: row["number"],
                                  paidOn: (row["paid_on"] as String?).flatMap { CivilDate(iso8601: $0) }, means: row["means"],
                                  waitUntil: CivilDate(iso8601: row["wait_until"] as String)!)
            }
        }
    }

    public func unacknowledgedEmailOutcomes(of creditor: CreditorID) async throws -> [RecordedTaskOutcome] {
        try await writer.read { db in
            try Self.recordedOutcomes(db, where: "o.channel = 'email' AND o.acknowledged_at IS NULL", creditor: creditor, since: .distantPast)
        }
    }

    public func markOutcomesAcknowledged(_ ids: [Int64], at time: Date) async throws {
        guard !ids.isEmpty else { return }
        try await writer.write { db in
            for id in ids {
                try db.execute(sql: "UPDATE task_outcome SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL", arguments: [time, id])
            }
        }
    }

    public func recordedOutcomes(of creditor: CreditorID, since time: Date) async throws -> [RecordedTaskOutcome] {
        try await writer.read { db in try Self.recordedOutcomes(db, where: "1", creditor: creditor, since: time) }
    }

    private static func recordedOutcomes(_ db: Database, where condition: String, creditor: CreditorID, since time: Date) throws -> [RecordedTaskOutcome] {
        try Row.fetchAll(db, sql: """
            SELECT o.id, o.task_id, t.customer_id, o.outcome, o.parameters, o.recorded_by, o.channel, o.recorded_at
            FROM task_outcome o JOIN task t ON t.id = o.task_id
            WHERE t.creditor_id = ? AND o.recorded_at >= ? AND \(condition)
            ORDER BY o.recorded_at, o.id
            """, arguments: [creditor.rawValue, time]).compactMap { row in
            let parameters = (try? JSONDecoder().decode([String: String].self, from: Data((row["parameters"] as String).utf8))) ?? [:]
            guard let outcome = TaskOutcome(code: row["outcome"], parameters: parameters),
                  let channel = TaskOutcomeRequest.Channel(rawValue: row["channel"]) else { return nil }
            return RecordedTaskOutcome(id: row["id"], taskID: row["task_id"], customerID: row["customer_id"], outcome: outcome,
                                       recordedBy: row["recorded_by"], channel: channel, recordedAt: row["recorded_at"])
        }
    }
}
