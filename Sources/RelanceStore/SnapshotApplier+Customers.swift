import Foundation
import GRDB
import RelanceCore

/// Who each item belongs to (issue #3, "Identity"), and the customers a person must look at.
extension SnapshotApplier {
    /// The ledger (authoritative) names its customers by their id: they are created as needed.
    /// Other files resolve theirs (issue #3, "Identity"); an invoice already known keeps its
    /// customer; what matches nobody goes to a placeholder a person must identify.
    func customer(for item: OpenItem, details: InvoiceDetails, known: Int64?, importID: Int64,
                  work: inout Work, receipt: inout ImportReceipt) throws -> CustomerDirectory.Entry {
        if !snapshot.isAuthoritative, let known, let entry = work.directory.entry(id: known) {
            return entry
        }
        if snapshot.isAuthoritative {
            // A file without customer codes names its customers: a known customer of that exact
            // name (the contacts file's, keyed by its code) is the one meant.
            if snapshot.customersByName == true, let entry = work.directory.resolve(customer: "", identifiers: [], name: item.customer)?.0,
               entry.externalID != item.customer {
                if work.named.insert(entry.id).inserted {
                    try event("invoice.customer-resolved", customerID: entry.id, importID: importID,
                              words.customerResolvedByName(name: item.customer, file: file.fileName, customer: entry.externalID))
                    receipt.warnings.append(words.receiptCustomerMatchedByName(name: item.customer, file: file.fileName, customer: entry.externalID))
                }
                return entry
            }
            if var entry = work.directory.byExternal[item.customer] {
                if entry.needsIdentification {
                    try identified(&entry, name: item.customerName, importID: importID, work: &work)
                }
                if work.named.insert(entry.id).inserted { try renameIfNeeded(entry, to: item.customerName) }
                return entry
            }
            receipt.newCustomers += 1
            return try createCustomer(external: item.customer, name: item.customerName, placeholder: false, importID: importID,
                                      work: &work)
        }
        if let (entry, how) = work.directory.resolve(customer: item.customer, identifiers: details.buyerIdentifiers,
                                                     name: item.customerName) {
            if how != "customer id" {
                try event("invoice.customer-resolved", customerID: entry.id, importID: importID,
                          "Invoice \(item.invoice) of \(file.fileName) belongs to customer \(entry.externalID), found by \(how).")
            }
            return entry
        }
        if let entry = work.directory.byExternal[item.customer] ?? work.directory.byExternal[Self.placeholderID(item)] {
            return entry
        }
        receipt.newCustomers += 1
        return try createCustomer(external: item.customer.isEmpty ? Self.placeholderID(item) : item.customer,
                                  name: item.customerName, placeholder: true, importID: importID, work: &work)
    }

    /// The ledger names a customer that only a placeholder stood for: it becomes a real one,
    /// and the task to identify it is closed (a new one opens if it still has no contact).
    func identified(_ entry: inout CustomerDirectory.Entry, name: String?, importID: Int64, work: inout Work) throws {
        try db.execute(sql: "UPDATE customer SET needs_identification = 0 WHERE id = ?", arguments: [entry.id])
        entry.needsIdentification = false
        work.directory.add(entry, name: name, siren: nil, vat: nil)
        let tasks = try Int64.fetchAll(db, sql: """
            SELECT id FROM task WHERE customer_id = ? AND kind = 'identify-customer' AND state = 'open'
            """, arguments: [entry.id])
        for id in tasks {
            try db.execute(sql: """
                UPDATE task SET state = 'done', outcome = 'done', outcome_detail = json_object('note', ?), closed_at = ? WHERE id = ?
                """, arguments: [words.namedByTheLedger(), timeValue, id])
        }
        try event("customer.identified", customerID: entry.id, importID: importID,
                  words.customerIdentified(customer: entry.externalID, file: file.fileName, closedTasks: tasks))
    }

