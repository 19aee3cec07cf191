public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: CorrectedAddressStore {
    public func addCorrectedAddress(_ address: EmailAddress, toCustomer customerID: Int64, by person: String, at time: Date) async throws {
        try await writer.write { db in
            guard let creditor = try String.fetchOne(db, sql: "SELECT creditor_id FROM customer WHERE id = ?", arguments: [customerID])
                .flatMap(CreditorID.init) else {
                throw StoreError(.notFound, "customer #\(customerID) does not exist")
            }
            let words = try Self.wording(of: creditor.rawValue, in: db)
            try Self.addCorrectedAddress(address, customer: customerID, creditor: creditor, reason: words.addressGivenAsRight(by: person, taskID: nil),
                                         at: time, in: db)
            try Self.append(NewEvent(time: time, kind: "customer.address-corrected", creditor: creditor, customerID: customerID,
                                     summary: words.addressCorrected(address.value, by: person),
                                     detail: ["by": person, "address": address.value]), in: db)
        }
    }

    static func addCorrectedAddress(_ address: EmailAddress, customer: Int64, creditor: CreditorID, reason: String, at time: Date, in db: Database) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO customer_email (customer_id, address, role) VALUES (?, ?, 'to')",
                       arguments: [customer, address.value])
        try db.execute(sql: """
            UPDATE invalid_address SET cleared_at = ?, clear_reason = ? WHERE creditor_id = ? AND address = ? AND cleared_at IS NULL
            """, arguments: [time, reason, creditor.rawValue, address.value])
    }
}
