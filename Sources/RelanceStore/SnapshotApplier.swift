import Foundation
import GRDB
import RelanceCore

/// Applies one file's open items to the store inside the caller's write transaction.
///
/// The rules (issue #3, "Snapshots"): a file of the creditor's authoritative source is a full
/// picture as of its date, so an open invoice it no longer lists is settled; other files only
/// add and enrich. An older snapshot dropped late never undoes what a newer one decided.
struct SnapshotApplier {
    let db: Database
    let file: ImportedFile
    let snapshot: ReceivableSnapshot
    let time: Date

    private var creditor: String { file.creditor.rawValue }
    private var asOf: String { snapshot.asOf.iso8601 }

    func apply() throws -> ImportReceipt {
        if let existing = try Int64.fetchOne(db, sql: """
            SELECT id FROM import WHERE creditor_id = ? AND sha256 = ? AND status = 'applied'
            """, arguments: [creditor, file.sha256]) {
            try event("import.duplicate", importID: existing,
                      "File \(file.fileName) has the same content as import #\(existing): nothing changed.")
            return ImportReceipt(importID: existing, outcome: .duplicate)
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM creditor WHERE id = ?", arguments: [creditor]) == true else {
            throw StoreError(.unknownCreditor, "creditor \(creditor) is not registered")
        }
        try db.execute(sql: """
            INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, as_of, authoritative, item_count, imported_at)
            VALUES (?, ?, ?, ?, ?, 'applied', ?, ?, ?, ?)
            """, arguments: [creditor, file.fileName, file.sha256, file.byteCount, file.kind, asOf,
                             snapshot.isAuthoritative, snapshot.items.count, time])
        let importID = db.lastInsertedRowID
        var receipt = ImportReceipt(importID: importID, outcome: .applied)

        var customerIDs: [String: Int64] = [:]
        var seenNumbers = Set<String>()
        for item in Self.folded(snapshot.items) {
            let customerID: Int64
            if let known = customerIDs[item.customer] {
                customerID = known
            } else {
                let (id, isNew) = try upsertCustomer(item, importID: importID)
                customerIDs[item.customer] = id
                customerID = id
                if isNew { receipt.newCustomers += 1 }
            }
            seenNumbers.insert(item.invoice)
            switch try upsertInvoice(item, customerID: customerID, importID: importID) {
            case .inserted: receipt.newInvoices += 1
            case .updated: receipt.updatedInvoices += 1
            case .unchanged: receipt.unchangedInvoices += 1
            }
        }
        if snapshot.isAuthoritative {
            receipt.settledInvoices = try settleMissing(from: seenNumbers, importID: importID)
        }
        try event("import.applied", importID: importID, """
            Imported \(file.fileName) (\(file.kind), as of \(asOf)): \(receipt.newInvoices) new, \
            \(receipt.updatedInvoices) changed, \(receipt.settledInvoices) settled, \(receipt.unchangedInvoices) unchanged.
            """, detail: ["sha256": file.sha256, "authoritative": String(snapshot.isAuthoritative)])
        return receipt
    }

    /// Two lines with the same invoice number are one invoice (exports with a row per invoice line).
    static func folded(_ items: [OpenItem]) -> [OpenItem] {
        var order: [String] = []
        var byNumber: [String: OpenItem] = [:]
        for item in items {
            if var existing = byNumber[item.invoice], existing.open.currency == item.open.currency {
                existing.open.minorUnits += item.open.minorUnits
                if let total = item.total {
                    existing.total = Money(minorUnits: (existing.total?.minorUnits ?? 0) + total.minorUnits, currency: total.currency)
                }
                existing.emails += item.emails.filter { !existing.emails.contains($0) }
                byNumber[item.invoice] = existing
            } else if byNumber[item.invoice] == nil {
                order.append(item.invoice)
                byNumber[item.invoice] = item
            }
        }
        return order.compactMap { byNumber[$0] }
    }

