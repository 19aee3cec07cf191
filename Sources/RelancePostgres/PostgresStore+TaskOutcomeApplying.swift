import Foundation
import PostgresNIO
import RelanceCore

/// A task's outcome applied within the caller's transaction, as the SQLite store's
/// `applyTaskOutcome`: the outcome recorded, its consequences (a promise's pause, disputes
/// opened or ended, payment claims, wrong numbers, an address given as right), the task closed,
/// and the journal's line. Used by the inbound port for outcomes emailed in; the
/// `TaskOutcomeStore` port itself is not written on PostgreSQL yet (issue 16).
extension PostgresStore {
    static func applyTaskOutcome(_ application: TaskOutcomeApplication, at time: Date, on connection: PostgresConnection,
                                 logger: Logger) async throws {
        let request = application.request
        let id = request.taskID
        let creditor = application.creditor
        let words = try await wording(of: creditor.rawValue, on: connection, logger: logger)
        // Locked: a second person closing it meanwhile waits, then sees it closed.
        let rows = try await connection.query("SELECT state, outcome, outcome_detail::text FROM task WHERE id = \(id) FOR UPDATE",
                                               logger: logger)
        var found: (String, String?, String)?
        for try await row in rows.decode((String, String?, String).self) { found = row }
        guard let (stateText, closedOutcome, closedDetail) = found else {
            throw TaskOutcomeError(.closed, words.outcomeRefusal(.noSuchTask(taskID: id)))
        }
        let state = WorkTask.State(rawValue: stateText) ?? .done
        guard state == .open || application.recordsOnClosedTask else {
            let parameters = (try? JSONDecoder().decode([String: String].self, from: Data(closedDetail.utf8))) ?? [:]
            let closedBy = closedOutcome.flatMap { TaskOutcome(code: $0, parameters: parameters) }
            throw TaskOutcomeError(.closed, words.outcomeRefusal(.alreadyClosed(taskID: id, state: state, outcome: closedBy)))
        }
        let outcome = request.outcome
        let parameters = detailJSON(outcome.parameters)
        try await connection.query("""
            INSERT INTO task_outcome (task_id, outcome, parameters, recorded_by, channel, inbound_id, recorded_at)
            VALUES (\(id), \(outcome.code), \(parameters)::jsonb, \(String(request.recordedBy.prefix(254))), \(request.channel.rawValue),
                    \(request.inboundID), \(time))
            """, logger: logger)
        let customer = application.customerID
        if let promise = application.promise, let customer {
            try await holdCustomer(customer, kind: .promise, until: promise.until, reason: promise.reason, at: time, on: connection, logger: logger)
        }
        // A promise or a payment announced about a disputed invoice ends its dispute (#11).
        switch outcome {
        case .promisedToPay, .paid:
            let disputed = try await connection.query("""
                SELECT i.id FROM task_invoice ti JOIN invoice i ON i.id = ti.invoice_id WHERE ti.task_id = \(id) AND i.disputed_since IS NOT NULL
                ORDER BY i.id
                """, logger: logger)
            var invoices: [Int64] = []
            for try await invoice in disputed.decode(Int64.self) { invoices.append(invoice) }
            for invoice in invoices {
                try await clearDispute(invoiceID: invoice, reason: words.disputeEndedByOutcome(outcome, taskID: id), at: time,
                                       on: connection, logger: logger)
            }
        default: break
        }
        for invoice in application.resolvedDisputeInvoiceIDs {
            try await clearDispute(invoiceID: invoice, reason: words.disputeEndedByOutcome(outcome, taskID: id), at: time,
                                   on: connection, logger: logger)
        }
        for invoice in application.disputedInvoiceIDs {
            try await markDisputed(invoiceID: invoice, reason: application.disputeReason ?? "disputed (task #\(id))", at: time,
                                   on: connection, logger: logger)
        }
        if let claim = application.paymentClaim {
            for invoice in claim.invoiceIDs {
                try await connection.query("""
                    UPDATE payment_claim SET resolved_at = \(time), resolution = 'cancelled' WHERE invoice_id = \(invoice) AND resolved_at IS NULL
                    """, logger: logger)
                try await connection.query("""
                    INSERT INTO payment_claim (invoice_id, task_id, paid_on, means, wait_until, created_at)
                    VALUES (\(invoice), \(id), \(claim.paidOn?.iso8601)::date, \(claim.means), \(claim.waitUntil.iso8601)::date, \(time))
                    """, logger: logger)
            }
        }
        if application.resolvesPaymentClaims {
            try await connection.query("""
                UPDATE payment_claim SET resolved_at = \(time), resolution = 'checked'
                WHERE resolved_at IS NULL AND invoice_id IN (SELECT invoice_id FROM task_invoice WHERE task_id = \(id))
                """, logger: logger)
        }
        if let customer {
            for phone in application.invalidPhones {
                try await connection.query("""
                    INSERT INTO invalid_phone (customer_id, phone, task_id, since) VALUES (\(customer), \(phone), \(id), \(time))
                    ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
            if let address = application.newAddress {
                // Until the next contacts file, which replaces the customer's addresses.
                try await addCorrectedAddress(address, customer: customer, creditor: creditor,
                                              reason: words.addressGivenAsRight(by: nil, taskID: id), at: time, on: connection, logger: logger)
            }
        }
        for (key, value) in application.detailUpdates.sorted(by: { $0.key < $1.key }) {
            try await connection.query("UPDATE task SET detail = detail || jsonb_build_object(\(key)::text, \(value)::text) WHERE id = \(id)",
                                       logger: logger)
        }
        if let attempts = application.attempts {
            try await connection.query("""
                UPDATE task SET attempts = \(Int64(attempts)), retry_on = \(application.retryOn?.iso8601)::date WHERE id = \(id)
                """, logger: logger)
        }
        if application.closesTask {
            let closedState = if case .cancelled = outcome { "cancelled" } else { "done" }
            let posting = application.posting
            try await connection.query("""
                UPDATE task SET state = \(closedState), outcome = \(outcome.code), outcome_detail = \(parameters)::jsonb, closed_at = \(time),
                                posted_on = \(posting?.postedOn.iso8601)::date, tracking_number = \(posting?.trackingNumber),
                                acknowledged_on = \(posting?.acknowledgedOn?.iso8601)::date
                WHERE id = \(id)
                """, logger: logger)
        }
        try await append(NewEvent(time: time, kind: application.closesTask ? "task.closed" : "task.outcome", creditor: creditor,
                                  customerID: customer, summary: application.journal,
                                  detail: ["task": String(id), "outcome": outcome.code, "by": request.recordedBy,
                                           "channel": request.channel.rawValue]), on: connection, logger: logger)
    }
}
