import Foundation
import PostgresNIO
import RelanceCore

/// Applies one file's open items to the PostgreSQL book inside the caller's transaction, by the
/// rules SQLite's `SnapshotApplier` follows (RelanceCore: `SnapshotRules`, `CustomerChoice`,
/// `InvoiceUpdateDecision`, `MassSettlementCheck`, `SnapshotImportTally`). The creditor's
/// invoices, customers, addresses and open identify tasks are read once; the items are decided
/// in memory; the writes leave in a few batches (`PostgresImportPlan`) rather than a round trip
/// per row. Customers and invoices the import creates carry provisional ids until their batch
/// returns the real ones (see `PostgresImportPlan.provisionalBase`).
struct PostgresSnapshotApplier {
    let connection: PostgresConnection
    let logger: Logger
    let rules: SnapshotRules
    let summaryMinimum: Int

    var creditor: String { rules.file.creditor.rawValue }
    var snapshot: ReceivableSnapshot { rules.snapshot }

    /// The creditor's invoices as stored, by number, kept up to date as items change them.
    private var invoices: [String: StoredInvoice] = [:]
    /// Open invoices per customer, kept up to date (a placeholder left without any is released).
    private var openByCustomer: [Int64: Int] = [:]
    /// Each customer's `to` addresses, sorted.
    private var addresses: [Int64: [String]] = [:]
    /// The creditor's open `identify-customer` tasks: id, customer, dedup key.
    private var identifyTasks: [(id: Int64, customerID: Int64?, key: String?)] = []
    private var plan = PostgresImportPlan()

    init(connection: PostgresConnection, logger: Logger, rules: SnapshotRules,
         summaryMinimum: Int = SnapshotImportTally.summaryMinimumDefault) {
        self.connection = connection
        self.logger = logger
        self.rules = rules
        self.summaryMinimum = summaryMinimum
    }

    /// The whole import: a duplicate's receipt, a held snapshot, or the items applied.
    mutating func apply() async throws -> ImportReceipt {
        // Two daemons never apply to one creditor at once: the lock task opening takes, held to the end.
        try await PostgresStore.lockTaskOpening(of: rules.file.creditor, on: connection, logger: logger)
        if let receipt = try await duplicate() { return receipt }
        let items = SnapshotRules.folded(snapshot.items)
        try await readBook()
        if snapshot.isAuthoritative, let threshold = snapshot.massSettlementThresholdPercent {
            let weighed = invoices.filter { !$0.value.isSettled && $0.value.openMinor > 0 }.map {
                MassSettlementCheck.OpenInvoice(number: $0.key, currency: $0.value.currency, amount: $0.value.openMinor,
                                                settleable: $0.value.seenAsOf <= rules.asOf)
            }
            if let reason = MassSettlementCheck.reason(weighed, listed: Set(items.map(\.invoice)), snapshot: snapshot,
                                                       thresholdPercent: threshold, words: rules.words) {
                return try await hold(reason: reason)
            }
        }
        let importID = try await insertImport(status: "applied", itemCount: items.count)
        return try await applyItems(items, importID: importID, bookRead: true)
    }

    /// The receipt of bytes already applied or held for this creditor (after journaling the
    /// duplicate), or nil; throws when the creditor is unknown.
    private func duplicate() async throws -> ImportReceipt? {
        var found: SnapshotReconfirmation.EarlierImport?
        for try await (id, status, asOf, authoritative, latest) in try await connection.liveQuery("""
            SELECT id, status, as_of::text, authoritative, NOT EXISTS (
                SELECT 1 FROM import newer WHERE newer.creditor_id = import.creditor_id AND newer.id <> import.id
                  AND ((newer.status = 'applied' AND newer.authoritative AND (newer.id > import.id OR newer.as_of > import.as_of))
                       OR (newer.status = 'held' AND newer.id > import.id)))
            FROM import WHERE creditor_id = \(creditor) AND sha256 = \(rules.file.sha256) AND status IN ('applied', 'held')
            """, logger: logger).decode((Int64, String, String?, Bool, Bool).self) {
            found = SnapshotReconfirmation.EarlierImport(id: id, applied: status == "applied", authoritative: authoritative,
                                                         asOf: asOf.flatMap { CivilDate(iso8601: $0) }, isLatestWord: latest)
        }
        if let earlier = found {
            if let asOf = SnapshotReconfirmation.asOf(snapshot, dropping: earlier) {
                return try await reconfirm(earlier, asOf: asOf)
            }
            try await PostgresStore.append(rules.duplicateEvent(of: earlier.id, held: !earlier.applied), on: connection, logger: logger)
            return ImportReceipt(importID: earlier.id, outcome: earlier.applied ? .duplicate : .held)
        }
        var known = false
        for try await _ in try await connection.liveQuery("SELECT 1 FROM creditor WHERE id = \(creditor)", logger: logger).decode(Int32.self) {
            known = true
        }
        guard known else {
            throw PostgresStoreError(.unknownCreditor, "creditor \(creditor) is not registered", context: ["creditor": creditor])
        }
        return nil
    }

