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
    /// Where the events go: the import's own batched journal writes when given (an export
    /// sets the addresses of every customer, tens of thousands in one file), else one INSERT each.
    let journal: ((NewEvent) throws -> Void)?
    /// The creditor's words when the caller already has them (an import writes the addresses of
    /// tens of thousands of customers: one query for the language each time cost more than the INSERT).
    let words: (any Wording)?

    init(db: Database, creditor: CreditorID, time: Date, importID: Int64, journal: ((NewEvent) throws -> Void)? = nil,
         words: (any Wording)? = nil) {
        self.db = db
        self.creditor = creditor
        self.time = time
        self.importID = importID
        self.journal = journal
        self.words = words
    }

    enum Mode { case replace, addWhenNone }

    /// Returns whether the stored addresses changed. `storedNone`: the caller knows the customer
    /// has no address of this role in the store (it has no usable contact yet), so none is read.
    @discardableResult
    func write(_ raw: [String], role: String, customerID: Int64, customerName: String, position: String,
               mode: Mode, storedNone: Bool = false) throws -> Bool {
        var valid: [String] = []
        for text in raw {
            switch EmailAddress.parse(text) {
            case .success(let address): if !valid.contains(address.value) { valid.append(address.value) }
            case .failure(let problem):
                try record(NewEvent(
                    time: time, kind: "customer.email-invalid", creditor: creditor, customerID: customerID, importID: importID,
                    summary: try (words ?? AppDatabase.wording(of: creditor.rawValue, in: db))
                        .addressNotKept(text, customer: customerName, problem: problem),
                    detail: ["position": position, "role": role]))
            }
        }
        // Cached statements: an import runs these once per customer.
        let current = storedNone ? [] : try String.fetchAll(
            db.cachedStatement(sql: "SELECT address FROM customer_email WHERE customer_id = ? AND role = ? ORDER BY address"),
            arguments: [customerID, role])
        let wanted = valid.sorted()
        switch mode {
        case .addWhenNone: guard current.isEmpty, !wanted.isEmpty else { return false }
        case .replace: guard current != wanted else { return false }
        }
        if !current.isEmpty {
            try db.cachedStatement(sql: "DELETE FROM customer_email WHERE customer_id = ? AND role = ?")
                .execute(arguments: [customerID, role])
        }
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO customer_email (customer_id, address, role) VALUES (?, ?, ?)")
        for address in wanted {
            // An address listed as `to` is not repeated in `cc` (primary key: customer and address).
            try insert.execute(arguments: [customerID, address, role])
        }
        let words = try self.words ?? AppDatabase.wording(of: creditor.rawValue, in: db)
        try record(NewEvent(
            time: time, kind: current.isEmpty ? "customer.email-added" : "customer.email-changed", creditor: creditor,
            customerID: customerID, importID: importID,
            summary: words.customerAddressesChanged(role: role, customer: customerName, before: Array(current), after: Array(wanted))))
        return true
    }

    private func record(_ event: NewEvent) throws {
        if let journal { try journal(event) } else { try AppDatabase.append(event, in: db) }
    }
}
