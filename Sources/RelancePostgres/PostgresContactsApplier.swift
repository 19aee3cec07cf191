import Foundation
import PostgresNIO
import RelanceCore

/// Applies a contacts file to the PostgreSQL book inside the caller's transaction, as SQLite's
/// `ContactsApplier` does: each customer created or updated as `ContactsProfileDecision`
/// decides, its addresses replaced as `CustomerEmailsDecision` decides, and the
/// `identify-customer` tasks a usable contact answers closed. The creditor's customers are read
/// once; a contacts file has a row per customer, written one customer at a time.
struct PostgresContactsApplier {
    let connection: PostgresConnection
    let logger: Logger
    let file: ImportedFile
    let time: Date
    let words: any Wording

    var creditor: String { file.creditor.rawValue }

    func apply(_ profiles: [CustomerProfile]) async throws -> ImportReceipt {
        for try await id in try await connection.liveQuery("""
            SELECT id FROM import WHERE creditor_id = \(creditor) AND sha256 = \(file.sha256) AND status IN ('applied', 'held')
            """, logger: logger).decode(Int64.self) {
            try await append("import.duplicate", importID: id, words.importDuplicate(file: file.fileName, of: id, held: false))
            return ImportReceipt(importID: id, outcome: .duplicate)
        }
        var known = false
        for try await _ in try await connection.liveQuery("SELECT 1 FROM creditor WHERE id = \(creditor)", logger: logger).decode(Int32.self) {
            known = true
        }
        guard known else {
            throw PostgresStoreError(.unknownCreditor, "creditor \(creditor) is not registered", context: ["creditor": creditor])
        }
        var importID: Int64 = 0
        for try await id in try await connection.liveQuery("""
            INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, item_count, imported_at)
            VALUES (\(creditor), \(file.fileName), \(file.sha256), \(Int64(file.byteCount)), \(file.kind), 'applied', \(Int64(profiles.count)), \(time))
            RETURNING id
            """, logger: logger).decode(Int64.self) { importID = id }
        var stored: [String: PostgresStore.CustomerRow] = [:]
        for row in try await PostgresStore.storedCustomers(of: creditor, on: connection, logger: logger) { stored[row.external_id] = row }
        var receipt = ImportReceipt(importID: importID, outcome: .applied)
        var codes: [String: Int] = [:]
        for profile in profiles { codes[profile.externalID, default: 0] += 1 }
        for profile in profiles where !profile.externalID.isEmpty {
            let (isNew, customerID) = try await applyProfile(profile, stored: stored[profile.externalID], importID: importID)
            if isNew { receipt.newCustomers += 1 } else { receipt.updatedCustomers += 1 }
            // A code listed twice: the second row sees what the first wrote.
            if codes[profile.externalID, default: 0] > 1,
               let row = try await PostgresStore.storedCustomers(id: customerID, on: connection, logger: logger).first {
                stored[profile.externalID] = row
            }
        }
        try await append("import.applied", importID: importID,
                         words.contactsImported(file: file.fileName, new: receipt.newCustomers, known: receipt.updatedCustomers),
                         detail: ["sha256": file.sha256])
        for (summary, detail) in ImportWarningEvents.events(of: file, words: words) {
            try await append("import.warning", importID: importID, summary, detail: detail)
        }
        return receipt
    }

