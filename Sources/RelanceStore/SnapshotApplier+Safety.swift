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

    typealias OpenInvoice = MassSettlementCheck.OpenInvoice

    /// The creditor's open invoices owed to it, read before the import writes (a fed import
    /// weighs them once every item is written).
    func openInvoices() throws -> [OpenInvoice] {
        try Row.fetchAll(db, sql: """
            SELECT number, currency, open_minor, seen_as_of FROM invoice WHERE creditor_id = ? AND status = 'open' AND open_minor > 0
            """, arguments: [creditor]).map {
            OpenInvoice(number: $0["number"], currency: $0["currency"], amount: $0["open_minor"], settleable: ($0["seen_as_of"] as String) <= asOf)
        }
    }

    /// `listed`: the snapshot's invoice numbers (its refused rows' are added by the check).
    func massSettlement(_ invoices: [OpenInvoice], listed: Set<String>, thresholdPercent: Int) throws -> String? {
        MassSettlementCheck.reason(invoices, listed: listed, snapshot: snapshot, thresholdPercent: thresholdPercent, words: words)
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
        let held = rules.heldEvent(importID: id, reason: reason)
        try event(held)
        var receipt = ImportReceipt(importID: id, outcome: .held)
        receipt.warnings.append(held.summary)
        return receipt
    }
}