    private func upsertCustomer(_ item: OpenItem, importID: Int64) throws -> (Int64, isNew: Bool) {
        let existing = try Row.fetchOne(db, sql: "SELECT id, name FROM customer WHERE creditor_id = ? AND external_id = ?",
                                        arguments: [creditor, item.customer])
        let id: Int64
        let isNew: Bool
        if let existing {
            id = existing["id"]
            isNew = false
            if let name = item.customerName, !name.isEmpty, name != existing["name"] {
                try db.execute(sql: "UPDATE customer SET name = ? WHERE id = ?", arguments: [name, id])
            }
        } else {
            try db.execute(sql: "INSERT INTO customer (creditor_id, external_id, name, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [creditor, item.customer, item.customerName, time])
            id = db.lastInsertedRowID
            isNew = true
        }
        try replaceEmails(of: id, with: item, importID: importID)
        return (id, isNew)
    }

    /// The addresses a file lists replace the customer's previous ones; invalid ones are
    /// recorded and skipped (the customer then has no usable address, which the planner reports).
    private func replaceEmails(of customerID: Int64, with item: OpenItem, importID: Int64) throws {
        guard !item.emails.isEmpty else { return }
        var valid: [EmailAddress] = []
        for raw in item.emails {
            switch EmailAddress.parse(raw) {
            case .success(let address): if !valid.contains(address) { valid.append(address) }
            case .failure(let problem):
                try event("customer.email-invalid", customerID: customerID, importID: importID,
                          "Address \(Self.printable(raw)) of customer \(item.customer) was not kept: \(problem).",
                          detail: ["position": item.source?.description ?? file.fileName])
            }
        }
        guard !valid.isEmpty else { return }
        let current = try String.fetchAll(db, sql: "SELECT address FROM customer_email WHERE customer_id = ? AND role = 'to' ORDER BY address",
                                          arguments: [customerID])
        let wanted = valid.map(\.value).sorted()
        guard current != wanted else { return }
        try db.execute(sql: "DELETE FROM customer_email WHERE customer_id = ? AND role = 'to'", arguments: [customerID])
        for address in wanted {
            try db.execute(sql: "INSERT OR IGNORE INTO customer_email (customer_id, address, role) VALUES (?, ?, 'to')",
                           arguments: [customerID, address])
        }
        if !current.isEmpty {
            try event("customer.email-changed", customerID: customerID, importID: importID,
                      "Addresses of customer \(item.customer) changed from \(current.joined(separator: ", ")) to \(wanted.joined(separator: ", ")).")
        }
    }

    private enum InvoiceChange { case inserted, updated, unchanged }

    private func upsertInvoice(_ item: OpenItem, customerID: Int64, importID: Int64) throws -> InvoiceChange {
        let row = try Row.fetchOne(db, sql: """
            SELECT id, customer_id, currency, open_minor, due_on, status, seen_as_of FROM invoice WHERE creditor_id = ? AND number = ?
            """, arguments: [creditor, item.invoice])
        guard let row else {
            try db.execute(sql: """
                INSERT INTO invoice (creditor_id, customer_id, number, currency, issued_on, due_on, total_minor, open_minor,
                                     status, seen_as_of, first_import_id, last_import_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)
                """, arguments: [creditor, customerID, item.invoice, item.open.currency.code, item.issued?.iso8601,
                                 item.due?.iso8601, item.total?.minorUnits, item.open.minorUnits, asOf, importID, importID])
            try event("invoice.opened", customerID: customerID, invoiceID: db.lastInsertedRowID, importID: importID,
                      "Invoice \(item.invoice) open for \(item.open) (due \(item.due?.iso8601 ?? "unknown")), from \(file.fileName).")
            return .inserted
        }
        let invoiceID: Int64 = row["id"]
        let seenAsOf: String = row["seen_as_of"]
        let wasSettled = (row["status"] as String) == "settled"
        if snapshot.isAuthoritative && asOf < seenAsOf {
            try event("invoice.older-snapshot", customerID: customerID, invoiceID: invoiceID, importID: importID,
                      "Invoice \(item.invoice) left as it was: \(file.fileName) is as of \(asOf), older than the \(seenAsOf) snapshot already applied.")
            return .unchanged
        }
        let oldOpen: Int64 = row["open_minor"]
        let oldDue: String? = row["due_on"]
        // Enrichment sources never lower or settle: only the authoritative snapshot speaks of payments.
        let newOpen = snapshot.isAuthoritative ? item.open.minorUnits : oldOpen
        let newDue = item.due?.iso8601 ?? oldDue
        let changed = newOpen != oldOpen || newDue != oldDue || wasSettled && snapshot.isAuthoritative
        try db.execute(sql: """
            UPDATE invoice SET open_minor = ?, due_on = ?, issued_on = COALESCE(?, issued_on), total_minor = COALESCE(?, total_minor),
                   status = ?, settled_by_import_id = ?, seen_as_of = MAX(seen_as_of, ?), last_import_id = ?
            WHERE id = ?
            """, arguments: [newOpen, newDue, item.issued?.iso8601, item.total?.minorUnits,
                             wasSettled && !snapshot.isAuthoritative ? "settled" : "open",
                             wasSettled && !snapshot.isAuthoritative ? row["settled_by_import_id"] as Int64? : nil,
                             snapshot.isAuthoritative ? asOf : seenAsOf, importID, invoiceID])
        if wasSettled && snapshot.isAuthoritative {
            try event("invoice.reopened", customerID: customerID, invoiceID: invoiceID, importID: importID,
                      "Invoice \(item.invoice) appears again in \(file.fileName) as of \(asOf), open for \(item.open): reopened.")
        } else if newOpen != oldOpen {
            let kind = newOpen < oldOpen ? "invoice.partly-paid" : "invoice.increased"
            try event(kind, customerID: customerID, invoiceID: invoiceID, importID: importID,
                      "Invoice \(item.invoice) open amount went from \(Money(minorUnits: oldOpen, currency: item.open.currency)) to \(item.open) in \(file.fileName).")
        }
        if newDue != oldDue {
            try event("invoice.due-changed", customerID: customerID, invoiceID: invoiceID, importID: importID,
                      "Invoice \(item.invoice) due date changed from \(oldDue ?? "unknown") to \(newDue ?? "unknown") by \(file.fileName).")
        }
        return changed ? .updated : .unchanged
    }

    private func settleMissing(from seen: Set<String>, importID: Int64) throws -> Int {
        let candidates = try Row.fetchAll(db, sql: """
            SELECT id, number, customer_id FROM invoice WHERE creditor_id = ? AND status = 'open' AND seen_as_of <= ?
            """, arguments: [creditor, asOf])
        var settled = 0
        for row in candidates where !seen.contains(row["number"] as String) {
            let id: Int64 = row["id"]
            try db.execute(sql: "UPDATE invoice SET status = 'settled', open_minor = 0, settled_by_import_id = ?, seen_as_of = ?, last_import_id = ? WHERE id = ?",
                           arguments: [importID, asOf, importID, id])
            try event("invoice.settled", customerID: row["customer_id"], invoiceID: id, importID: importID,
                      "Invoice \(row["number"] as String) is no longer open in \(file.fileName) (as of \(asOf)): settled; its reminders stop.")
            settled += 1
        }
        return settled
    }

    private func event(_ kind: String, customerID: Int64? = nil, invoiceID: Int64? = nil, importID: Int64,
                       _ summary: String, detail: [String: String] = [:]) throws {
        try AppDatabase.append(NewEvent(time: time, kind: kind, creditor: file.creditor, customerID: customerID,
                                        invoiceID: invoiceID, importID: importID, summary: summary, detail: detail), in: db)
    }

    /// Shows control characters as escapes, so a hostile value cannot forge lines in the journal.
    static func printable(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
