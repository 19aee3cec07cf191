import Foundation
import GRDB
import RelanceCore

/// Applies one file's open items to the store inside the caller's write transaction.
///
/// The rules (issue #3, "Snapshots"): a file of the creditor's authoritative source is a full
/// picture as of its date, so an open invoice it no longer lists is settled; other files only
/// add and enrich. An older snapshot dropped late never undoes what a newer one decided. A
/// snapshot that would settle too much at once is held for a person instead.
struct SnapshotApplier {
    let db: Database
    let file: ImportedFile
    let snapshot: ReceivableSnapshot
    let time: Date

    private let prepared: PreparedStatements
    /// Formatted once: GRDB formats a `Date` anew for every statement otherwise.
    private let timeValue: DatabaseValue

    init(db: Database, file: ImportedFile, snapshot: ReceivableSnapshot, time: Date) {
        self.db = db
        self.file = file
        self.snapshot = snapshot
        self.time = time
        prepared = PreparedStatements(db: db)
        timeValue = time.databaseValue
    }

    private var creditor: String { file.creditor.rawValue }
    private var asOf: String { snapshot.asOf.iso8601 }

    func apply() throws -> ImportReceipt {
        let receipt = try applyUnflushed()
        try prepared.flushEvents()
        return receipt
    }

    private func applyUnflushed() throws -> ImportReceipt {
        if let existing = try Row.fetchOne(db, sql: """
            SELECT id, status FROM import WHERE creditor_id = ? AND sha256 = ? AND status IN ('applied', 'held')
            """, arguments: [creditor, file.sha256]) {
            let id: Int64 = existing["id"]
            let held = (existing["status"] as String) == "held"
            try event("import.duplicate", importID: id, held
                ? "File \(file.fileName) has the same content as import #\(id), which is held: confirm it with `relance import confirm \(id)`."
                : "File \(file.fileName) has the same content as import #\(id): nothing changed.")
            return ImportReceipt(importID: id, outcome: held ? .held : .duplicate)
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM creditor WHERE id = ?", arguments: [creditor]) == true else {
            throw StoreError(.unknownCreditor, "creditor \(creditor) is not registered")
        }
        let items = Self.folded(snapshot.items)
        if snapshot.isAuthoritative, let threshold = snapshot.massSettlementThresholdPercent,
           let reason = try massSettlement(items, thresholdPercent: threshold) {
            return try hold(reason: reason)
        }
        try db.execute(sql: """
            INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, as_of, authoritative, item_count, imported_at)
            VALUES (?, ?, ?, ?, ?, 'applied', ?, ?, ?, ?)
            """, arguments: [creditor, file.fileName, file.sha256, file.byteCount, file.kind, asOf,
                             snapshot.isAuthoritative, items.count, time])
        return try applyItemsUnflushed(items, importID: db.lastInsertedRowID)
    }

    /// Applies the items under an import row that already exists (a confirmed held import).
    func applyItems(_ items: [OpenItem], importID: Int64) throws -> ImportReceipt {
        let receipt = try applyItemsUnflushed(items, importID: importID)
        try prepared.flushEvents()
        return receipt
    }

    private func applyItemsUnflushed(_ items: [OpenItem], importID: Int64) throws -> ImportReceipt {
        var receipt = ImportReceipt(importID: importID, outcome: .applied)
        var work = Work(directory: try CustomerDirectory(db: db, creditor: creditor))
        for item in items {
            try applyItem(item, importID: importID, work: &work, receipt: &receipt)
        }
        if snapshot.isAuthoritative {
            receipt.settledInvoices = try settleMissing(from: work.seenNumbers, importID: importID)
        }
        try flagCustomersForPeople(work, importID: importID, receipt: &receipt)
        if !work.beyondCap.isEmpty {
            let list = work.beyondCap.prefix(10).joined(separator: ", ") + (work.beyondCap.count > 10 ? "…" : "")
            receipt.warnings.append("\(work.beyondCap.count) invoice(s) have payment terms beyond the legal caps (60 days, or 45 days end of month): \(list).")
        }
        try event("import.applied", importID: importID, """
            Imported \(file.fileName) (\(file.kind), as of \(asOf)): \(receipt.newInvoices) new, \
            \(receipt.updatedInvoices) changed, \(receipt.settledInvoices) settled, \(receipt.unchangedInvoices) unchanged\
            \(receipt.unresolvedInvoices > 0 ? ", \(receipt.unresolvedInvoices) with a customer to identify" : "").
            """, detail: ["sha256": file.sha256, "authoritative": String(snapshot.isAuthoritative)])
        return receipt
    }

