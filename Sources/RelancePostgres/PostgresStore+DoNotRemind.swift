public import Foundation
import PostgresNIO
public import RelanceCore

/// A person's do-not-remind on PostgreSQL, as on SQLite: one row per customer, set or replaced,
/// removed, each journaled in the creditor's language with who did it. Contacts imports never touch it.
extension PostgresStore: DoNotRemindStore {
    public func setDoNotRemind(customerID: Int64, reason: String, by person: String, at time: Date) async throws {
        guard let reason = PersonDoNotRemind.validReason(reason) else {
            throw PostgresStoreError(.invalidInput, """
                a do-not-remind needs a reason on one line, 1 to \(PersonDoNotRemind.maximumReasonLength) characters
                """, context: ["customer": String(customerID)])
        }
        try await transaction { connection in
            let (creditor, code) = try await Self.customerIdentity(customerID, on: connection, logger: logger)
            try await connection.liveQuery("""
                INSERT INTO customer_do_not_remind (customer_id, reason, set_by, set_at) VALUES (\(customerID), \(reason), \(person), \(time))
                ON CONFLICT (customer_id) DO UPDATE SET reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at
                """, logger: logger)
            try await Self.append(NewEvent(time: time, kind: "customer.do-not-remind", creditor: creditor, customerID: customerID,
                                           summary: try await Self.wording(of: creditor.rawValue, on: connection, logger: logger)
                                               .doNotRemindSet(customer: code, reason: reason, by: person),
                                           detail: ["by": person, "reason": reason]), on: connection, logger: logger)
        }
    }

    public func removeDoNotRemind(customerID: Int64, by person: String, at time: Date) async throws {
        try await transaction { connection in
            let (creditor, code) = try await Self.customerIdentity(customerID, on: connection, logger: logger)
            let rows = try await connection.liveQuery("DELETE FROM customer_do_not_remind WHERE customer_id = \(customerID) RETURNING reason",
                                                   logger: logger)
            var removed: String?
            for try await reason in rows.decode(String.self) { removed = reason }
            guard let reason = removed else {
                throw PostgresStoreError(.notFound, "customer \(code) has no do-not-remind set by a person", context: ["customer": code])
            }
            try await Self.append(NewEvent(time: time, kind: "customer.do-not-remind-removed", creditor: creditor, customerID: customerID,
                                           summary: try await Self.wording(of: creditor.rawValue, on: connection, logger: logger)
                                               .doNotRemindRemoved(customer: code, reason: reason, by: person),
                                           detail: ["by": person]), on: connection, logger: logger)
        }
    }

    public func doNotRemind(customerID: Int64) async throws -> PersonDoNotRemind? {
        try await connection { connection in
            let rows = try await connection.liveQuery("""
                SELECT reason, set_by, set_at FROM customer_do_not_remind WHERE customer_id = \(customerID)
                """, logger: logger)
            for try await (reason, by, at) in rows.decode((String, String, Date).self) {
                return PersonDoNotRemind(reason: reason, setBy: by, setAt: at)
            }
            return nil
        }
    }

    /// The customer's creditor and code; `.notFound` when there is no such customer.
    static func customerIdentity(_ customerID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> (CreditorID, String) {
        let rows = try await connection.liveQuery("SELECT creditor_id, external_id FROM customer WHERE id = \(customerID)", logger: logger)
        for try await (creditor, code) in rows.decode((String, String).self) {
            if let creditor = CreditorID(creditor) { return (creditor, code) }
        }
        throw PostgresStoreError(.notFound, "customer #\(customerID) does not exist", context: ["customer": String(customerID)])
    }
}
