public import Foundation
import GRDB
public import RelanceCore

extension AppDatabase: BankReceiptStore {
    /// Receipts with no match, no reversal and no person's word yet.
    static let unresolvedReceiptSQL = """
        e.amount_minor > 0 AND e.reversal = 0
        AND NOT EXISTS (SELECT 1 FROM bank_match m WHERE m.entry_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM bank_reversal r WHERE r.original_entry_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM bank_receipt_link l WHERE l.entry_id = e.id)
        """

    public func unmatchedReceipts(of creditor: CreditorID) async throws -> [UnmatchedReceipt] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.* FROM bank_entry e WHERE e.creditor_id = ? AND \(Self.unresolvedReceiptSQL)
                ORDER BY e.booked_on, e.id
                """, arguments: [creditor.rawValue]).compactMap(Self.unmatchedReceipt)
        }
    }

    public func resolveReceipt(_ entryID: Int64, of creditor: CreditorID, customer: String?, by person: String,
                               channel: TaskOutcomeRequest.Channel, at time: Date) async throws -> ReceiptResolution {
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM bank_entry WHERE id = ? AND creditor_id = ?", arguments: [entryID, creditor.rawValue]),
                  let receipt = Self.unmatchedReceipt(row), let entry = BankReversalApplier.entry(row) else {
                throw StoreError(.notFound, "there is no bank entry #\(entryID) for creditor \(creditor): `relance bank unmatched` lists the receipts to resolve")
            }
            try Self.checkUnresolved(entryID, entry, in: db)
            let customerID: Int64? = try customer.map { external in
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE creditor_id = ? AND external_id = ?",
                                                  arguments: [creditor.rawValue, external]) else {
                    throw StoreError(.notFound, "there is no customer \(external) in the books of creditor \(creditor): give the customer's id as the export writes it")
                }
                return id
            }
            try db.execute(sql: "INSERT INTO bank_receipt_link (entry_id, customer_id, linked_by, channel, linked_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [entryID, customerID, person, channel.rawValue, time])
            let label = entry.label
            let words = try Self.wording(of: creditor.rawValue, in: db)
            guard let customerID, let customer else {
                try Self.append(NewEvent(time: time, kind: "bank.dismissed", creditor: creditor,
                                         summary: words.receiptSetAside(amount: entry.amount, booked: entry.booked, label: label, by: person, channel: channel),
                                         detail: ["entry": String(entryID), "by": person]), in: db)
                return ReceiptResolution(entryID: entryID, customer: nil, paidInvoices: [], onAccount: Money.zero(entry.amount.currency), taught: [])
            }
            // The person's word teaches the payer first, so that this and the next transfers match.
            let recorder = BankMatchRecorder(db: db, creditorID: creditor, time: time, words: words)
            var taught: [String] = []
            if let iban = receipt.payerIBAN, try recorder.learn("iban", iban, customerID: customerID, matchID: nil) { taught.append(iban) }
            if let name = receipt.payer.map(PaymentMatcher.payerNameKey), !name.isEmpty,
               try recorder.learn("name", name, customerID: customerID, matchID: nil) { taught.append(name) }
            var matcher = try recorder.makeMatcher(customerID: customerID)
            let match = matcher.match(entry, forCustomer: customerID)
            if let match { try recorder.record(match, entryID: entryID, entry: entry, importID: nil) }
            let paid = match?.allocations.map(\.number) ?? []
            let onAccount = match?.unallocated ?? entry.amount
            let summary = words.receiptLinked(amount: entry.amount, booked: entry.booked, label: label, customer: customer, by: person,
                                              channel: channel, paid: paid, onAccount: onAccount, taught: taught)
            try Self.append(NewEvent(time: time, kind: "bank.linked", creditor: creditor, customerID: customerID, summary: summary,
                                     detail: ["entry": String(entryID), "by": person, "invoices": paid.joined(separator: ",")]), in: db)
            return ReceiptResolution(entryID: entryID, customer: customer, paidInvoices: paid, onAccount: onAccount, taught: taught)
        }
    }

    /// A receipt a person may still resolve: money received, not matched, reversed or resolved.
    private static func checkUnresolved(_ entryID: Int64, _ entry: BankEntry, in db: Database) throws {
        guard entry.amount.minorUnits > 0, !entry.isReversal else {
            throw StoreError(.invalidState, "bank entry #\(entryID) is \(entry.isReversal ? "a reversal" : "money paid out"), not a receipt: there is nothing to link")
        }
        if let numbers = try String.fetchOne(db, sql: """
            SELECT group_concat(i.number, ', ') FROM bank_match m JOIN invoice i ON i.id = m.invoice_id WHERE m.entry_id = ?
            """, arguments: [entryID]) {
            throw StoreError(.invalidState, "bank entry #\(entryID) was already matched to invoice \(numbers): `relance customer` shows it on the timeline")
        }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM bank_reversal WHERE original_entry_id = ?", arguments: [entryID]) == true {
            throw StoreError(.invalidState, "bank entry #\(entryID) was reversed by the bank: the money came back, there is nothing to link")
        }
        if let link = try Row.fetchOne(db, sql: """
            SELECT l.linked_by, c.external_id FROM bank_receipt_link l LEFT JOIN customer c ON c.id = l.customer_id WHERE l.entry_id = ?
            """, arguments: [entryID]) {
            let whom = (link["external_id"] as String?).map { "linked to customer \($0)" } ?? "set aside"
            throw StoreError(.invalidState, "bank entry #\(entryID) was already \(whom) by \(link["linked_by"] as String)")
        }
    }

    static func unmatchedReceipt(_ row: Row) -> UnmatchedReceipt? {
        guard let entry = BankReversalApplier.entry(row) else { return nil }
        return UnmatchedReceipt(entryID: row["id"], booked: entry.booked, amount: entry.amount, payer: entry.counterparty,
                                payerIBAN: entry.counterpartyIBAN, remittance: entry.remittance, account: entry.account)
    }
}
