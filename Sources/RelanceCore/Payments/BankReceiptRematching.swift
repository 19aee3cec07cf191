public import Foundation

/// After a ledger or open-invoice import: the receipts left unmatched (no match, no reversal, no
/// person's word) matched again against the open invoices as they are now — a later export may
/// bring the invoice a transfer named. The same matcher and records as a statement's import;
/// oldest receipt first, each match consuming what it paid.
///
/// One rule more than at a statement's import: a match by a known payer's amount (never
/// certain by itself) is not taken when an invoice it would pay was issued after the money
/// arrived — a transfer cannot pay an invoice not yet written, and a recurring invoice of the
/// same amount would otherwise swallow an old unrelated receipt. A reference or an invoice
/// number in the label names the invoice, whatever its date.
public struct BankReceiptRematching: Sendable, Hashable {
    /// The matches to record, oldest receipt first.
    public var records: [BankMatchRecord]
    /// `bank.rematched`, when any receipt was matched.
    public var event: NewEvent?

    public var matched: Int { records.count }

    /// `receipts`: the unresolved receipts, oldest first (booked day, then id).
    public init(receipts: [(id: Int64, entry: BankEntry)], facts: BankMatchingFacts, importID: Int64, creditor: CreditorID,
                words: any Wording, at time: Date) {
        var matcher = facts.matcher()
        let ledgerOpen = facts.ledgerOpen
        let issued = facts.issued
        records = []
        for (id, entry) in receipts {
            var trial = matcher
            guard let match = trial.match(entry) else { continue }
            if match.method == .knownPayer,
               match.allocations.contains(where: { allocation in issued[allocation.invoiceID].map { $0 > entry.booked } ?? false }) {
                continue
            }
            matcher = trial
            records.append(BankMatchRecord(match, entryID: id, entry: entry, importID: importID, ledgerOpen: ledgerOpen, creditor: creditor,
                                           words: words, at: time))
        }
        event = records.isEmpty ? nil : NewEvent(time: time, kind: "bank.rematched", creditor: creditor, importID: importID,
                                                 summary: words.bankReceiptsRematched(records.count), detail: ["receipts": String(records.count)])
    }
}
