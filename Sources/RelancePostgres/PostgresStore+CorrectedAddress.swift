public import Foundation
import PostgresNIO
public import RelanceCore

/// A person's corrected address for a customer (the console's customer page), as SQLite's: the
/// address kept as the customer's, no longer marked invalid, and the journal's line.
extension PostgresStore: CorrectedAddressStore {
    public func addCorrectedAddress(_ address: EmailAddress, toCustomer customerID: Int64, by person: String, at time: Date) async throws {
        try await transaction { connection in
            var found: CreditorID?
            for try await creditor in try await connection.liveQuery("SELECT creditor_id FROM customer WHERE id = \(customerID)",
                                                                 logger: logger).decode(String.self) {
                found = CreditorID(creditor)
            }
            guard let creditor = found else {
                throw PostgresStoreError(.notFound, "customer #\(customerID) does not exist", context: ["customer": "\(customerID)"])
            }
            let words = try await Self.wording(of: creditor.rawValue, on: connection, logger: logger)
            try await Self.addCorrectedAddress(address, customer: customerID, creditor: creditor,
                                               reason: words.addressGivenAsRight(by: person, taskID: nil), at: time,
                                               on: connection, logger: logger)
            try await Self.append(NewEvent(time: time, kind: "customer.address-corrected", creditor: creditor, customerID: customerID,
                                           summary: words.addressCorrected(address.value, by: person),
                                           detail: ["by": person, "address": address.value]), on: connection, logger: logger)
        }
    }
}