    /// What one import learns along the way.
    private struct Work {
        var directory: CustomerDirectory
        var seenNumbers = Set<String>()
        /// Customers with positive open items in this file, for the "no usable contact" check.
        var owingCustomers = Set<Int64>()
        var unresolved: [Int64: [String]] = [:]
        var beyondCap: [String] = []
        var emailsWritten = Set<Int64>()
        /// Customers whose name this file already set: one UPDATE per customer, not per invoice.
        var named = Set<Int64>()
    }

    private func applyItem(_ item: OpenItem, importID: Int64, work: inout Work, receipt: inout ImportReceipt) throws {
        work.seenNumbers.insert(item.invoice)
        let details = snapshot.details.isEmpty ? InvoiceDetails() : snapshot.details[item.invoice] ?? InvoiceDetails()
        let find = try prepared(.findInvoice)
        find.setUncheckedArguments([creditor, item.invoice])
        let existing = try Row.fetchOne(find)
        let customer = try customer(for: item, details: details, known: existing?["customer_id"], importID: importID,
                                    work: &work, receipt: &receipt)
        if item.open.minorUnits > 0 { work.owingCustomers.insert(customer.id) }
        if !item.emails.isEmpty, !customer.needsIdentification, work.emailsWritten.insert(customer.id).inserted {
            // The ledger's own report speaks for the customer; an e-invoice's buyer address only
            // fills a gap, never replaces what the contacts file says.
            try prepared.flushEvents()   // keeps the journal in order: CustomerEmails appends directly
            let changed = try CustomerEmails(db: db, creditor: file.creditor, time: time, importID: importID)
                .write(item.emails, role: "to", customerID: customer.id, customerName: customer.externalID,
                       position: item.source?.description ?? file.fileName, mode: snapshot.isAuthoritative ? .replace : .addWhenNone)
            if changed { work.directory.markContactable(customer.id) }
        }
        if customer.needsIdentification {
            receipt.unresolvedInvoices += 1
            work.unresolved[customer.id, default: []].append(item.invoice)
        }
        guard let existing else {
            try insertInvoice(item, details: details, customer: customer, importID: importID, work: &work)
            receipt.newInvoices += 1
            return
        }
        if try updateInvoice(existing, item, details: details, customer: customer, importID: importID, work: &work) {
            receipt.updatedInvoices += 1
        } else {
            receipt.unchangedInvoices += 1
        }
    }

    // MARK: Customers

