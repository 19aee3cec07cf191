import Foundation
import GRDB
import RelanceCore

/// Who each item belongs to (issue #3, "Identity"), and the customers a person must look at.
extension SnapshotApplier {
    /// Who the item belongs to (`CustomerChoice`), with the customers it creates or identifies written.
    func customer(for item: OpenItem, details: InvoiceDetails, known: Int64?, importID: Int64,
                  work: inout Work, receipt: inout ImportReceipt) throws -> CustomerDirectory.Entry {
        let choice = CustomerChoice.decide(item, details: details, known: known, importID: importID, rules: rules, tally: &work,
                                           receipt: &receipt)
        for event in choice.events { try self.event(event) }
        switch choice.target {
        case .existing(var entry):
            if choice.identifies { try identified(&entry, name: item.customerName, importID: importID, work: &work) }
            if let name = choice.rename { try prepared(.renameCustomer).execute(arguments: [name, entry.id, name]) }
            return entry
        case .create(let external, let name, let placeholder):
            let insert = try prepared(.insertCustomer)
            var values = StatementValues()
            values.append(creditor)
            values.append(external)
            values.append(name)
            values.append(timeText)
            values.append(placeholder)
            try values.run(insert) { try $0.execute() }
            let (entry, event) = CustomerChoice.created(id: db.lastInsertedRowID, externalID: external, name: name, placeholder: placeholder,
                                                        importID: importID, rules: rules, tally: &work)
            if let event { try self.event(event) }
            return entry
        }
    }

    /// The ledger names a customer that only a placeholder stood for: it becomes a real one,
    /// and the task to identify it is closed (a new one opens if it still has no contact).
    func identified(_ entry: inout CustomerDirectory.Entry, name: String?, importID: Int64, work: inout Work) throws {
        try db.execute(sql: "UPDATE customer SET needs_identification = 0 WHERE id = ?", arguments: [entry.id])
        let tasks = try Int64.fetchAll(db, sql: """
            SELECT id FROM task WHERE customer_id = ? AND kind = 'identify-customer' AND state = 'open'
            """, arguments: [entry.id])
        for id in tasks {
            try db.execute(sql: """
                UPDATE task SET state = 'done', outcome = 'done', outcome_detail = json_object('note', ?), closed_at = ? WHERE id = ?
                """, arguments: [words.namedByTheLedger(), timeValue, id])
        }
        try event(CustomerChoice.identified(&entry, name: name, closedTasks: tasks, importID: importID, rules: rules, tally: &work))
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

    /// Unresolved buyers, and owing customers with neither an address nor a phone, become
    /// `identify-customer` tasks (`SnapshotImportTally.identifyTasks`); they never get a reminder.
    func flagCustomersForPeople(_ work: Work, importID: Int64) throws {
        // One query for the tasks already open, rather than one per customer.
        let open = Set(try String.fetchAll(db, sql: """
            SELECT dedup_key FROM task WHERE creditor_id = ? AND kind = 'identify-customer' AND state = 'open' AND dedup_key IS NOT NULL
            """, arguments: [creditor]))
        let tasks = work.identifyTasks(rules, unless: open)
        // Many rows per INSERT, in the order one at a time would write them: the same ids
        // (a new row's id is one above the largest), the same journal lines in the same order.
        for batch in PreparedStatements.taskRows.parts(of: tasks) {
            var values = StatementValues()
            for task in batch {
                values.append(creditor)
                values.append(task.customerID)
                values.append(task.dedupKey)
                values.append(task.title)
                values.append(task.detailJSON)
                values.append(timeText)
            }
            let insert = try prepared.insertTasks(rows: batch.count)
            // RETURNING gives its rows in no promised order: matched by customer (one task each).
            var ids: [Int64: Int64] = [:]
            for row in try values.run(insert, { try Row.fetchAll($0) }) { ids[row[1]] = row[0] }
            for task in batch {
                guard let id = ids[task.customerID] else {
                    throw StoreError(.corrupt, "no id came back for the task of customer \(task.customerID)")
                }
                try event(work.taskOpenedEvent(rules, task, id: id, importID: importID))
            }
        }
    }
}