    /// Returns whether the customer is new, and its id.
    private func applyProfile(_ profile: CustomerProfile, stored: PostgresStore.CustomerRow?,
                              importID: Int64) async throws -> (isNew: Bool, id: Int64) {
        var customerID = stored?.id ?? 0
        if stored == nil {
            for try await id in try await connection.liveQuery("""
                INSERT INTO customer (creditor_id, external_id, created_at) VALUES (\(creditor), \(profile.externalID), \(time)) RETURNING id
                """, logger: logger).decode(Int64.self) { customerID = id }
        }
        let decision = ContactsProfileDecision(profile, stored: stored.map { ($0.shown, $0.needs_identification) }, customerID: customerID,
                                               file: file, importID: importID, time: time, words: words)
        for column in decision.writes {
            switch (column.column, column.value) {
            case (_, .flag(let flag)):
                try await connection.liveQuery("UPDATE customer SET \(unescaped: column.column) = \(flag) WHERE id = \(customerID)", logger: logger)
            case ("phones", .text(let text)):
                try await connection.liveQuery("UPDATE customer SET phones = \(text ?? "[]")::jsonb WHERE id = \(customerID)", logger: logger)
            case ("last_manual_contact_on", .text(let text)):
                try await connection.liveQuery("UPDATE customer SET last_manual_contact_on = \(text)::date WHERE id = \(customerID)", logger: logger)
            case (_, .text(let text)):
                try await connection.liveQuery("UPDATE customer SET \(unescaped: column.column) = \(text) WHERE id = \(customerID)", logger: logger)
            }
        }
        if decision.identifies {
            try await connection.liveQuery("UPDATE customer SET needs_identification = false WHERE id = \(customerID)", logger: logger)
        }
        if let event = decision.event { try await PostgresStore.append(event, on: connection, logger: logger) }
        let position = profile.source ?? file.fileName
        for (role, field, addresses) in [("to", CustomerProfile.Field.emailsTo, profile.emailsTo), ("cc", .emailsCc, profile.emailsCc)]
        where !profile.notInFile.contains(field) {
            try await writeEmails(addresses, role: role, customerID: customerID, customerName: profile.externalID, position: position,
                                  importID: importID)
        }
        try await closeAnsweredTasks(customerID: customerID, importID: importID)
        return (stored == nil, customerID)
    }

    private func writeEmails(_ raw: [String], role: String, customerID: Int64, customerName: String, position: String,
                             importID: Int64) async throws {
        var current: [String] = []
        for try await address in try await connection.liveQuery("""
            SELECT address FROM customer_email WHERE customer_id = \(customerID) AND role = \(role)
            """, logger: logger).decode(String.self) { current.append(address) }
        current.sort()
        let decision = CustomerEmailsDecision(raw, current: current, role: role, customerID: customerID, customerName: customerName,
                                              position: position, mode: .replace, creditor: file.creditor, importID: importID, time: time,
                                              words: words)
        for event in decision.invalidEvents { try await PostgresStore.append(event, on: connection, logger: logger) }
        guard let wanted = decision.replacement, let change = decision.changeEvent else { return }
        try await connection.liveQuery("DELETE FROM customer_email WHERE customer_id = \(customerID) AND role = \(role)", logger: logger)
        for address in wanted {
            // An address listed as `to` is not repeated in `cc` (primary key: customer and address).
            try await connection.liveQuery("""
                INSERT INTO customer_email (customer_id, address, role) VALUES (\(customerID), \(address), \(role)) ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        try await PostgresStore.append(change, on: connection, logger: logger)
    }

    /// A customer that now has an address or a phone no longer needs a person to find one.
    private func closeAnsweredTasks(customerID: Int64, importID: Int64) async throws {
        var usable = false
        for try await found in try await connection.liveQuery("""
            SELECT EXISTS (SELECT 1 FROM customer_email WHERE customer_id = \(customerID) AND role = 'to')
                OR (SELECT phones <> '[]'::jsonb FROM customer WHERE id = \(customerID))
            """, logger: logger).decode(Bool?.self) { usable = found ?? false }
        guard usable else { return }
        var open: [Int64] = []
        for try await id in try await connection.liveQuery("""
            SELECT id FROM task WHERE customer_id = \(customerID) AND kind = 'identify-customer' AND state = 'open' ORDER BY id
            """, logger: logger).decode(Int64.self) { open.append(id) }
        for id in open {
            try await connection.liveQuery("""
                UPDATE task SET state = 'done', outcome = 'done', outcome_detail = \(ContactsProfileDecision.answeredNote(file: file))::jsonb,
                       closed_at = \(time)
                WHERE id = \(id)
                """, logger: logger)
            try await append("task.closed", customerID: customerID, importID: importID, words.taskAnsweredByContacts(id: id, file: file.fileName),
                             detail: ["task": String(id)])
        }
    }

    private func append(_ kind: String, customerID: Int64? = nil, importID: Int64, _ summary: String, detail: [String: String] = [:]) async throws {
        try await PostgresStore.append(NewEvent(time: time, kind: kind, creditor: file.creditor, customerID: customerID, importID: importID,
                                                summary: summary, detail: detail), on: connection, logger: logger)
    }
}