    /// A placeholder whose last invoice the ledger gave to a real customer needs nobody anymore.
    func releasePlaceholderIfEmpty(_ customerID: Int64, importID: Int64, work: Work) throws {
        guard work.directory.entry(id: customerID)?.needsIdentification == true,
              try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM invoice WHERE customer_id = ? AND status = 'open')",
                                arguments: [customerID]) == true else { return }
        try db.execute(sql: """
            UPDATE task SET state = 'done', outcome = 'done', outcome_detail = json_object('note', ?), closed_at = ?
            WHERE customer_id = ? AND kind = 'identify-customer' AND state = 'open'
            """, arguments: [words.invoicesBelongToAKnownCustomer(), timeValue, customerID])
        if db.changesCount > 0 {
            try event("task.closed", customerID: customerID, importID: importID, words.identifyTasksClosedByLedger(file: file.fileName))
        }
    }

    static func placeholderID(_ item: OpenItem) -> String { "?" + item.invoice }

    func createCustomer(external: String, name: String?, placeholder: Bool, importID: Int64,
                        work: inout Work) throws -> CustomerDirectory.Entry {
        let insert = try prepared(.insertCustomer)
        try PreparedStatements.execute(insert, [creditorValue, external.databaseValue, name.databaseValue, timeValue,
                                                placeholder.databaseValue])
        let entry = CustomerDirectory.Entry(id: db.lastInsertedRowID, externalID: external, terms: nil,
                                            needsIdentification: placeholder, hasUsableContact: false)
        work.directory.add(entry, name: name, siren: nil, vat: nil)
        work.named.insert(entry.id)
        if placeholder {
            try event("customer.unidentified", customerID: entry.id, importID: importID,
                      words.buyerUnidentified(buyer: Self.printable(name ?? external), file: file.fileName))
        }
        return entry
    }

    func renameIfNeeded(_ entry: CustomerDirectory.Entry, to name: String?) throws {
        guard let name, !name.isEmpty else { return }
        try prepared(.renameCustomer)
            .execute(arguments: [name, entry.id, name])
    }

    /// Unresolved buyers, and owing customers with neither an address nor a phone, become
    /// `identify-customer` tasks (one open task per customer); they never get a reminder.
    func flagCustomersForPeople(_ work: Work, importID: Int64, receipt: inout ImportReceipt) throws {
        // One query for the tasks already open, rather than one per customer.
        let open = Set(try String.fetchAll(db, sql: """
            SELECT dedup_key FROM task WHERE creditor_id = ? AND kind = 'identify-customer' AND state = 'open' AND dedup_key IS NOT NULL
            """, arguments: [creditor]))
        for (customerID, invoices) in work.unresolved.sorted(by: { $0.key < $1.key }) {
            try openIdentifyTask(customerID: customerID, importID: importID, unless: open,
                                 title: words.identifyBuyerTitle(invoices: Array(invoices.prefix(5)), more: invoices.count > 5, file: file.fileName),
                                 reason: "unresolved")
        }
        for customerID in work.owingCustomers.sorted() where work.unresolved[customerID] == nil {
            guard let entry = work.directory.entry(id: customerID), !entry.hasUsableContact else { continue }
            try openIdentifyTask(customerID: customerID, importID: importID, unless: open,
                                 title: words.customerWithoutContactTitle(customer: entry.externalID),
                                 reason: "no-contact")
        }
    }

    func openIdentifyTask(customerID: Int64, importID: Int64, unless open: Set<String>, title: String, reason: String) throws {
        let key = "identify-customer:\(customerID)"
        guard !open.contains(key) else { return }
        let insert = try prepared(.insertTask)
        try PreparedStatements.execute(insert, [creditorValue, customerID.databaseValue, key.databaseValue, title.databaseValue,
                                                "{\"reason\":\"\(reason)\"}".databaseValue, timeValue])
        try event("task.opened", customerID: customerID, importID: importID,
                  words.taskOpened(id: db.lastInsertedRowID, kind: .identifyCustomer, title: title), detail: ["task": String(db.lastInsertedRowID)])
    }
}