    /// The same undated export dropped again: its import now dates the books by `asOf`, its
    /// invoices keep the date they were seen at (SQLite's `SnapshotApplier.reconfirm` says why).
    private func reconfirm(_ earlier: SnapshotReconfirmation.EarlierImport, asOf: CivilDate) async throws -> ImportReceipt {
        try await connection.liveQuery("UPDATE import SET as_of = \(asOf.iso8601)::date WHERE id = \(earlier.id)", logger: logger)
        let line = rules.reconfirmedEvent(of: earlier.id, asOf: asOf, previous: earlier.asOf ?? asOf)
        try await PostgresStore.append(line, on: connection, logger: logger)
        var receipt = ImportReceipt(importID: earlier.id, outcome: .duplicate)
        receipt.reconfirmedAsOf = asOf
        receipt.warnings = [line.summary]
        return receipt
    }

    private func insertImport(status: String, itemCount: Int, held: (snapshot: Data, reason: String)? = nil) async throws -> Int64 {
        let file = rules.file
        for try await id in try await connection.liveQuery("""
            INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, as_of, authoritative, item_count, imported_at,
                                held_snapshot, held_reason)
            VALUES (\(creditor), \(file.fileName), \(file.sha256), \(Int64(file.byteCount)), \(file.kind), \(status), \(rules.asOf)::date,
                    \(snapshot.isAuthoritative), \(Int64(itemCount)), \(rules.time), \(held?.snapshot), \(held?.reason))
            RETURNING id
            """, logger: logger).decode(Int64.self) { return id }
        throw PostgresStoreError(.corrupt, "an import was not stored", context: ["file": file.fileName])
    }

    /// Kept whole for the person who confirms it (`confirmHeldImport`).
    private func hold(reason: String) async throws -> ImportReceipt {
        let id = try await insertImport(status: "held", itemCount: snapshot.items.count,
                                        held: (try JSONEncoder().encode(snapshot), reason))
        let held = rules.heldEvent(importID: id, reason: reason)
        try await PostgresStore.append(held, on: connection, logger: logger)
        var receipt = ImportReceipt(importID: id, outcome: .held)
        receipt.warnings.append(held.summary)
        return receipt
    }

    /// The creditor's invoices, addresses and open identify tasks, each in one query.
    private mutating func readBook() async throws {
        for try await (id, number, customer, currency, issued, open, due, source, status, seen, settledBy) in try await connection.liveQuery("""
            SELECT id, number, customer_id, currency, issued_on::text, open_minor, due_on::text, due_source, status, seen_as_of::text,
                   settled_by_import_id
            FROM invoice WHERE creditor_id = \(creditor)
            """, logger: logger).decode((Int64, String, Int64, String, String?, Int64, String?, String?, String, String, Int64?).self) {
            invoices[number] = StoredInvoice(id: id, customerID: customer, currency: currency, issuedOn: issued, openMinor: open, dueOn: due,
                                             dueSource: source, isSettled: status == "settled", seenAsOf: seen, settledByImportID: settledBy)
            if status == "open" { openByCustomer[customer, default: 0] += 1 }
        }
        for try await (customer, address) in try await connection.liveQuery("""
            SELECT e.customer_id, e.address FROM customer_email e JOIN customer c ON c.id = e.customer_id
            WHERE c.creditor_id = \(creditor) AND e.role = 'to'
            """, logger: logger).decode((Int64, String).self) {
            addresses[customer, default: []].append(address)
        }
        for key in addresses.keys { addresses[key]?.sort() }
        for try await (id, customer, key) in try await connection.liveQuery("""
            SELECT id, customer_id, dedup_key FROM task WHERE creditor_id = \(creditor) AND kind = 'identify-customer' AND state = 'open'
            ORDER BY id
            """, logger: logger).decode((Int64, Int64?, String?).self) {
            identifyTasks.append((id, customer, key))
        }
    }

