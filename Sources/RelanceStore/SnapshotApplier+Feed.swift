import Foundation
import GRDB
import RelanceCore

/// A snapshot whose items arrive in batches while the file is read (`OpenItemFeed`), written
/// as they come in the caller's one transaction: the same rows, events and receipt as
/// `apply()` for the same items, without the file's items all in memory at once.
extension SnapshotApplier {
    /// Throws `WholeFileNeeded` (the caller's transaction is then undone) when an invoice
    /// number comes twice (lines to fold, which `apply()` does over the whole file), when the
    /// feed stopped for the same reason, or when the snapshot must be held: a held import keeps
    /// its whole snapshot for the person who confirms it.
    mutating func apply(feed: OpenItemFeed) throws -> ImportReceipt {
        if let receipt = try duplicate() {
            // Its journal line is buffered like the items' (it was lost here before).
            try prepared.flushEvents()
            return receipt
        }
        // The open amounts as they were, for the mass-settlement check once the items are known.
        let threshold = snapshot.isAuthoritative ? snapshot.massSettlementThresholdPercent : nil
        let openBefore = threshold == nil ? [] : try openInvoices()
        try db.execute(sql: """
            INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, as_of, authoritative, item_count, imported_at)
            VALUES (?, ?, ?, ?, ?, 'applied', ?, ?, 0, ?)
            """, arguments: [creditor, file.fileName, file.sha256, file.byteCount, file.kind, asOf, snapshot.isAuthoritative, time])
        let importID = db.lastInsertedRowID
        var receipt = ImportReceipt(importID: importID, outcome: .applied)

        // Enough items to know whether this is a large first load (see `applyItems`); the
        // lifted indexes are then built after whatever the rest of the file brings.
        var first = snapshot.items
        while first.count < summaryMinimum, let batch = try feed.next() { first += batch }
        let stored = Set(try String.fetchAll(db, sql: "SELECT number FROM invoice WHERE creditor_id = ?", arguments: [creditor]))
        var work = Work(directory: try CustomerDirectory(db: db, creditor: creditor), storedNumbers: stored)
        let bulk = Work.isFirstLoad(storedCount: stored.count, itemCount: first.count, summaryMinimum: summaryMinimum)
        let pause = bulk ? try TrigramIndexPause.begin(db, creditor: creditor) : nil
        let indexPause = bulk ? try InvoiceIndexPause.begin(db, loading: first.count) : nil
        if bulk { work.journalsOpenedAtEnd = true }
        var count = 0
        var batch: [OpenItem]? = first
        first = []
        while let items = batch {
            // By index: each item is read in place, where `for item in items` retained every string of it.
            for index in items.indices {
                guard !work.seenNumbers.contains(items[index].invoice) else { throw WholeFileNeeded() }
                try applyItem(items[index], importID: importID, work: &work, receipt: &receipt)
            }
            count += items.count
            batch = try feed.next()
        }
        try prepared.flushInvoices()
        let end = feed.end()
        if end.needsWholeFile { throw WholeFileNeeded() }
        snapshot.refusedRows = end.refusedRows.isEmpty ? nil : end.refusedRows
        file.warnings = end.warnings
        rules = SnapshotRules(file: file, snapshot: snapshot, time: time, words: words)
        if let threshold, try massSettlement(openBefore, listed: work.seenNumbers, thresholdPercent: threshold) != nil {
            throw WholeFileNeeded()
        }
        try db.execute(sql: "UPDATE import SET item_count = ? WHERE id = ?", arguments: [count, importID])
        try indexPause?.end(db)
        try pause?.end(db)
        try finishItems(importID: importID, work: &work, receipt: &receipt, customersBefore: pause?.lastCustomerBefore,
                        invoicesBefore: pause?.lastInvoiceBefore ?? 0)
        try prepared.flushEvents()
        return receipt
    }
}