    /// The ledger (authoritative) names its customers by their id: they are created as needed.
    /// Other files resolve theirs (issue #3, "Identity"); an invoice already known keeps its
    /// customer; what matches nobody goes to a placeholder a person must identify.
    private func customer(for item: OpenItem, details: InvoiceDetails, known: Int64?, importID: Int64,
                          work: inout Work, receipt: inout ImportReceipt) throws -> CustomerDirectory.Entry {
        if !snapshot.isAuthoritative, let known, let entry = work.directory.entry(id: known) {
            return entry
        }
        if snapshot.isAuthoritative {
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
    private func identified(_ entry: inout CustomerDirectory.Entry, name: String?, importID: Int64, work: inout Work) throws {
        try db.execute(sql: "UPDATE customer SET needs_identification = 0 WHERE id = ?", arguments: [entry.id])
        entry.needsIdentification = false
        work.directory.add(entry, name: name, siren: nil, vat: nil)
        let tasks = try Int64.fetchAll(db, sql: """
            SELECT id FROM task WHERE customer_id = ? AND kind = 'identify-customer' AND state = 'open'
            """, arguments: [entry.id])
        for id in tasks {
            try db.execute(sql: """
                UPDATE task SET state = 'done', outcome = 'done', outcome_detail = '{"note":"named by the ledger"}', closed_at = ? WHERE id = ?
                """, arguments: [timeValue, id])
        }
        let closed = tasks.isEmpty ? "" : ", task #\(tasks.map(String.init).joined(separator: ", #")) closed"
        try event("customer.identified", customerID: entry.id, importID: importID,
                  "Customer \(entry.externalID) is named by \(file.fileName), the creditor's ledger: identified\(closed).")
    }

    /// A placeholder whose last invoice the ledger gave to a real customer needs nobody anymore.
    private func releasePlaceholderIfEmpty(_ customerID: Int64, importID: Int64, work: Work) throws {
        guard work.directory.entry(id: customerID)?.needsIdentification == true,
              try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM invoice WHERE customer_id = ? AND status = 'open')",
                                arguments: [customerID]) == true else { return }
        try db.execute(sql: """
            UPDATE task SET state = 'done', outcome = 'done', outcome_detail = '{"note":"its invoices belong to a known customer"}', closed_at = ?
            WHERE customer_id = ? AND kind = 'identify-customer' AND state = 'open'
            """, arguments: [timeValue, customerID])
        if db.changesCount > 0 {
            try event("task.closed", customerID: customerID, importID: importID,
                      "The ledger \(file.fileName) names the customers of every invoice of this unidentified buyer: its identify-customer task is closed.")
        }
    }

    private static func placeholderID(_ item: OpenItem) -> String { "?" + item.invoice }

    private func createCustomer(external: String, name: String?, placeholder: Bool, importID: Int64,
                                work: inout Work) throws -> CustomerDirectory.Entry {
        let insert = try prepared(.insertCustomer)
        insert.setUncheckedArguments([creditor, external, name, timeValue, placeholder])
        try insert.execute()
        let entry = CustomerDirectory.Entry(id: db.lastInsertedRowID, externalID: external, terms: nil,
                                            needsIdentification: placeholder, hasUsableContact: false)
        work.directory.add(entry, name: name, siren: nil, vat: nil)
        work.named.insert(entry.id)
        if placeholder {
            try event("customer.unidentified", customerID: entry.id, importID: importID,
                      "\(file.fileName) names a buyer (\(Self.printable(name ?? external))) that matches no customer id, SIREN, VAT number or name: no reminder until a person identifies it.")
        }
        return entry
    }

    private func renameIfNeeded(_ entry: CustomerDirectory.Entry, to name: String?) throws {
        guard let name, !name.isEmpty else { return }
        try prepared(.renameCustomer)
            .execute(arguments: [name, entry.id, name])
    }

    /// Unresolved buyers, and owing customers with neither an address nor a phone, become
    /// `identify-customer` tasks (one open task per customer); they never get a reminder.
    private func flagCustomersForPeople(_ work: Work, importID: Int64, receipt: inout ImportReceipt) throws {
        // One query for the tasks already open, rather than one per customer.
        let open = Set(try String.fetchAll(db, sql: """
            SELECT dedup_key FROM task WHERE creditor_id = ? AND kind = 'identify-customer' AND state = 'open' AND dedup_key IS NOT NULL
            """, arguments: [creditor]))
        for (customerID, invoices) in work.unresolved.sorted(by: { $0.key < $1.key }) {
            try openIdentifyTask(customerID: customerID, importID: importID, unless: open,
                                 title: "Identify the customer of invoice(s) \(invoices.prefix(5).joined(separator: ", ")) from \(file.fileName)",
                                 reason: "unresolved")
        }
        for customerID in work.owingCustomers.sorted() where work.unresolved[customerID] == nil {
            guard let entry = work.directory.entry(id: customerID), !entry.hasUsableContact else { continue }
            try openIdentifyTask(customerID: customerID, importID: importID, unless: open,
                                 title: "Customer \(entry.externalID) owes money but has no email address nor phone: add it to the contacts file",
                                 reason: "no-contact")
        }
    }