    /// Applies the items under an import row that exists (`bookRead`: `readBook` already ran).
    mutating func applyItems(_ items: [OpenItem], importID: Int64, bookRead: Bool = false) async throws -> ImportReceipt {
        if !bookRead {
            try await PostgresStore.lockTaskOpening(of: rules.file.creditor, on: connection, logger: logger)
            try await readBook()
        }
        var receipt = ImportReceipt(importID: importID, outcome: .applied)
        var tally = SnapshotImportTally(directory: try await PostgresCustomerDirectory.read(creditor: creditor, on: connection, logger: logger),
                                        storedNumbers: Set(invoices.keys))
        tally.journalsOpenedAtEnd = SnapshotImportTally.isFirstLoad(storedCount: invoices.count, itemCount: items.count,
                                                                    summaryMinimum: summaryMinimum)
        for item in items { applyItem(item, importID: importID, tally: &tally, receipt: &receipt) }
        if tally.journalsOpenedAtEnd { plan.events += plan.openedLines(rules, importID: importID) }
        if let refused = tally.refusedRows(rules, importID: importID, receipt: &receipt) { plan.events.append(refused) }
        if snapshot.isAuthoritative && tally.mayHaveUnlisted {
            receipt.settledInvoices = settleMissing(seen: tally.seenNumbers, importID: importID)
        }
        try await plan.write(rules, importID: importID, on: connection, logger: logger)
        try await openIdentifyTasks(tally, importID: importID)
        try await plan.writeEvents(tally.finish(rules, importID: importID, receipt: &receipt), rules, importID: importID,
                                   on: connection, logger: logger)
        return receipt
    }

    private mutating func applyItem(_ item: OpenItem, importID: Int64, tally: inout SnapshotImportTally, receipt: inout ImportReceipt) {
        tally.seenNumbers.insert(item.invoice)
        let details = rules.details(of: item)
        let existing = invoices[item.invoice]
        let customer = customer(for: item, details: details, known: existing?.customerID, importID: importID, tally: &tally, receipt: &receipt)
        if tally.writesEmails(of: item, to: customer) {
            // As SQLite's: the ledger replaces, an e-invoice's buyer address only fills a gap.
            let decision = CustomerEmailsDecision(item.emails, current: addresses[customer.id] ?? [], role: "to", customerID: customer.id,
                                                  customerName: customer.externalID, position: item.source?.description ?? rules.fileName,
                                                  mode: snapshot.isAuthoritative ? .replace : .addWhenNone, creditor: rules.file.creditor,
                                                  importID: importID, time: rules.time, words: rules.words)
            plan.events += decision.invalidEvents
            if let wanted = decision.replacement, let change = decision.changeEvent {
                plan.emails.append((customer.id, hadAny: !(addresses[customer.id] ?? []).isEmpty, wanted))
                addresses[customer.id] = wanted
                plan.events.append(change)
                tally.directory.markContactable(customer.id)
            }
        }
        tally.note(item, customer: customer, receipt: &receipt)
        guard let existing else {
            let due = rules.newInvoiceDue(item, details: details, customer: customer)
            let id = plan.insert(item, due: due, customerID: customer.id, document: details.document)
            openByCustomer[customer.id, default: 0] += 1
            if !tally.journalsOpenedAtEnd || !due.disagreement.isEmpty || due.beyondLegalCap {
                plan.events += rules.openedEvents(item, due: due, customerID: customer.id, invoiceID: id, importID: importID, tally: &tally)
            }
            receipt.newInvoices += 1
            return
        }
        let decision = InvoiceUpdateDecision(existing, item: item, details: details, customer: customer, importID: importID,
                                             rules: rules, tally: &tally)
        plan.events += decision.eventsBefore
        if let new = decision.values {
            plan.updates.append(.init(id: existing.id, values: new))
            if !existing.isSettled { openByCustomer[existing.customerID, default: 0] -= 1 }
            if !new.isSettled { openByCustomer[new.customerID, default: 0] += 1 }
            var stored = existing
            stored.customerID = new.customerID
            stored.isSettled = new.isSettled
            stored.seenAsOf = new.seenAsOf
            stored.openMinor = new.openMinor
            invoices[item.invoice] = stored
            if let former = decision.formerCustomerID { releasePlaceholderIfEmpty(former, importID: importID, tally: tally) }
        }
        plan.events += decision.eventsAfter
        if decision.changed { receipt.updatedInvoices += 1 } else { receipt.unchangedInvoices += 1 }
    }

