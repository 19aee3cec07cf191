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
            let words = try Self.wording(of: creditor.rawValue, in: db)
            let facts = try Self.receiptFacts(entryID, of: creditor, words: words, in: db)
            if let refusal = ReceiptResolutionDecision.refusal(facts, words: words) { throw StoreError(refusal) }
            let customerID: Int64? = try customer.map { external in
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE creditor_id = ? AND external_id = ?",
                                                  arguments: [creditor.rawValue, external]) else {
                    throw StoreError(ReceiptResolutionDecision.noSuchCustomer(external, words: words))
                }
                return id
            }
            try db.execute(sql: "INSERT INTO bank_receipt_link (entry_id, customer_id, linked_by, channel, linked_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [entryID, customerID, person, channel.rawValue, time])
            guard let customerID, let customer else {
                let dismissal = ReceiptResolutionDecision.dismissal(facts, creditor: creditor, by: person, channel: channel, words: words, at: time)
                try Self.append(dismissal.event, in: db)
                return dismissal.resolution
            }
            // The person's word teaches the payer first, so that this and the next transfers match.
            let recorder = BankMatchRecorder(db: db, creditorID: creditor)
            let taught = try BankPayerLink.payers(of: facts.entry, customerID: customerID).filter { try recorder.teach($0) }
            let link = ReceiptResolutionDecision.link(facts, customerID: customerID, customer: customer, taught: taught,
                                                      facts: try recorder.facts(customerID: customerID), creditor: creditor, by: person,
                                                      channel: channel, words: words, at: time)
            if let record = link.record { try recorder.write(record, at: time) }
            try Self.append(link.event, in: db)
            return link.resolution
        }
    }

    /// The receipt as it is now: refused as not found when it is not this creditor's.
    private static func receiptFacts(_ entryID: Int64, of creditor: CreditorID, words: any Wording, in db: Database) throws -> ReceiptResolutionDecision.Facts {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM bank_entry WHERE id = ? AND creditor_id = ?", arguments: [entryID, creditor.rawValue]),
              let entry = BankReversalApplier.entry(row) else {
            throw StoreError(ReceiptResolutionDecision.noSuchEntry(entryID, words: words))
        }
        let matched = try String.fetchAll(db, sql: """
            SELECT i.number FROM bank_match m JOIN invoice i ON i.id = m.invoice_id WHERE m.entry_id = ? ORDER BY m.id
            """, arguments: [entryID])
        let reversed = try Bool.fetchOne(db, sql: "SELECT 1 FROM bank_reversal WHERE original_entry_id = ?", arguments: [entryID]) == true
        let link = try Row.fetchOne(db, sql: """
            SELECT l.linked_by, c.external_id FROM bank_receipt_link l LEFT JOIN customer c ON c.id = l.customer_id WHERE l.entry_id = ?
            """, arguments: [entryID])
        return ReceiptResolutionDecision.Facts(entryID: entryID, entry: entry, matchedInvoices: matched, reversed: reversed,
                                               resolvedBy: link?["linked_by"], resolvedToCustomer: link?["external_id"])
    }

    static func unmatchedReceipt(_ row: Row) -> UnmatchedReceipt? {
        guard let entry = BankReversalApplier.entry(row) else { return nil }
        return UnmatchedReceipt(entryID: row["id"], booked: entry.booked, amount: entry.amount, payer: entry.counterparty,
                                payerIBAN: entry.counterpartyIBAN, remittance: entry.remittance, account: entry.account)
    }
}


extension StoreError {
    /// A person's word on a receipt refused (`ReceiptResolutionDecision`), as this store says it.
    init(_ refusal: ReceiptResolutionDecision.Refusal) {
        self.init(refusal.code == .notFound ? .notFound : .invalidState, refusal.message)
    }
}
