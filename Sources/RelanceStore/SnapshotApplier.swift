import Foundation
import GRDB
import RelanceCore

/// Applies one file's open items to the SQLite store inside the caller's write transaction: the
/// rules (`SnapshotRules`, `CustomerChoice`, `InvoiceUpdateDecision`, `MassSettlementCheck`,
/// `SnapshotImportTally` in RelanceCore) decide, this reads the facts and writes the decisions
/// with prepared statements, one item at a time. A snapshot that would settle too much at once
/// is held for a person instead.
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
    /// The same, as the text bound to the import's batched rows (`StatementValues`).
    let timeText: String

    /// The creditor's words for the journal's lines.
    let words: any Wording

    /// From how many new invoices a first load journals one line per customer instead of one
    /// per invoice (see `journalOpened`).
    let summaryMinimum: Int
    static let summaryMinimumDefault = SnapshotImportTally.summaryMinimumDefault

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
        timeText = String.fromDatabaseValue(timeValue) ?? ""
        asOf = snapshot.asOf.iso8601
        rules = SnapshotRules(file: file, snapshot: snapshot, time: time, words: words)
    }

    /// The shared rules over this import's file and snapshot (rebuilt when a fed import learns
    /// its refused rows and warnings at the end).
    var rules: SnapshotRules

    var creditor: String { file.creditor.rawValue }
    let asOf: String

    func apply() throws -> ImportReceipt {
        let receipt = try applyUnflushed()
        try prepared.flushEvents()
        return receipt
    }

    /// The receipt of bytes already applied or held for this creditor (after journaling the
    /// duplicate), or nil; throws when the creditor is unknown.
    func duplicate() throws -> ImportReceipt? {
        if let existing = try Row.fetchOne(db, sql: """
            SELECT id, status, as_of, authoritative, NOT EXISTS (
                SELECT 1 FROM import newer WHERE newer.creditor_id = import.creditor_id AND newer.id <> import.id
                  AND ((newer.status = 'applied' AND newer.authoritative = 1 AND (newer.id > import.id OR newer.as_of > import.as_of))
                       OR (newer.status = 'held' AND newer.id > import.id))) AS latest
            FROM import WHERE creditor_id = ? AND sha256 = ? AND status IN ('applied', 'held')
            """, arguments: [creditor, file.sha256]) {
            let earlier = SnapshotReconfirmation.EarlierImport(
                id: existing["id"], applied: (existing["status"] as String) == "applied", authoritative: existing["authoritative"],
                asOf: (existing["as_of"] as String?).flatMap { CivilDate(iso8601: $0) }, isLatestWord: existing["latest"])
            if let asOf = SnapshotReconfirmation.asOf(snapshot, dropping: earlier) {
                return try reconfirm(earlier, asOf: asOf)
            }
            try event(rules.duplicateEvent(of: earlier.id, held: !earlier.applied))
            return ImportReceipt(importID: earlier.id, outcome: earlier.applied ? .duplicate : .held)
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM creditor WHERE id = ?", arguments: [creditor]) == true else {
            throw StoreError(.unknownCreditor, "creditor \(creditor) is not registered")
        }
        return nil
    }

    /// The same undated export dropped again: its import now dates the books by `asOf`. Its
    /// invoices keep the date they were seen at: the confirmation is a reading of what the
    /// accountant meant, and must not outrank an export that states its own date — one dated in
    /// between, dropped later, still settles what it no longer lists.
    private func reconfirm(_ earlier: SnapshotReconfirmation.EarlierImport, asOf: CivilDate) throws -> ImportReceipt {
        try db.execute(sql: "UPDATE import SET as_of = ? WHERE id = ?", arguments: [asOf.iso8601, earlier.id])
        let line = rules.reconfirmedEvent(of: earlier.id, asOf: asOf, previous: earlier.asOf ?? asOf)
        try event(line)
        var receipt = ImportReceipt(importID: earlier.id, outcome: .duplicate)
        receipt.reconfirmedAsOf = asOf
        receipt.warnings = [line.summary]
        return receipt
    }

    private func applyUnflushed() throws -> ImportReceipt {
        if let receipt = try duplicate() { return receipt }
        let items = SnapshotRules.folded(snapshot.items)
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
        let bulk = Work.isFirstLoad(storedCount: stored.count, itemCount: items.count, summaryMinimum: summaryMinimum)
        // It also builds the invoices' secondary indexes after, rather than row by row.
        let pause = bulk ? try TrigramIndexPause.begin(db, creditor: creditor) : nil
        let indexPause = bulk ? try InvoiceIndexPause.begin(db, loading: items.count) : nil
        if bulk { work.journalsOpenedAtEnd = true }
        for item in items {
            try applyItem(item, importID: importID, work: &work, receipt: &receipt)
        }
        try prepared.flushInvoices()
        try indexPause?.end(db)
        try pause?.end(db)
        try finishItems(importID: importID, work: &work, receipt: &receipt, customersBefore: pause?.lastCustomerBefore,
                        invoicesBefore: pause?.lastInvoiceBefore ?? 0)
        return receipt
    }

    /// What follows the last item: the journal of a first load, refused rows, invoices the
    /// snapshot no longer lists, tasks for people, the receipt's warnings and the import's events.
    /// `customersBefore`, `invoicesBefore`: the largest customer and invoice ids before a first
    /// load (see `journalOpened`).
    func finishItems(importID: Int64, work: inout Work, receipt: inout ImportReceipt, customersBefore: Int64? = nil,
                     invoicesBefore: Int64 = 0) throws {
        if work.journalsOpenedAtEnd {
            try journalOpened(importID: importID, customersBefore: customersBefore, invoicesBefore: invoicesBefore)
        }
        if let refused = work.refusedRows(rules, importID: importID, receipt: &receipt) { try event(refused) }
        if snapshot.isAuthoritative && work.mayHaveUnlisted {
            receipt.settledInvoices = try settleMissing(from: work.seenNumbers, importID: importID)
        }
        try flagCustomersForPeople(work, importID: importID)
        for event in work.finish(rules, importID: importID, receipt: &receipt) { try self.event(event) }
    }

    /// What one import learns along the way (`SnapshotImportTally`, shared with PostgreSQL).
    typealias Work = SnapshotImportTally

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
        if work.writesEmails(of: item, to: customer) {
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
        work.note(item, customer: customer, receipt: &receipt)
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

    private func insertInvoice(_ item: OpenItem, details: InvoiceDetails, customer: CustomerDirectory.Entry, importID: Int64,
                               work: inout Work) throws {
        let due = rules.newInvoiceDue(item, details: details, customer: customer)
        // A first load's opened invoices are journaled at the end; what its due date calls for is rare.
        let journalsNow = !work.journalsOpenedAtEnd || !due.disagreement.isEmpty || due.beyondLegalCap
        let document = details.document
        // A first load's invoices go many to an INSERT; one whose line names its id goes alone,
        // after those before it.
        guard journalsNow else {
            return try prepared.appendInvoice {
                Self.invoiceRow(&$0, creditor: creditor, customerID: customer.id, item: item, due: due, asOf: asOf, importID: importID,
                                document: document)
            }
        }
        try prepared.flushInvoices()
        var values = StatementValues()
        Self.invoiceRow(&values, creditor: creditor, customerID: customer.id, item: item, due: due, asOf: asOf, importID: importID,
                        document: document)
        try values.run(try prepared(.insertInvoice)) { try $0.execute() }
        let invoiceID = db.lastInsertedRowID
        for event in rules.openedEvents(item, due: due, customerID: customer.id, invoiceID: invoiceID, importID: importID, tally: &work) {
            try self.event(event)
        }
    }

    /// A new invoice's 16 values, in `insertInvoice`'s order. Static, with what it needs passed
    /// in: a closure over `self` copied the whole applier for every row.
    private static func invoiceRow(_ values: inout StatementValues, creditor: String, customerID: Int64, item: OpenItem,
                                   due: DueDateResolution, asOf: String, importID: Int64, document: InvoiceDocument?) {
        values.append(creditor)
        values.append(customerID)
        values.append(item.invoice)
        values.append(item.open.currency.code)
        values.append(item.issued?.iso8601)
        values.append(due.due?.iso8601)
        values.append(due.source)
        values.append(item.total?.minorUnits)
        values.append(item.open.minorUnits)
        values.append(asOf)
        values.append(importID)
        values.append(importID)
        values.append(document?.path)
        values.append(document?.sha256)
        values.append(document?.mediaType)
        values.append(document?.fileName)
    }

    /// Returns whether anything changed.
    private func updateInvoice(_ row: Row, _ item: OpenItem, details: InvoiceDetails, customer: CustomerDirectory.Entry,
                               importID: Int64, work: inout Work) throws -> Bool {
        let stored = StoredInvoice(id: row["id"], customerID: row["customer_id"], issuedOn: row["issued_on"], openMinor: row["open_minor"],
                                   dueOn: row["due_on"], dueSource: row["due_source"], isSettled: (row["status"] as String) == "settled",
                                   seenAsOf: row["seen_as_of"], settledByImportID: row["settled_by_import_id"])
        let decision = InvoiceUpdateDecision(stored, item: item, details: details, customer: customer, importID: importID,
                                             rules: rules, tally: &work)
        for event in decision.eventsBefore { try self.event(event) }
        guard let new = decision.values else { return false }
        let document = new.document
        try prepared(.updateInvoice).execute(arguments: [new.customerID, new.openMinor, new.dueOn, new.dueSource, new.issuedOn,
                                                         new.totalMinor, new.isSettled ? "settled" : "open", new.settledByImportID,
                                                         new.seenAsOf, importID,
                                                         document?.path, document?.sha256, document?.mediaType, document?.fileName, stored.id])
        if let former = decision.formerCustomerID {
            try releasePlaceholderIfEmpty(former, importID: importID, work: work)
        }
        for event in decision.eventsAfter { try self.event(event) }
        return decision.changed
    }

    /// Settles, in the order of their numbers (as PostgreSQL's applier does), the open invoices
    /// the snapshot no longer lists.
    func settleMissing(from seen: Set<String>, importID: Int64) throws -> Int {
        let candidates = try Row.fetchAll(db, sql: """
            SELECT id, number, customer_id FROM invoice WHERE creditor_id = ? AND status = 'open' AND seen_as_of <= ? ORDER BY number
            """, arguments: [creditor, asOf])
        var settled = 0
        for row in candidates where !seen.contains(row["number"] as String) {
            let id: Int64 = row["id"]
            try prepared(.settleInvoice).execute(arguments: [importID, asOf, importID, id])
            try event(rules.settledEvent(number: row["number"], customerID: row["customer_id"], invoiceID: id, importID: importID))
            settled += 1
        }
        return settled
    }
}
