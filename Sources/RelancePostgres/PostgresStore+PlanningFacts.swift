import Foundation
import PostgresNIO
public import RelanceCore

/// What the planner knows of a creditor's customers beyond their invoices, read in one snapshot
/// (a plan must not see a message sent after it read the customers, nor the reverse).
extension PostgresStore: PlanningFactsStore {
    public func planningFacts(of creditor: CreditorID) async throws -> StoredPlanningFacts {
        let id = creditor.rawValue
        return try await readSnapshot { connection in
            var latest: CivilDate?
            for try await day in try await connection.liveQuery("""
                SELECT max(as_of)::text FROM import WHERE creditor_id = \(id) AND status = 'applied' AND authoritative
                """, logger: logger).decode(String?.self) { latest = day.flatMap(CivilDate.init(iso8601:)) }

            // The day a message reached the customer (sent after a retry counts from its sending),
            // as SQLite counts it: the UTC day of `sent_at`.
            var lastContacts: [Int64: CivilDate] = [:]
            for try await (customer, day) in try await connection.liveQuery("""
                SELECT customer_id, max(greatest(planned_on, COALESCE((sent_at AT TIME ZONE 'UTC')::date, planned_on)))::text
                FROM message WHERE creditor_id = \(id) AND state NOT IN ('cancelled', 'failed') GROUP BY customer_id
                """, logger: logger).decode((Int64, String).self) {
                if let day = CivilDate(iso8601: day) { lastContacts[customer] = day }
            }
            var pending: Set<Int64> = []
            for try await customer in try await connection.liveQuery("""
                SELECT DISTINCT customer_id FROM message
                WHERE creditor_id = \(id) AND state IN ('awaiting-approval', 'queued', 'retry', 'sending', 'held')
                """, logger: logger).decode(Int64.self) { pending.insert(customer) }

            // A buyer nobody identified yet (v5-intake) is never reminded, by any channel.
            var profiles: [Int64: StoredCustomerProfile] = [:]
            for try await (customer, doNotRemind, phones, address, policy, initialStep, lastManual) in try await connection.liveQuery("""
                SELECT id, do_not_remind OR needs_identification,
                       ARRAY(SELECT jsonb_array_elements_text(phones)), postal_address, policy, initial_step, last_manual_contact_on::text
                FROM customer WHERE creditor_id = \(id)
                """, logger: logger).decode((Int64, Bool, [String], String?, String?, String?, String?).self) {
                profiles[customer] = StoredCustomerProfile(
                    doNotRemind: doNotRemind, phones: phones, postalAddress: address.map { $0.split(separator: "\n").map(String.init) } ?? [],
                    policy: policy, initialStep: initialStep, lastManualContact: lastManual.flatMap(CivilDate.init(iso8601:)))
            }
            var facts = StoredPlanningFacts(latestAuthoritativeSnapshot: latest, lastContacts: lastContacts, profiles: profiles,
                                            pendingMessages: pending)
            for try await (customer, phone) in try await connection.liveQuery("""
                SELECT p.customer_id, p.phone FROM invalid_phone p JOIN customer c ON c.id = p.customer_id WHERE c.creditor_id = \(id)
                """, logger: logger).decode((Int64, String).self) {
                facts.invalidPhones[customer, default: []].insert(phone)
            }
            for try await (invoice, paidOn, means, waitUntil) in try await connection.liveQuery("""
                SELECT p.invoice_id, p.paid_on::text, p.means, p.wait_until::text FROM payment_claim p JOIN invoice i ON i.id = p.invoice_id
                WHERE i.creditor_id = \(id) AND i.status = 'open' AND p.resolved_at IS NULL
                """, logger: logger).decode((Int64, String?, String?, String).self) {
                guard let until = CivilDate(iso8601: waitUntil) else { continue }
                facts.paymentClaims[invoice] = PaymentClaimHold(paidOn: paidOn.flatMap(CivilDate.init(iso8601:)), means: means, waitUntil: until)
            }
            for try await (customer, reason, setBy, setAt) in try await connection.liveQuery("""
                SELECT d.customer_id, d.reason, d.set_by, d.set_at FROM customer_do_not_remind d JOIN customer c ON c.id = d.customer_id
                WHERE c.creditor_id = \(id)
                """, logger: logger).decode((Int64, String, String, Date).self) {
                facts.personDoNotRemind[customer] = PersonDoNotRemind(reason: reason, setBy: setBy, setAt: setAt)
            }
            return facts
        }
    }
}
