import Foundation
import GRDB
import RelanceCore

/// Writes a customer's addresses of one role. Only valid addresses are stored (the schema
/// refuses control characters anyway); each invalid one is recorded as an event, with where
/// it was read, so the accountant can fix the source.
struct CustomerEmails {
    let db: Database
    let creditor: CreditorID
    let time: Date
    let importID: Int64

    enum Mode { case replace, addWhenNone }

    /// Returns whether the stored addresses changed.
    @discardableResult
    func write(_ raw: [String], role: String, customerID: Int64, customerName: String, position: String,
               mode: Mode) throws -> Bool {
        var valid: [String] = []
        for text in raw {
            switch EmailAddress.parse(text) {
            case .success(let address): if !valid.contains(address.value) { valid.append(address.value) }
            case .failure(let problem):
                try AppDatabase.append(NewEvent(
                    time: time, kind: "customer.email-invalid", creditor: creditor, customerID: customerID, importID: importID,
                    summary: "Address \(SnapshotApplier.printable(text)) of customer \(customerName) was not kept: \(problem).",
                    detail: ["position": position, "role": role]), in: db)
            }
        }
        let current = try String.fetchAll(db, sql: "SELECT address FROM customer_email WHERE customer_id = ? AND role = ? ORDER BY address",
                                          arguments: [customerID, role])
        let wanted = valid.sorted()
        switch mode {
        case .addWhenNone: guard current.isEmpty, !wanted.isEmpty else { return false }
        case .replace: guard current != wanted else { return false }
        }
        try db.execute(sql: "DELETE FROM customer_email WHERE customer_id = ? AND role = ?", arguments: [customerID, role])
        for address in wanted {
            // An address listed as `to` is not repeated in `cc` (primary key: customer and address).
            try db.execute(sql: "INSERT OR IGNORE INTO customer_email (customer_id, address, role) VALUES (?, ?, ?)",
                           arguments: [customerID, address, role])
        }
        let before = current.isEmpty ? "none" : current.joined(separator: ", ")
        let after = wanted.isEmpty ? "none" : wanted.joined(separator: ", ")
        try AppDatabase.append(NewEvent(
            time: time, kind: current.isEmpty ? "customer.email-added" : "customer.email-changed", creditor: creditor,
            customerID: customerID, importID: importID,
            summary: "Addresses (\(role)) of customer \(customerName) changed from \(before) to \(after)."), in: db)
        return true
    }
}
