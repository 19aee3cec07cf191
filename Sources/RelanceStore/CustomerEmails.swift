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

    typealias Mode = CustomerEmailsDecision.Mode

    /// Returns whether the stored addresses changed. `storedNone`: the caller knows the customer
    /// has no address of this role in the store (it has no usable contact yet), so none is read.
    @discardableResult
    func write(_ raw: [String], role: String, customerID: Int64, customerName: String, position: String,
               mode: Mode, storedNone: Bool = false) throws -> Bool {
        // Cached statements: an import runs these once per customer.
        let current = storedNone ? [] : try String.fetchAll(
            db.cachedStatement(sql: "SELECT address FROM customer_email WHERE customer_id = ? AND role = ? ORDER BY address"),
            arguments: [customerID, role])
        let decision = CustomerEmailsDecision(raw, current: current, role: role, customerID: customerID, customerName: customerName,
                                              position: position, mode: mode, creditor: creditor, importID: importID, time: time,
                                              words: try words ?? AppDatabase.wording(of: creditor.rawValue, in: db))
        for event in decision.invalidEvents { try record(event) }
        guard let wanted = decision.replacement, let change = decision.changeEvent else { return false }
        if !current.isEmpty {
            try db.cachedStatement(sql: "DELETE FROM customer_email WHERE customer_id = ? AND role = ?")
                .execute(arguments: [customerID, role])
        }
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO customer_email (customer_id, address, role) VALUES (?, ?, ?)")
        for address in wanted {
            // An address listed as `to` is not repeated in `cc` (primary key: customer and address).
            try insert.execute(arguments: [customerID, address, role])
        }
        try record(change)
        return true
    }

    private func record(_ event: NewEvent) throws {
        if let journal { try journal(event) } else { try AppDatabase.append(event, in: db) }
    }
}