    private func openIdentifyTask(customerID: Int64, importID: Int64, unless open: Set<String>, title: String, reason: String) throws {
        let key = "identify-customer:\(customerID)"
        guard !open.contains(key) else { return }
        let insert = try prepared(.insertTask)
        insert.setUncheckedArguments([creditor, customerID, key, title, "{\"reason\":\"\(reason)\"}", timeValue])
        try insert.execute()
        try event("task.opened", customerID: customerID, importID: importID,
                  "Task #\(db.lastInsertedRowID) (identify-customer): \(title)", detail: ["task": String(db.lastInsertedRowID)])
    }

    // MARK: Invoices

    /// Two lines with the same invoice number are one invoice (exports with a row per invoice line).
    static func folded(_ items: [OpenItem]) -> [OpenItem] {
        // Most files list each invoice once: then there is nothing to fold and nothing to copy.
        var numbers = Set<String>(minimumCapacity: items.count)
        guard !items.allSatisfy({ numbers.insert($0.invoice).inserted }) else { return items }
        var order: [String] = []
        var byNumber: [String: OpenItem] = [:]
        byNumber.reserveCapacity(items.count)
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

    private func dueDate(for item: OpenItem, issued: CivilDate?, details: InvoiceDetails, customer: CustomerDirectory.Entry,
                         previous: DueDateResolution.Candidate?) -> DueDateResolution {
        var explicit: [DueDateResolution.Candidate] = []
        if let due = item.due { explicit.append(.init(source: snapshot.statedDueSource, date: due)) }
        if let text = details.dueFromTermsText, text != item.due { explicit.append(.init(source: "BT-20 terms text", date: text)) }
        if let previous, explicit.isEmpty || previous.date != explicit[0].date { explicit.append(previous) }
        return DueDateResolution(issued: issued, explicit: explicit, customerTerms: customer.terms, defaultTerms: snapshot.defaultTerms)
    }

    private func insertInvoice(_ item: OpenItem, details: InvoiceDetails, customer: CustomerDirectory.Entry, importID: Int64,
                               work: inout Work) throws {
        let due = dueDate(for: item, issued: item.issued, details: details, customer: customer, previous: nil)
        let document = details.document
        let insert = try prepared(.insertInvoice)
        insert.setUncheckedArguments([creditor, customer.id, item.invoice, item.open.currency.code, item.issued?.iso8601,
                                      due.due?.iso8601, due.source, item.total?.minorUnits, item.open.minorUnits, asOf, importID, importID,
                                      document?.path, document?.sha256, document?.mediaType, document?.fileName])
        try insert.execute()
        let invoiceID = db.lastInsertedRowID
        try event("invoice.opened", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                  "Invoice \(item.invoice) open for \(item.open) (due \(due.due?.iso8601 ?? "unknown")\(due.source.map { ", from \($0)" } ?? "")), from \(file.fileName).")
        try dueDateEvents(due, item: item, customerID: customer.id, invoiceID: invoiceID, importID: importID, work: &work)
    }

    private func dueDateEvents(_ due: DueDateResolution, item: OpenItem, customerID: Int64, invoiceID: Int64, importID: Int64,
                               work: inout Work) throws {
        if !due.disagreement.isEmpty {
            let said = due.disagreement.map { "\($0.source) \($0.date.iso8601)" }.joined(separator: ", ")
            try event("invoice.due-disagreement", customerID: customerID, invoiceID: invoiceID, importID: importID,
                      "Invoice \(item.invoice): the sources disagree on its due date (\(said)); the later one, \(due.due?.iso8601 ?? "?"), is kept.")
        }
        if due.beyondLegalCap {
            work.beyondCap.append(item.invoice)
            try event("invoice.terms-beyond-cap", customerID: customerID, invoiceID: invoiceID, importID: importID,
                      "Invoice \(item.invoice) is due \(due.due?.iso8601 ?? "?") (\(due.source ?? "?")), issued \(item.issued?.iso8601 ?? "?"): beyond the legal caps of 60 days or 45 days end of month (Code de commerce L441-10). Tell the accountant.")
        }
    }

    /// Returns whether anything changed.
    private func updateInvoice(_ row: Row, _ item: OpenItem, details: InvoiceDetails, customer: CustomerDirectory.Entry,
                               importID: Int64, work: inout Work) throws -> Bool {
        let invoiceID: Int64 = row["id"]
        let seenAsOf: String = row["seen_as_of"]
        let wasSettled = (row["status"] as String) == "settled"
        if snapshot.isAuthoritative && asOf < seenAsOf {
            try event("invoice.older-snapshot", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                      "Invoice \(item.invoice) left as it was: \(file.fileName) is as of \(asOf), older than the \(seenAsOf) snapshot already applied.")
            return false
        }
        let oldCustomer: Int64 = row["customer_id"]
        if oldCustomer != customer.id {
            try event("invoice.customer-changed", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                      "Invoice \(item.invoice) belongs to customer \(customer.externalID) according to \(file.fileName) (the ledger), no longer to customer #\(oldCustomer).")
        }
        let oldOpen: Int64 = row["open_minor"]
        let oldDue: String? = row["due_on"]
        let oldSource: String? = row["due_source"]
        let issued = item.issued ?? (row["issued_on"] as String?).flatMap { CivilDate(iso8601: $0) }
        // A date an earlier document stated still counts; one derived from terms is recomputed.
        let previous = oldDue.flatMap { due -> DueDateResolution.Candidate? in
            guard let oldSource, !oldSource.hasPrefix("customer terms"), !oldSource.hasPrefix("creditor default"),
                  let date = CivilDate(iso8601: due) else { return nil }
            return .init(source: "\(oldSource) (earlier import)", date: date)
        }
        let due = dueDate(for: item, issued: issued, details: details, customer: customer, previous: previous)
        let newDue = due.due?.iso8601 ?? oldDue
        // Enrichment sources never lower or settle: only the authoritative snapshot speaks of payments.
        let newOpen = snapshot.isAuthoritative ? item.open.minorUnits : oldOpen
        let reopened = wasSettled && snapshot.isAuthoritative
        let document = details.document
        try prepared(.updateInvoice).execute(arguments: [customer.id, newOpen, newDue, due.due == nil ? oldSource : due.source, item.issued?.iso8601,
                                     item.total?.minorUnits, wasSettled && !reopened ? "settled" : "open",
                                     wasSettled && !reopened ? row["settled_by_import_id"] as Int64? : nil,
                                     snapshot.isAuthoritative ? max(asOf, seenAsOf) : seenAsOf, importID,
                                     document?.path, document?.sha256, document?.mediaType, document?.fileName, invoiceID])
        if oldCustomer != customer.id {
            try releasePlaceholderIfEmpty(oldCustomer, importID: importID, work: work)
        }
        if reopened {
            try event("invoice.reopened", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                      "Invoice \(item.invoice) appears again in \(file.fileName) as of \(asOf), open for \(item.open): reopened.")
        } else if newOpen != oldOpen {
            let kind = newOpen < oldOpen ? "invoice.partly-paid" : "invoice.increased"
            try event(kind, customerID: customer.id, invoiceID: invoiceID, importID: importID,
                      "Invoice \(item.invoice) open amount went from \(Money(minorUnits: oldOpen, currency: item.open.currency)) to \(item.open) in \(file.fileName).")
        }
        if newDue != oldDue {
            try event("invoice.due-changed", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                      "Invoice \(item.invoice) due date changed from \(oldDue ?? "unknown") to \(newDue ?? "unknown") (\(due.source ?? "?")) by \(file.fileName).")
            try dueDateEvents(due, item: item, customerID: customer.id, invoiceID: invoiceID, importID: importID, work: &work)
        }
        if document != nil {
            try event("invoice.document-kept", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                      "The document of invoice \(item.invoice) (\(file.fileName)) is kept to attach to its reminders.")
        }
        return reopened || newOpen != oldOpen || newDue != oldDue || oldCustomer != customer.id || document != nil
    }

    private func settleMissing(from seen: Set<String>, importID: Int64) throws -> Int {
        let candidates = try Row.fetchAll(db, sql: """
            SELECT id, number, customer_id FROM invoice WHERE creditor_id = ? AND status = 'open' AND seen_as_of <= ?
            """, arguments: [creditor, asOf])
        var settled = 0
        for row in candidates where !seen.contains(row["number"] as String) {
            let id: Int64 = row["id"]
            try prepared(.settleInvoice).execute(arguments: [importID, asOf, importID, id])
            try event("invoice.settled", customerID: row["customer_id"], invoiceID: id, importID: importID,
                      "Invoice \(row["number"] as String) is no longer open in \(file.fileName) (as of \(asOf)): settled; its reminders stop.")
            settled += 1
        }
        return settled
    }

    // MARK: Mass-settlement safety

    /// Why the snapshot must wait for a person, or nil: it would settle more than the threshold
    /// of the open amount (in any currency) at once — a truncated or "overdue only" export.
    private func massSettlement(_ items: [OpenItem], thresholdPercent: Int) throws -> String? {
        let listed = Set(items.map(\.invoice))
        var open: [String: Int64] = [:]
        var settling: [String: Int64] = [:]
        var settlingCount = 0
        let rows = try Row.fetchCursor(db, sql: """
            SELECT number, currency, open_minor, seen_as_of FROM invoice WHERE creditor_id = ? AND status = 'open' AND open_minor > 0
            """, arguments: [creditor])
        while let row = try rows.next() {
            let currency: String = row["currency"]
            let amount: Int64 = row["open_minor"]
            open[currency, default: 0] += amount
            if (row["seen_as_of"] as String) <= asOf && !listed.contains(row["number"] as String) {
                settling[currency, default: 0] += amount
                settlingCount += 1
            }
        }
        for (currency, amount) in settling.sorted(by: { $0.key < $1.key }) {
            let total = open[currency] ?? 0
            guard total > 0, amount.multipliedReportingOverflow(by: 100).partialValue > total.multipliedReportingOverflow(by: Int64(thresholdPercent)).partialValue else { continue }
            let share = Double(amount) * 100 / Double(total)
            return "it would settle \(settlingCount) invoice(s), \(Money(minorUnits: amount, currency: Currency(code: currency) ?? .euro)) of \(Money(minorUnits: total, currency: Currency(code: currency) ?? .euro)) open (\(String(format: "%.0f", share)) %, above the \(thresholdPercent) % safety threshold)"
        }
        return nil
    }

    private func hold(reason: String) throws -> ImportReceipt {
        let encoded = try JSONEncoder().encode(snapshot)
        try db.execute(sql: """
            INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, as_of, authoritative, item_count, imported_at,
                                held_snapshot, held_reason)
            VALUES (?, ?, ?, ?, ?, 'held', ?, 1, ?, ?, ?, ?)
            """, arguments: [creditor, file.fileName, file.sha256, file.byteCount, file.kind, asOf, snapshot.items.count, time,
                             encoded, reason])
        let id = db.lastInsertedRowID
        let message = "Import #\(id) of \(file.fileName) is HELD, nothing changed: \(reason). A truncated or filtered export (\"overdue only\") looks like this. If the payments are real, run `relance import confirm \(id)`."
        try event("import.held", importID: id, message, detail: ["sha256": file.sha256])
        var receipt = ImportReceipt(importID: id, outcome: .held)
        receipt.warnings.append(message)
        return receipt
    }

    // MARK: Journal

    private func event(_ kind: String, customerID: Int64? = nil, invoiceID: Int64? = nil, importID: Int64,
                       _ summary: String, detail: [String: String] = [:]) throws {
        // Buffered: a large ledger writes tens of thousands of events in one import, and one
        // INSERT of many rows costs a fraction of as many single-row INSERTs.
        let detailText = detail.isEmpty ? "{}" : Self.json(detail)
        try prepared.appendEvent([timeValue, kind.databaseValue, creditor.databaseValue, customerID.databaseValue,
                                  invoiceID.databaseValue, importID.databaseValue, summary.databaseValue, detailText.databaseValue])
    }

    /// A JSON object with sorted keys, as `JSONEncoder.sorted` writes it, without an encoder per
    /// event (an encoder costs more than the INSERT it feeds).
    static func json(_ object: [String: String]) -> String {
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        return "{" + object.sorted { $0.key < $1.key }.map { quoted($0.key) + ":" + quoted($0.value) }.joined(separator: ",") + "}"
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

/// The statements one import runs thousands of times, prepared once per import: GRDB's
/// `cachedStatement(sql:)` would hash the whole SQL text at every call.
final class PreparedStatements {
    enum Key: Int, CaseIterable {
        case findInvoice
        case insertCustomer
        case renameCustomer
        case insertTask
        case insertInvoice
        case updateInvoice
        case settleInvoice

        var sql: String {
            switch self {
            case .findInvoice: """
                SELECT id, customer_id, issued_on, open_minor, due_on, due_source, status, seen_as_of, settled_by_import_id
                FROM invoice WHERE creditor_id = ? AND number = ?
                """
            case .insertCustomer: """
                INSERT INTO customer (creditor_id, external_id, name, created_at, needs_identification) VALUES (?, ?, ?, ?, ?)
                """
            case .renameCustomer: "UPDATE customer SET name = ? WHERE id = ? AND name IS NOT ?"
            case .insertTask: """
                INSERT INTO task (creditor_id, customer_id, kind, state, dedup_key, title, detail, created_at)
                VALUES (?, ?, 'identify-customer', 'open', ?, ?, ?, ?)
                """
            case .insertInvoice: """
                INSERT INTO invoice (creditor_id, customer_id, number, currency, issued_on, due_on, due_source, total_minor, open_minor,
                status, seen_as_of, first_import_id, last_import_id,
                document_path, document_sha256, document_media_type, document_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)
                """
            case .updateInvoice: """
                UPDATE invoice SET customer_id = ?, open_minor = ?, due_on = ?, due_source = ?, issued_on = COALESCE(?, issued_on),
                total_minor = COALESCE(?, total_minor), status = ?, settled_by_import_id = ?, seen_as_of = ?, last_import_id = ?,
                document_path = COALESCE(?, document_path), document_sha256 = COALESCE(?, document_sha256),
                document_media_type = COALESCE(?, document_media_type), document_name = COALESCE(?, document_name)
                WHERE id = ?
                """
            case .settleInvoice: """
                UPDATE invoice SET status = 'settled', open_minor = 0, settled_by_import_id = ?, seen_as_of = ?, last_import_id = ? WHERE id = ?
                """
            }
        }
    }

    private let db: Database
    private var statements: [Statement?] = Array(repeating: nil, count: Key.allCases.count)

    init(db: Database) { self.db = db }

    private var pendingEvents: [DatabaseValue] = []
    private var batchStatement: Statement?
    static let eventsPerInsert = 100
    private static let eventColumns = 8

    /// Queues one event row (8 values, in the `insertEvent` column order); writes a batch when full.
    func appendEvent(_ values: [DatabaseValue]) throws {
        pendingEvents += values
        if pendingEvents.count == Self.eventsPerInsert * Self.eventColumns { try flushEvents() }
    }

    /// Writes the queued events, in order. Must run before the transaction commits.
    func flushEvents() throws {
        guard !pendingEvents.isEmpty else { return }
        let rows = pendingEvents.count / Self.eventColumns
        let statement: Statement
        if rows == Self.eventsPerInsert, let batchStatement {
            statement = batchStatement
        } else {
            statement = try db.makeStatement(sql: Self.insertEvents(rows))
            if rows == Self.eventsPerInsert { batchStatement = statement }
        }
        statement.setUncheckedArguments(StatementArguments(pendingEvents))
        try statement.execute()
        pendingEvents.removeAll(keepingCapacity: true)
    }

    private static func insertEvents(_ rows: Int) -> String {
        "INSERT INTO event (at, kind, creditor_id, customer_id, invoice_id, import_id, summary, detail) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }

    func callAsFunction(_ key: Key) throws -> Statement {
        if let statement = statements[key.rawValue] { return statement }
        let statement = try db.makeStatement(sql: key.sql)
        statements[key.rawValue] = statement
        return statement
    }
}
