import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: PlanningFactsStore {
    public func planningFacts(of creditor: CreditorID) async throws -> StoredPlanningFacts {
        try await writer.read { db in
            let latest = try String.fetchOne(db, sql: """
                SELECT MAX(as_of) FROM import WHERE creditor_id = ? AND status = 'applied' AND authoritative = 1
                """, arguments: [creditor.rawValue]).flatMap { CivilDate(iso8601: $0) }
            // The day a message reached the customer (sent after a retry counts from its sending).
            var lastContacts: [Int64: CivilDate] = [:]
            let contacts = try db.makeStatement(sql: """
                SELECT customer_id, MAX(MAX(planned_on, COALESCE(substr(sent_at, 1, 10), planned_on))) AS day FROM message
                WHERE creditor_id = ? AND state NOT IN ('cancelled', 'failed') GROUP BY customer_id
                """)
            let contactRows = try Row.fetchCursor(contacts, arguments: [creditor.rawValue])
            let contact = StatementColumns(contacts.sqliteStatement)
            while try contactRows.next() != nil {
                if let customerID = contact.int64(0), let day = contact.date(1) { lastContacts[customerID] = day }
            }
            let pending = Set(try Int64.fetchAll(db, sql: """
                SELECT DISTINCT customer_id FROM message WHERE creditor_id = ? AND state IN ('awaiting-approval', 'queued', 'retry', 'sending', 'held')
                """, arguments: [creditor.rawValue]))
            // A buyer nobody identified yet (v5-intake) is never reminded, by any channel.
            // Read by column index from the statement: one row per customer, 20,000 in benchmarks/plan.sh.
            var profiles: [Int64: StoredCustomerProfile] = [:]
            let decoder = JSONDecoder()
            let customers = try db.makeStatement(sql: """
                SELECT id, do_not_remind OR needs_identification AS do_not_remind, phones, postal_address, policy, initial_step,
                       last_manual_contact_on
                FROM customer WHERE creditor_id = ?
                """)
            let customerRows = try Row.fetchCursor(customers, arguments: [creditor.rawValue])
            let customer = StatementColumns(customers.sqliteStatement)
            while try customerRows.next() != nil {
                // Most customers have no phone ('[]'): skip the decoder for them, and share one for the rest.
                let phonesText = customer.string(2) ?? "[]"
                let phones = phonesText == "[]" ? [] : (try? decoder.decode([String].self, from: Data(phonesText.utf8))) ?? []
                let address = customer.string(3).map { $0.split(separator: "\n").map(String.init) } ?? []
                profiles[customer.int64(0) ?? 0] = StoredCustomerProfile(
                    doNotRemind: customer.int64(1).map { $0 != 0 } ?? false, phones: phones, postalAddress: address,
                    policy: customer.string(4), initialStep: customer.string(5), lastManualContact: customer.date(6))
            }
            var facts = StoredPlanningFacts(latestAuthoritativeSnapshot: latest, lastContacts: lastContacts, profiles: profiles,
                                            pendingMessages: pending)
            for row in try Row.fetchAll(db, sql: """
                SELECT p.customer_id, p.phone FROM invalid_phone p JOIN customer c ON c.id = p.customer_id WHERE c.creditor_id = ?
                """, arguments: [creditor.rawValue]) {
                facts.invalidPhones[row["customer_id"], default: []].insert(row["phone"])
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT p.invoice_id, p.paid_on, p.means, p.wait_until FROM payment_claim p JOIN invoice i ON i.id = p.invoice_id
                WHERE i.creditor_id = ? AND i.status = 'open' AND p.resolved_at IS NULL
                """, arguments: [creditor.rawValue]) {
                guard let until = CivilDate(iso8601: row["wait_until"] as String) else { continue }
                facts.paymentClaims[row["invoice_id"]] = PaymentClaimHold(
                    paidOn: (row["paid_on"] as String?).flatMap { CivilDate(iso8601: $0) }, means: row["means"], waitUntil: until)
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT d.customer_id, d.reason, d.set_by, d.set_at FROM customer_do_not_remind d JOIN customer c ON c.id = d.customer_id
                WHERE c.creditor_id = ?
                """, arguments: [creditor.rawValue]) {
                facts.personDoNotRemind[row["customer_id"]] = PersonDoNotRemind(reason: row["reason"], setBy: row["set_by"], setAt: row["set_at"])
            }
            return facts
        }
    }
}
