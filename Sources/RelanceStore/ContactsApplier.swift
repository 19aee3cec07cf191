import Foundation
import GRDB
import RelanceCore

/// Applies a contacts file inside the caller's write transaction: customers created or
/// updated field by field as `ContactsProfileDecision` decides (shared with PostgreSQL), each
/// change an event, addresses validated, and the `identify-customer` tasks a usable contact
/// answers closed.
struct ContactsApplier {
    let db: Database
    let file: ImportedFile
    let profiles: [CustomerProfile]
    let time: Date

    private var creditor: String { file.creditor.rawValue }
    private func words() throws -> any Wording { try AppDatabase.wording(of: creditor, in: db) }

    func apply() throws -> ImportReceipt {
        if let existing = try Int64.fetchOne(db, sql: """
            SELECT id FROM import WHERE creditor_id = ? AND sha256 = ? AND status IN ('applied', 'held')
            """, arguments: [creditor, file.sha256]) {
            try event("import.duplicate", importID: existing, try words().importDuplicate(file: file.fileName, of: existing, held: false))
            return ImportReceipt(importID: existing, outcome: .duplicate)
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM creditor WHERE id = ?", arguments: [creditor]) == true else {
            throw StoreError(.unknownCreditor, "creditor \(creditor) is not registered")
        }
        try db.execute(sql: """
            INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, item_count, imported_at)
            VALUES (?, ?, ?, ?, ?, 'applied', ?, ?)
            """, arguments: [creditor, file.fileName, file.sha256, file.byteCount, file.kind, profiles.count, time])
        let importID = db.lastInsertedRowID
        var receipt = ImportReceipt(importID: importID, outcome: .applied)
        for profile in profiles where !profile.externalID.isEmpty {
            if try applyProfile(profile, importID: importID) { receipt.newCustomers += 1 } else { receipt.updatedCustomers += 1 }
        }
        try event("import.applied", importID: importID,
                  try words().contactsImported(file: file.fileName, new: receipt.newCustomers, known: receipt.updatedCustomers),
                  detail: ["sha256": file.sha256])
        for (summary, detail) in ImportWarningEvents.events(of: file, words: try words()) { try event("import.warning", importID: importID, summary, detail: detail) }
        return receipt
    }

    /// Returns whether the customer is new.
    private func applyProfile(_ profile: CustomerProfile, importID: Int64) throws -> Bool {
        let row = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE creditor_id = ? AND external_id = ?",
                                   arguments: [creditor, profile.externalID])
        let customerID: Int64
        if let row {
            customerID = row["id"]
        } else {
            try db.execute(sql: "INSERT INTO customer (creditor_id, external_id, created_at) VALUES (?, ?, ?)",
                           arguments: [creditor, profile.externalID, time])
            customerID = db.lastInsertedRowID
        }
        let stored = row.map { row in
            (values: Dictionary(uniqueKeysWithValues: ContactsProfileDecision.columns(of: profile).map { ($0.column, Self.stored(row[$0.column])) }),
             needsIdentification: row["needs_identification"] as Bool)
        }
        let decision = ContactsProfileDecision(profile, stored: stored, customerID: customerID, file: file, importID: importID, time: time,
                                               words: try words())
        for column in decision.writes {
            let value: (any DatabaseValueConvertible)? = switch column.value {
            case .text(let text): text
            case .flag(let flag): flag
            }
            try db.execute(sql: "UPDATE customer SET \(column.column) = ? WHERE id = ?", arguments: [value, customerID])
        }
        if decision.identifies {
            try db.execute(sql: "UPDATE customer SET needs_identification = 0 WHERE id = ?", arguments: [customerID])
        }
        if let event = decision.event { try AppDatabase.append(event, in: db) }
        let isNew = row == nil
        let emails = CustomerEmails(db: db, creditor: file.creditor, time: time, importID: importID)
        let position = profile.source ?? file.fileName
        if !profile.notInFile.contains(.emailsTo) {
            try emails.write(profile.emailsTo, role: "to", customerID: customerID, customerName: profile.externalID, position: position, mode: .replace)
        }
        if !profile.notInFile.contains(.emailsCc) {
            try emails.write(profile.emailsCc, role: "cc", customerID: customerID, customerName: profile.externalID, position: position, mode: .replace)
        }
        try closeAnsweredTasks(customerID: customerID, importID: importID)
        return isNew
    }

    /// The value as stored, as text: a string as it is, a number or flag as its digits.
    private static func stored(_ value: (any DatabaseValueConvertible)?) -> String? {
        guard let value else { return nil }
        let dbValue = value.databaseValue
        return dbValue.isNull ? nil : String.fromDatabaseValue(dbValue) ?? dbValue.description
    }

    /// A customer that now has an address or a phone no longer needs a person to find one.
    private func closeAnsweredTasks(customerID: Int64, importID: Int64) throws {
        let usable = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM customer_email WHERE customer_id = ?1 AND role = 'to')
                OR (SELECT phones <> '[]' FROM customer WHERE id = ?1)
            """, arguments: [customerID]) ?? false
        guard usable else { return }
        let open = try Int64.fetchAll(db, sql: """
            SELECT id FROM task WHERE customer_id = ? AND kind = 'identify-customer' AND state = 'open'
            """, arguments: [customerID])
        for id in open {
            try db.execute(sql: """
                UPDATE task SET state = 'done', outcome = 'done', outcome_detail = ?, closed_at = ? WHERE id = ?
                """, arguments: [ContactsProfileDecision.answeredNote(file: file), time, id])
            try event("task.closed", customerID: customerID, importID: importID,
                      try words().taskAnsweredByContacts(id: id, file: file.fileName),
                      detail: ["task": String(id)])
        }
    }

    private func event(_ kind: String, customerID: Int64? = nil, importID: Int64, _ summary: String,
                       detail: [String: String] = [:]) throws {
        try AppDatabase.append(NewEvent(time: time, kind: kind, creditor: file.creditor, customerID: customerID,
                                        importID: importID, summary: summary, detail: detail), in: db)
    }
}
