public import Foundation

/// A statement's import as both stores do it, once its new entries are stored (the others were
/// read from an earlier, overlapping statement: `BankEntryIdentity`): its receipts matched in
/// the statement's order, each match consuming what it paid, then its reversals (after the
/// receipts, so that a reversal finds a receipt of the same statement matched), and the
/// journal's lines of the statement itself.
public struct BankStatementMatching: Sendable {
    /// What a new receipt became.
    public enum Receipt: Sendable, Hashable {
        case matched(BankMatchRecord)
        /// Listed for a person (`bank.unmatched`), no task.
        case unmatched(entryID: Int64, NewEvent)
    }

    public var receipts: [Receipt]
    /// The new reversals, in the statement's order: each looked for with `BankReversalFinder`.
    public var reversals: [(id: Int64, entry: BankEntry)]

    /// `fresh`: the entries this statement stored, with their ids, in its order.
    public init(fresh: [(id: Int64, entry: BankEntry)], facts: BankMatchingFacts, importID: Int64, creditor: CreditorID,
                words: any Wording, at time: Date) {
        var matcher = facts.matcher()
        let ledgerOpen = facts.ledgerOpen
        receipts = fresh.filter { $0.entry.amount.minorUnits > 0 && !$0.entry.isReversal }.map { received -> Receipt in
            let (id, entry) = received
            guard let match = matcher.match(entry) else {
                return .unmatched(entryID: id, NewEvent(
                    time: time, kind: "bank.unmatched", creditor: creditor, importID: importID,
                    summary: words.bankUnmatched(amount: entry.amount, booked: entry.booked, payer: entry.counterparty, remittance: entry.remittance),
                    detail: ["entry": String(id)]))
            }
            return .matched(BankMatchRecord(match, entryID: id, entry: entry, importID: importID, ledgerOpen: ledgerOpen,
                                                         creditor: creditor, words: words, at: time))
        }
        reversals = fresh.filter { $0.entry.isReversal }
    }

    /// Counts the receipts into the import's receipt.
    public func tally(into receipt: inout BankImportReceipt) {
        for outcome in receipts {
            switch outcome {
            case .matched(let record):
                receipt.matchedReceipts += 1
                receipt.paidInvoices += record.payments.count
            case .unmatched:
                receipt.unmatchedReceipts += 1
            }
        }
    }

    /// The same file already applied (or held): `import.duplicate` on that import.
    public static func duplicateFileEvent(_ file: ImportedFile, of importID: Int64, words: any Wording, at time: Date) -> NewEvent {
        NewEvent(time: time, kind: "import.duplicate", creditor: file.creditor, importID: importID,
                 summary: words.importDuplicate(file: file.fileName, of: importID, held: false))
    }

    /// The same statement in another file (its fingerprint known): `import.duplicate` on the first.
    public static func duplicateStatementEvent(_ file: ImportedFile, of importID: Int64, words: any Wording, at time: Date) -> NewEvent {
        NewEvent(time: time, kind: "import.duplicate", creditor: file.creditor, importID: importID,
                 summary: words.bankStatementAlreadyImported(file: file.fileName, as: importID))
    }

    /// The import's closing line, with what it did.
    public static func appliedEvent(_ file: ImportedFile, _ statement: BankStatement, receipt: BankImportReceipt, words: any Wording,
                                    at time: Date) -> NewEvent {
        NewEvent(time: time, kind: "import.applied", creditor: file.creditor, importID: receipt.importID,
                 summary: words.bankStatementImported(file: file.fileName, format: statement.format.rawValue, newEntries: receipt.newEntries,
                                                      knownEntries: receipt.knownEntries, matched: receipt.matchedReceipts,
                                                      invoices: receipt.paidInvoices, unmatched: receipt.unmatchedReceipts,
                                                      reversed: receipt.reversedReceipts),
                 detail: ["sha256": file.sha256])
    }

    /// The import's `as_of`: the latest booking day of the statement.
    public static func asOf(_ statement: BankStatement) -> CivilDate? { statement.entries.map(\.booked).max() }
}
