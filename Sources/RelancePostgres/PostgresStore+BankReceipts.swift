public import Foundation
import PostgresNIO
public import RelanceCore

/// A person's word on an unmatched receipt on PostgreSQL, as on SQLite: the receipt read as it
/// is inside the transaction that writes (its row locked, under the creditor's bank lock), and
/// what the pure `ReceiptResolutionDecision` decides written. Two people (or daemons) resolving
/// the same receipt at once: the first wins, the second is refused in words (already linked or
/// set aside, by whom).
extension PostgresStore: BankReceiptStore {
    public func resolveReceipt(_ entryID: Int64, of creditor: CreditorID, customer: String?, by person: String,
                               channel: TaskOutcomeRequest.Channel, at time: Date) async throws -> ReceiptResolution {
        try await transaction { connection in
            try await Self.lockBankWork(of: creditor, on: connection, logger: logger)
            let words = try await Self.wording(of: creditor.rawValue, on: connection, logger: logger)
            let facts = try await Self.receiptFacts(entryID, of: creditor, words: words, on: connection, logger: logger)
            if let refusal = ReceiptResolutionDecision.refusal(facts, words: words) { throw PostgresStoreError(refusal) }
            var customerID: Int64?
            if let customer {
                let rows = try await connection.liveQuery("""
                    SELECT id FROM customer WHERE creditor_id = \(creditor.rawValue) AND external_id = \(customer)
                    """, logger: logger)
                for try await id in rows.decode(Int64.self) { customerID = id }
                guard customerID != nil else { throw PostgresStoreError(ReceiptResolutionDecision.noSuchCustomer(customer, words: words)) }
            }
            try await connection.liveQuery("""
                INSERT INTO bank_receipt_link (entry_id, customer_id, linked_by, channel, linked_at)
                VALUES (\(entryID), \(customerID), \(person), \(channel.rawValue), \(time))
                """, logger: logger)
            guard let customerID, let customer else {
                let dismissal = ReceiptResolutionDecision.dismissal(facts, creditor: creditor, by: person, channel: channel, words: words, at: time)
                try await Self.append(dismissal.event, on: connection, logger: logger)
                return dismissal.resolution
            }
            // The person's word teaches the payer first, so that this and the next transfers match.
            var taught: [BankPayerLink] = []
            for payer in BankPayerLink.payers(of: facts.entry, customerID: customerID) {
                if try await Self.teachBankPayer(payer, of: creditor, on: connection, logger: logger) { taught.append(payer) }
            }
            let link = ReceiptResolutionDecision.link(
                facts, customerID: customerID, customer: customer, taught: taught,
                facts: try await Self.bankMatchingFacts(of: creditor, customerID: customerID, on: connection, logger: logger),
                creditor: creditor, by: person, channel: channel, words: words, at: time)
            if let record = link.record { try await Self.writeBankMatch(record, of: creditor, at: time, on: connection, logger: logger) }
            try await Self.append(link.event, on: connection, logger: logger)
            return link.resolution
        }
    }

    /// The receipt as it is now, its row locked until the transaction ends; refused as not
    /// found when it is not this creditor's.
    private static func receiptFacts(_ entryID: Int64, of creditor: CreditorID, words: any Wording, on connection: PostgresConnection,
                                     logger: Logger) async throws -> ReceiptResolutionDecision.Facts {
        let entries = try await bankEntries(connection.liveQuery("""
            SELECT \(unescaped: bankEntryColumns) FROM bank_entry e WHERE e.id = \(entryID) AND e.creditor_id = \(creditor.rawValue) FOR UPDATE
            """, logger: logger))
        guard let entry = entries.first?.entry else { throw PostgresStoreError(ReceiptResolutionDecision.noSuchEntry(entryID, words: words)) }
        var matched: [String] = []
        let numbers = try await connection.liveQuery("""
            SELECT i.number FROM bank_match m JOIN invoice i ON i.id = m.invoice_id WHERE m.entry_id = \(entryID) ORDER BY m.id
            """, logger: logger)
        for try await number in numbers.decode(String.self) { matched.append(number) }
        var reversed = false
        let reversals = try await connection.liveQuery("SELECT EXISTS (SELECT 1 FROM bank_reversal WHERE original_entry_id = \(entryID))",
                                                   logger: logger)
        for try await exists in reversals.decode(Bool.self) { reversed = exists }
        var resolvedBy: String?
        var resolvedTo: String?
        let links = try await connection.liveQuery("""
            SELECT l.linked_by, c.external_id FROM bank_receipt_link l LEFT JOIN customer c ON c.id = l.customer_id WHERE l.entry_id = \(entryID)
            """, logger: logger)
        for try await (by, customer) in links.decode((String, String?).self) {
            resolvedBy = by
            resolvedTo = customer
        }
        return ReceiptResolutionDecision.Facts(entryID: entryID, entry: entry, matchedInvoices: matched, reversed: reversed,
                                               resolvedBy: resolvedBy, resolvedToCustomer: resolvedTo)
    }
}

extension PostgresStoreError {
    /// A person's word on a receipt refused (`ReceiptResolutionDecision`), as this store says it.
    init(_ refusal: ReceiptResolutionDecision.Refusal) {
        self.init(refusal.code == .notFound ? .notFound : .invalidState, refusal.message)
    }
}
