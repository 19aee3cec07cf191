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
            for row in try Row.fetchAll(db, sql: """
                SELECT customer_id, MAX(MAX(planned_on, COALESCE(substr(sent_at, 1, 10), planned_on))) AS day FROM message
                WHERE creditor_id = ? AND state NOT IN ('cancelled', 'failed') GROUP BY customer_id
                """, arguments: [creditor.rawValue]) {
                if let day = CivilDate(iso8601: row["day"] as String) { lastContacts[row["customer_id"]] = day }
            }
            let pending = Set(try Int64.fetchAll(db, sql: """
                SELECT DISTINCT customer_id FROM message WHERE creditor_id = ? AND state IN ('queued', 'retry', 'sending', 'held')
                """, arguments: [creditor.rawValue]))
            // A buyer nobody identified yet (v5-intake) is never reminded, by any channel.
            var profiles: [Int64: StoredCustomerProfile] = [:]
            let decoder = JSONDecoder()
            for row in try Row.fetchAll(db, sql: """
                SELECT id, do_not_remind OR needs_identification AS do_not_remind, phones, postal_address, policy, initial_step,
                       last_manual_contact_on
                FROM customer WHERE creditor_id = ?
                """, arguments: [creditor.rawValue]) {
                // Most customers have no phone ('[]'): skip the decoder for them, and share one for the rest.
                let phonesText: String = row["phones"]
                let phones = phonesText == "[]" ? [] : (try? decoder.decode([String].self, from: Data(phonesText.utf8))) ?? []
                let address = (row["postal_address"] as String?).map { $0.split(separator: "\n").map(String.init) } ?? []
                profiles[row["id"]] = StoredCustomerProfile(
                    doNotRemind: row["do_not_remind"], phones: phones, postalAddress: address, policy: row["policy"],
                    initialStep: row["initial_step"],
                    lastManualContact: (row["last_manual_contact_on"] as String?).flatMap { CivilDate(iso8601: $0) })
            }
            return StoredPlanningFacts(latestAuthoritativeSnapshot: latest, lastContacts: lastContacts, profiles: profiles,
                                       pendingMessages: pending)
        }
    }
}
