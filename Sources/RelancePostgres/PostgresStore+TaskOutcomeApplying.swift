import Foundation
import PostgresNIO
import RelanceCore

/// A task's outcome written within the caller's transaction, as the SQLite store writes it:
/// what the decision says (`TaskOutcomeDecision`, shared by both stores), nothing decided here.
/// Used by the `TaskOutcomeStore` port and by the inbound port for outcomes emailed in.
extension PostgresStore {
    static func applyTaskOutcome(_ application: TaskOutcomeApplication, at time: Date, on connection: PostgresConnection,
                                 logger: Logger) async throws {
        let request = application.request
        let id = request.taskID
        let creditor = application.creditor
        let customer = application.customerID
        // Locked: a second daemon closing it meanwhile waits, then finds it closed and is refused.
        let rows = try await connection.liveQuery("SELECT state, outcome, outcome_detail::text FROM task WHERE id = \(id) FOR UPDATE",
                                               logger: logger)
        var found: (String, String?, String)?
        for try await row in rows.decode((String, String?, String).self) { found = row }
        let closedBy = found.flatMap { row in row.1.flatMap { TaskOutcome(code: $0, parameters: storedParameters(row.2)) } }
        // Read once the task is locked: a second daemon resolving the same dispute finds it resolved.
        var stillDisputed: Set<Int64> = []
        if !application.resolvedDisputeInvoiceIDs.isEmpty {
            for try await invoice in try await connection.liveQuery("""
                SELECT id FROM invoice WHERE disputed_since IS NOT NULL AND id = ANY(\(application.resolvedDisputeInvoiceIDs))
                """, logger: logger).decode(Int64.self) { stillDisputed.insert(invoice) }
        }
        if let refusal = application.refusal(current: found.map { WorkTask.State(rawValue: $0.0) ?? .done }, closedBy: closedBy,
                                             stillDisputed: stillDisputed, words: try await wording(of: creditor.rawValue, on: connection, logger: logger)) {
            throw refusal
        }
        let outcome = request.outcome
        let parameters = detailJSON(outcome.parameters)
        try await connection.liveQuery("""
            INSERT INTO task_outcome (task_id, outcome, parameters, recorded_by, channel, inbound_id, recorded_at)
            VALUES (\(id), \(outcome.code), \(parameters)::jsonb, \(String(request.recordedBy.prefix(254))), \(request.channel.rawValue),
                    \(request.inboundID), \(time))
            """, logger: logger)
        if let promise = application.promise, let customer {
            try await holdCustomer(customer, kind: .promise, until: promise.until, reason: promise.reason, at: time, on: connection, logger: logger)
        }
        for invoice in application.resolvedDisputeInvoiceIDs {
            try await clearDispute(invoiceID: invoice, reason: application.disputeEndReason, at: time, on: connection, logger: logger)
        }
        for invoice in application.disputedInvoiceIDs {
            try await markDisputed(invoiceID: invoice, reason: application.disputeReason, at: time, on: connection, logger: logger)
        }
        if let claim = application.paymentClaim {
            for invoice in claim.invoiceIDs {
                try await connection.liveQuery("""
                    UPDATE payment_claim SET resolved_at = \(time), resolution = 'cancelled' WHERE invoice_id = \(invoice) AND resolved_at IS NULL
                    """, logger: logger)
                try await connection.liveQuery("""
                    INSERT INTO payment_claim (invoice_id, task_id, paid_on, means, wait_until, created_at)
                    VALUES (\(invoice), \(id), \(claim.paidOn?.iso8601)::date, \(claim.means), \(claim.waitUntil.iso8601)::date, \(time))
                    """, logger: logger)
            }
        }
        if application.resolvesPaymentClaims {
            try await connection.liveQuery("""
                UPDATE payment_claim SET resolved_at = \(time), resolution = 'checked'
                WHERE resolved_at IS NULL AND invoice_id IN (SELECT invoice_id FROM task_invoice WHERE task_id = \(id))
                """, logger: logger)
        }
        if let customer {
            for phone in application.invalidPhones {
                try await connection.liveQuery("""
                    INSERT INTO invalid_phone (customer_id, phone, task_id, since) VALUES (\(customer), \(phone), \(id), \(time))
                    ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
            if let address = application.newAddress {
                // Until the next contacts file, which replaces the customer's addresses.
                try await addCorrectedAddress(address, customer: customer, creditor: creditor, reason: application.newAddressReason,
                                              at: time, on: connection, logger: logger)
            }
        }
        for (key, value) in application.detailUpdates.sorted(by: { $0.key < $1.key }) {
            try await connection.liveQuery("UPDATE task SET detail = detail || jsonb_build_object(\(key)::text, \(value)::text) WHERE id = \(id)",
                                       logger: logger)
        }
        if let attempts = application.attempts {
            try await connection.liveQuery("""
                UPDATE task SET attempts = \(Int64(attempts)), retry_on = \(application.retryOn?.iso8601)::date WHERE id = \(id)
                """, logger: logger)
        }
        if let closedState = application.closedState {
            let posting = application.posting
            try await connection.liveQuery("""
                UPDATE task SET state = \(closedState.rawValue), outcome = \(outcome.code), outcome_detail = \(parameters)::jsonb,
                                closed_at = \(time), posted_on = \(posting?.postedOn.iso8601)::date,
                                tracking_number = \(posting?.trackingNumber), acknowledged_on = \(posting?.acknowledgedOn?.iso8601)::date
                WHERE id = \(id)
                """, logger: logger)
        }
        try await append(application.journalEvent(at: time), on: connection, logger: logger)
    }

    /// An outcome's or a detail's stored JSON object, as text values.
    static func storedParameters(_ json: String?) -> [String: String] {
        json.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
    }
}