    /// Who the item belongs to (`CustomerChoice`): created or identified customers are planned.
    private mutating func customer(for item: OpenItem, details: InvoiceDetails, known: Int64?, importID: Int64,
                                   tally: inout SnapshotImportTally, receipt: inout ImportReceipt) -> CustomerDirectory.Entry {
        let choice = CustomerChoice.decide(item, details: details, known: known, importID: importID, rules: rules, tally: &tally,
                                           receipt: &receipt)
        plan.events += choice.events
        switch choice.target {
        case .existing(var entry):
            if choice.identifies {
                plan.identified.append(entry.id)
                let closed = closeIdentifyTasks(of: entry.id, note: rules.words.namedByTheLedger())
                plan.events.append(CustomerChoice.identified(&entry, name: item.customerName, closedTasks: closed, importID: importID,
                                                             rules: rules, tally: &tally))
            }
            if let name = choice.rename { plan.renames.append((entry.id, name)) }
            return entry
        case .create(let external, let name, let placeholder):
            let id = plan.create(externalID: external, name: name, placeholder: placeholder)
            let (entry, event) = CustomerChoice.created(id: id, externalID: external, name: name, placeholder: placeholder, importID: importID,
                                                        rules: rules, tally: &tally)
            if let event { plan.events.append(event) }
            return entry
        }
    }

    /// The customer's open identify tasks, closed with `note`; their ids.
    private mutating func closeIdentifyTasks(of customerID: Int64, note: String) -> [Int64] {
        let closed = identifyTasks.filter { $0.customerID == customerID }.map(\.id)
        guard !closed.isEmpty else { return [] }
        identifyTasks.removeAll { $0.customerID == customerID }
        plan.closedTasks.append((note, closed))
        return closed
    }

    /// A placeholder whose last open invoice the ledger gave to a real customer needs nobody anymore.
    private mutating func releasePlaceholderIfEmpty(_ customerID: Int64, importID: Int64, tally: SnapshotImportTally) {
        guard tally.directory.entry(id: customerID)?.needsIdentification == true, openByCustomer[customerID, default: 0] == 0 else { return }
        if !closeIdentifyTasks(of: customerID, note: rules.words.invoicesBelongToAKnownCustomer()).isEmpty {
            plan.events.append(rules.event("task.closed", customerID: customerID, importID: importID,
                                           rules.words.identifyTasksClosedByLedger(file: rules.fileName)))
        }
    }

    /// Open invoices stored before this import, seen at or before its date and not listed:
    /// settled in the order of their numbers' bytes (SQLite's binary order, as its applier does).
    private mutating func settleMissing(seen: Set<String>, importID: Int64) -> Int {
        let settling = invoices.filter { !$0.value.isSettled && rules.settles(number: $0.key, seenAsOf: $0.value.seenAsOf, seen: seen) }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (number, invoice) in settling {
            plan.settled.append(invoice.id)
            plan.events.append(rules.settledEvent(number: number, customerID: invoice.customerID, invoiceID: invoice.id, importID: importID))
        }
        return settling.count
    }

    /// The tasks for people, once the customers have their ids: inserted, then their lines.
    private func openIdentifyTasks(_ tally: SnapshotImportTally, importID: Int64) async throws {
        let open = Set(identifyTasks.compactMap(\.key))
        let tasks = tally.identifyTasks(rules, unless: open).map { task in
            var task = task
            task.customerID = plan.realID(ofCustomer: task.customerID)
            task.dedupKey = "identify-customer:\(task.customerID)"
            return task
        }
        guard !tasks.isEmpty else { return }
        let ids = try await PostgresImportPlan.insertTasks(tasks, rules, on: connection, logger: logger)
        try await plan.writeEvents(zip(tasks, ids).map { tally.taskOpenedEvent(rules, $0, id: $1, importID: importID) }, rules,
                                   importID: importID, on: connection, logger: logger)
    }
}
