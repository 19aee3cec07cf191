import Foundation
import GRDB
import RelanceCore

/// The mass-settlement safety: a snapshot that would settle too much at once waits for a person.
extension SnapshotApplier {
    /// Why the snapshot must wait for a person, or nil: it would settle more than the threshold
    /// of the open amount (in any currency) at once — a truncated or "overdue only" export.
    func massSettlement(_ items: [OpenItem], thresholdPercent: Int) throws -> String? {
        try massSettlement(try openInvoices(), listed: Set(items.map(\.invoice)), thresholdPercent: thresholdPercent)
    }

    /// An open invoice as the mass-settlement check weighs it.
    struct OpenInvoice {
        var number: String
        var currency: String
        var amount: Int64
        /// Last seen at or before this snapshot's date: a snapshot that does not list it settles it.
        var settleable: Bool
    }

    /// The creditor's open invoices owed to it, read before the import writes (a fed import
    /// weighs them once every item is written).
    func openInvoices() throws -> [OpenInvoice] {
        try Row.fetchAll(db, sql: """
            SELECT number, currency, open_minor, seen_as_of FROM invoice WHERE creditor_id = ? AND status = 'open' AND open_minor > 0
            """, arguments: [creditor]).map {
            OpenInvoice(number: $0["number"], currency: $0["currency"], amount: $0["open_minor"], settleable: ($0["seen_as_of"] as String) <= asOf)
        }
    }

    /// `listed`: the snapshot's invoice numbers (its refused rows' are added here).
    func massSettlement(_ invoices: [OpenInvoice], listed: Set<String>, thresholdPercent: Int) throws -> String? {
        // A refused row still lists its invoice: it is not paid, only unreadable today.
        let listed = listed.union((snapshot.refusedRows ?? []).compactMap(\.invoice))
        var open: [String: Int64] = [:]
        var settling: [String: Int64] = [:]
        var settlingCount = 0
        for invoice in invoices {
            open[invoice.currency, default: 0] += invoice.amount
            if invoice.settleable && !listed.contains(invoice.number) {
                settling[invoice.currency, default: 0] += invoice.amount
                settlingCount += 1
            }
        }
        for (currency, amount) in settling.sorted(by: { $0.key < $1.key }) {
            let total = open[currency] ?? 0
            guard total > 0, amount.multipliedReportingOverflow(by: 100).partialValue > total.multipliedReportingOverflow(by: Int64(thresholdPercent)).partialValue else { continue }
            let share = Int((Double(amount) * 100 / Double(total)).rounded())
            let unit = Currency(code: currency) ?? .euro
            return words.massSettlement(settling: settlingCount, amount: Money(minorUnits: amount, currency: unit),
                                        open: Money(minorUnits: total, currency: unit), percent: share, threshold: thresholdPercent)
        }
        return nil
    }

    func hold(reason: String) throws -> ImportReceipt {
        let encoded = try JSONEncoder().encode(snapshot)
        try db.execute(sql: """
            INSERT INTO import (creditor_id, file_name, sha256, byte_count, kind, status, as_of, authoritative, item_count, imported_at,
                                held_snapshot, held_reason)
            VALUES (?, ?, ?, ?, ?, 'held', ?, 1, ?, ?, ?, ?)
            """, arguments: [creditor, file.fileName, file.sha256, file.byteCount, file.kind, asOf, snapshot.items.count, time,
                             encoded, reason])
        let id = db.lastInsertedRowID
        let message = words.importHeld(importID: id, file: file.fileName, reason: reason)
        try event("import.held", importID: id, message, detail: ["sha256": file.sha256])
        var receipt = ImportReceipt(importID: id, outcome: .held)
        receipt.warnings.append(message)
        return receipt
    }
}
