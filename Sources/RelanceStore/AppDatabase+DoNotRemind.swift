public import Foundation
import GRDB
public import RelanceCore

/// A person's do-not-remind (`customer_do_not_remind`, v12-console-review): one statement each
/// for the console's customer page and `relance customer … --do-not-remind`, journaled in the
/// creditor's language with who did it. Contacts imports never touch this table.
extension AppDatabase: DoNotRemindStore {
    public func setDoNotRemind(customerID: Int64, reason: String, by person: String, at time: Date) async throws {
        guard let reason = PersonDoNotRemind.validReason(reason) else {
            throw StoreError(.invalidInput, """
                a do-not-remind needs a reason on one line, 1 to \(PersonDoNotRemind.maximumReasonLength) characters
                """)
        }
        try await writer.write { db in
            let (creditor, code) = try Self.customerIdentity(customerID, in: db)
            try db.execute(sql: """
                INSERT INTO customer_do_not_remind (customer_id, reason, set_by, set_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at
                """, arguments: [customerID, reason, person, time])
            try Self.append(NewEvent(time: time, kind: "customer.do-not-remind", creditor: creditor, customerID: customerID,
                                     summary: try Self.wording(of: creditor.rawValue, in: db).doNotRemindSet(customer: code, reason: reason, by: person),
                                     detail: ["by": person, "reason": reason]), in: db)
        }
    }

    public func removeDoNotRemind(customerID: Int64, by person: String, at time: Date) async throws {
        try await writer.write { db in
            let (creditor, code) = try Self.customerIdentity(customerID, in: db)
            guard let reason = try String.fetchOne(db, sql: "SELECT reason FROM customer_do_not_remind WHERE customer_id = ?",
                                                   arguments: [customerID]) else {
                throw StoreError(.notFound, "customer \(code) has no do-not-remind set by a person")
            }
            try db.execute(sql: "DELETE FROM customer_do_not_remind WHERE customer_id = ?", arguments: [customerID])
            try Self.append(NewEvent(time: time, kind: "customer.do-not-remind-removed", creditor: creditor, customerID: customerID,
                                     summary: try Self.wording(of: creditor.rawValue, in: db).doNotRemindRemoved(customer: code, reason: reason, by: person),
                                     detail: ["by": person]), in: db)
        }
    }

    public func doNotRemind(customerID: Int64) async throws -> PersonDoNotRemind? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT reason, set_by, set_at FROM customer_do_not_remind WHERE customer_id = ?",
                             arguments: [customerID]).map { PersonDoNotRemind(reason: $0["reason"], setBy: $0["set_by"], setAt: $0["set_at"]) }
        }
    }

    private static func customerIdentity(_ customerID: Int64, in db: Database) throws -> (CreditorID, String) {
        guard let row = try Row.fetchOne(db, sql: "SELECT creditor_id, external_id FROM customer WHERE id = ?", arguments: [customerID]),
              let creditor = CreditorID(row["creditor_id"] as String) else {
            throw StoreError(.notFound, "customer #\(customerID) does not exist")
        }
        return (creditor, row["external_id"])
    }
}
