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
    /// Variables for a fed import only, which learns the parse's warnings and refused rows
    /// once the last batch is read (`apply(feed:)`).
    var file: ImportedFile
    var snapshot: ReceivableSnapshot
    let time: Date

    let prepared: PreparedStatements
    /// Formatted once: GRDB formats a `Date` anew for every statement otherwise.
    let timeValue: DatabaseValue
    /// Converted once: a row's arguments as `DatabaseValue`s bind without an existential each.
    let creditorValue: DatabaseValue

    /// The creditor's words for the journal's lines.
    let words: any Wording

    /// From how many new invoices a first load journals one line per customer instead of one
    /// per invoice (see `journalOpened`).
    let summaryMinimum: Int
    static let summaryMinimumDefault = 1_000

    init(db: Database, file: ImportedFile, snapshot: ReceivableSnapshot, time: Date,
         summaryMinimum: Int = SnapshotApplier.summaryMinimumDefault) throws {
        self.db = db
        self.summaryMinimum = summaryMinimum
        words = try AppDatabase.wording(of: file.creditor.rawValue, in: db)
        self.file = file
        self.snapshot = snapshot
        self.time = time
        prepared = PreparedStatements(db: db)
        timeValue = time.databaseValue
        creditorValue = file.creditor.rawValue.databaseValue
        asOf = snapshot.asOf.iso8601
        asOfValue = asOf.databaseValue
    }

    var creditor: String { file.creditor.rawValue }
    let asOf: String
    let asOfValue: DatabaseValue

    func apply() throws -> ImportReceipt {
        let receipt = try applyUnflushed()
        try prepared.flushEvents()
        return receipt
    }

    /// The receipt of bytes already applied or held for this creditor (after journaling the
    /// duplicate), or nil; throws when the creditor is unknown.
    func duplicate() throws -> ImportReceipt? {
        if let existing = try Row.fetchOne(db, sql: """
            SELECT id, status FROM import WHERE creditor_id = ? AND sha256 = ? AND status IN ('applied', 'held')
            """, arguments: [creditor, file.sha256]) {
            let id: Int64 = existing["id"]
            let held = (existing["status"] as String) == "held"
            try event("import.duplicate", importID: id, words.importDuplicate(file: file.fileName, of: id, held: held))
            return ImportReceipt(importID: id, outcome: held ? .held : .duplicate)
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM creditor WHERE id = ?", arguments: [creditor]) == true else {
            throw StoreError(.unknownCreditor, "creditor \(creditor) is not registered")
        }
        return nil
    }

    private func applyUnflushed() throws -> ImportReceipt {
        if let receipt = try duplicate() { return receipt }
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
        // The numbers already stored, in one query: an invoice new to the store (all of them, the
        // first time a ledger is imported) then costs no lookup.
        let stored = Set(try String.fetchAll(db, sql: "SELECT number FROM invoice WHERE creditor_id = ?", arguments: [creditor]))
        var work = Work(directory: try CustomerDirectory(db: db, creditor: creditor), storedNumbers: stored)
        // A first load of the creditor's book: a person reads one line per customer, not
        // one per invoice (100,000 lines nobody reads, and a third of the import's time).
        // The same load indexes its invoice numbers for the console's search once, after.
        let bulk = stored.isEmpty && items.count >= summaryMinimum
        // It also builds the invoices' secondary indexes after, rather than row by row.
        let pause = bulk ? try TrigramIndexPause.begin(db, creditor: creditor) : nil
        let indexPause = bulk ? try InvoiceIndexPause.begin(db, loading: items.count) : nil
        if bulk { work.journalsOpenedAtEnd = true }
        for item in items {
            try applyItem(item, importID: importID, work: &work, receipt: &receipt)
        }
        try indexPause?.end(db)
        try pause?.end(db)
        try finishItems(importID: importID, work: &work, receipt: &receipt)
        return receipt
    }

    /// What follows the last item: the journal of a first load, refused rows, invoices the
    /// snapshot no longer lists, tasks for people, the receipt's warnings and the import's events.
    func finishItems(importID: Int64, work: inout Work, receipt: inout ImportReceipt) throws {
        if work.journalsOpenedAtEnd { try journalOpened(importID: importID) }
        try recordRefusedRows(importID: importID, work: &work, receipt: &receipt)
        if snapshot.isAuthoritative {
            // Only an invoice stored before this import can be missing from it: every one it
            // inserted is in it. When the file lists them all, nothing is left to look for.
            if !work.storedNumbers.isSubset(of: work.seenNumbers) {
                receipt.settledInvoices = try settleMissing(from: work.seenNumbers, importID: importID)
            }
        }
        try flagCustomersForPeople(work, importID: importID, receipt: &receipt)
        if !work.beyondCap.isEmpty {
            receipt.warnings.append(words.receiptTermsBeyondCap(count: work.beyondCap.count, invoices: Array(work.beyondCap.prefix(10)),
                                                                 more: work.beyondCap.count > 10))
        }
        if !work.dueDisagreements.isEmpty {
            receipt.warnings.append(words.receiptDueDisagreements(count: work.dueDisagreements.count, invoices: Array(work.dueDisagreements.prefix(10)),
                                                                   more: work.dueDisagreements.count > 10))
        }
        try event("import.applied", importID: importID, words.importApplied(
            file: file.fileName, kind: file.kind, asOf: snapshot.asOf, new: receipt.newInvoices, changed: receipt.updatedInvoices,
            settled: receipt.settledInvoices, unchanged: receipt.unchangedInvoices, toIdentify: receipt.unresolvedInvoices), detail: ["sha256": file.sha256, "authoritative": String(snapshot.isAuthoritative)])
        for (summary, detail) in ImportWarningEvents.events(of: file, words: words) { try event("import.warning", importID: importID, summary, detail: detail) }
    }

    /// Rows the file refused on their own: one event listing them (the journal's rejected-rows
    /// record), one warning each in the receipt, and their invoices counted as seen so that an
    /// authoritative snapshot does not settle them.
    private func recordRefusedRows(importID: Int64, work: inout Work, receipt: inout ImportReceipt) throws {
        let refused = snapshot.refusedRows ?? []
        guard !refused.isEmpty else { return }
        for row in refused {
            if let invoice = row.invoice { work.seenNumbers.insert(invoice) }
            receipt.warnings.append(words.receiptRowRefused(row))
        }
        try event("import.rows-refused", importID: importID,
                  words.importRowsRefused(count: refused.count, file: file.fileName, rows: refused.prefix(50).map(words.refusedRow),
                                          more: refused.count > 50), detail: ["rows": String(refused.count)])
    }

    /// What one import learns along the way.
    struct Work {
        var directory: CustomerDirectory
        /// The creditor's invoice numbers in the store before this import.
        var storedNumbers: Set<String>
        var seenNumbers = Set<String>()
        /// Customers with positive open items in this file, for the "no usable contact" check.
        var owingCustomers = Set<Int64>()
        var unresolved: [Int64: [String]] = [:]
        var beyondCap: [String] = []
        /// Invoices whose sources gave different due dates, each with what every source said.
        var dueDisagreements: [DueDisagreement] = []
        var emailsWritten = Set<Int64>()
        /// Customers whose name this file already set: one UPDATE per customer, not per invoice.
        var named = Set<Int64>()
        /// A large first load: the invoices opened are journaled one line per customer, at the end.
        var journalsOpenedAtEnd = false
    }

    func applyItem(_ item: OpenItem, importID: Int64, work: inout Work, receipt: inout ImportReceipt) throws {
        work.seenNumbers.insert(item.invoice)
        let details = snapshot.details.isEmpty ? InvoiceDetails() : snapshot.details[item.invoice] ?? InvoiceDetails()
        var existing: Row?
        if work.storedNumbers.contains(item.invoice) {
            let find = try prepared(.findInvoice)
            existing = try Row.fetchOne(find, arguments: [creditor, item.invoice])
        }
        let customer = try customer(for: item, details: details, known: existing?["customer_id"], importID: importID,
                                    work: &work, receipt: &receipt)
        if item.open.minorUnits > 0 { work.owingCustomers.insert(customer.id) }
        if !item.emails.isEmpty, !customer.needsIdentification, work.emailsWritten.insert(customer.id).inserted {
            // The ledger's own report speaks for the customer; an e-invoice's buyer address only
            // fills a gap, never replaces what the contacts file says.
            // Its events join this import's batches, in order; a customer without any usable
            // contact has no address to read back.
            let journal = { (event: NewEvent) throws in
                try self.event(event.kind, customerID: event.customerID, importID: importID, event.summary, detail: event.detail)
            }
            let changed = try CustomerEmails(db: db, creditor: file.creditor, time: time, importID: importID, journal: journal, words: words)
                .write(item.emails, role: "to", customerID: customer.id, customerName: customer.externalID,
                       position: item.source?.description ?? file.fileName, mode: snapshot.isAuthoritative ? .replace : .addWhenNone,
                       storedNone: !customer.hasUsableContact)
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
        if let text = details.dueFromTermsText, text != item.due { explicit.append(.init(source: DueDateSource.termsText, date: text)) }
        if let previous, explicit.isEmpty || previous.date != explicit[0].date { explicit.append(previous) }
        return DueDateResolution(issued: issued, explicit: explicit, customerTerms: customer.terms, defaultTerms: snapshot.defaultTerms,
                                 isCredit: item.open.minorUnits < 0)
    }

    private func insertInvoice(_ item: OpenItem, details: InvoiceDetails, customer: CustomerDirectory.Entry, importID: Int64,
                               work: inout Work) throws {
        let due = dueDate(for: item, issued: item.issued, details: details, customer: customer, previous: nil)
        let document = details.document
        let insert = try prepared(.insertInvoice)
        let importValue = importID.databaseValue
        let issued: String? = item.issued?.iso8601, dueOn: String? = due.due?.iso8601, total: Int64? = item.total?.minorUnits
        var values: [DatabaseValue] = [creditorValue, customer.id.databaseValue, item.invoice.databaseValue,
                                       item.open.currency.code.databaseValue, issued.databaseValue, dueOn.databaseValue]
        values += [due.source.databaseValue, total.databaseValue, item.open.minorUnits.databaseValue, asOfValue, importValue, importValue]
        values += [document?.path.databaseValue ?? .null, document?.sha256.databaseValue ?? .null,
                   document?.mediaType.databaseValue ?? .null, document?.fileName.databaseValue ?? .null]
        try PreparedStatements.execute(insert, values)
        let invoiceID = db.lastInsertedRowID
        if !work.journalsOpenedAtEnd {
            try event("invoice.opened", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                      words.invoiceOpened(invoice: item.invoice, open: item.open, due: due.due, source: due.source, file: file.fileName))
        }
        try dueDateEvents(due, item: item, customerID: customer.id, invoiceID: invoiceID, importID: importID, work: &work)
    }

    private func dueDateEvents(_ due: DueDateResolution, item: OpenItem, customerID: Int64, invoiceID: Int64, importID: Int64,
                               work: inout Work) throws {
        if !due.disagreement.isEmpty {
            work.dueDisagreements.append(DueDisagreement(invoice: item.invoice,
                                                         said: due.disagreement.map { DueDisagreement.Said(source: $0.source, date: $0.date) }))
            try event("invoice.due-disagreement", customerID: customerID, invoiceID: invoiceID, importID: importID,
                      words.invoiceDueDisagreement(invoice: item.invoice, said: due.disagreement.map { ($0.source, $0.date) },
                                                   kept: due.due, source: due.source))
        }
        if due.beyondLegalCap {
            work.beyondCap.append(item.invoice)
            try event("invoice.terms-beyond-cap", customerID: customerID, invoiceID: invoiceID, importID: importID,
                      words.invoiceTermsBeyondCap(invoice: item.invoice, due: due.due, source: due.source, issued: item.issued))
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
                      words.invoiceOlderSnapshot(invoice: item.invoice, file: file.fileName, asOf: snapshot.asOf,
                                                 applied: CivilDate(iso8601: seenAsOf) ?? snapshot.asOf))
            return false
        }
        let oldCustomer: Int64 = row["customer_id"]
        if oldCustomer != customer.id {
            try event("invoice.customer-changed", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                      words.invoiceCustomerChanged(invoice: item.invoice, customer: customer.externalID, file: file.fileName,
                                                   formerCustomerID: oldCustomer))
        }
        let oldOpen: Int64 = row["open_minor"]
        let oldDue: String? = row["due_on"]
        let oldSource: String? = row["due_source"]
        let issued = item.issued ?? (row["issued_on"] as String?).flatMap { CivilDate(iso8601: $0) }
        // A date an earlier document stated still counts; one derived from terms is recomputed.
        let previous = oldDue.flatMap { due -> DueDateResolution.Candidate? in
            guard let oldSource, !oldSource.hasPrefix(DueDateSource.customerTermsPrefix), !oldSource.hasPrefix(DueDateSource.creditorDefaultPrefix),
                  let date = CivilDate(iso8601: due) else { return nil }
            return .init(source: oldSource.hasSuffix(DueDateSource.earlierImportSuffix) ? oldSource : oldSource + DueDateSource.earlierImportSuffix,
                         date: date)
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
                      words.invoiceReopened(invoice: item.invoice, file: file.fileName, asOf: snapshot.asOf, open: item.open))
        } else if newOpen != oldOpen {
            let kind = newOpen < oldOpen ? "invoice.partly-paid" : "invoice.increased"
            try event(kind, customerID: customer.id, invoiceID: invoiceID, importID: importID,
                      words.invoiceOpenChanged(invoice: item.invoice, from: Money(minorUnits: oldOpen, currency: item.open.currency),
                                               to: item.open, file: file.fileName))
        }
        if newDue != oldDue {
            try event("invoice.due-changed", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                      words.invoiceDueChanged(invoice: item.invoice, from: oldDue.flatMap { CivilDate(iso8601: $0) },
                                              to: newDue.flatMap { CivilDate(iso8601: $0) }, source: due.source, file: file.fileName))
            try dueDateEvents(due, item: item, customerID: customer.id, invoiceID: invoiceID, importID: importID, work: &work)
        }
        if document != nil {
            try event("invoice.document-kept", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                      words.invoiceDocumentKept(invoice: item.invoice, file: file.fileName))
        }
        return reopened || newOpen != oldOpen || newDue != oldDue || oldCustomer != customer.id || document != nil
    }

    func settleMissing(from seen: Set<String>, importID: Int64) throws -> Int {
        let candidates = try Row.fetchAll(db, sql: """
            SELECT id, number, customer_id FROM invoice WHERE creditor_id = ? AND status = 'open' AND seen_as_of <= ?
            """, arguments: [creditor, asOf])
        var settled = 0
        for row in candidates where !seen.contains(row["number"] as String) {
            let id: Int64 = row["id"]
            try prepared(.settleInvoice).execute(arguments: [importID, asOf, importID, id])
            try event("invoice.settled", customerID: row["customer_id"], invoiceID: id, importID: importID,
                      words.invoiceSettledByImport(invoice: row["number"], file: file.fileName, asOf: snapshot.asOf))
            settled += 1
        }
        return settled
    }
}
