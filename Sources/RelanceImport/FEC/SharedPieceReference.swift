/// Tells apart invoices that share one piece reference. Many ledgers give `PieceRef` the
/// journal page (`VE  0623`: the sales of June 2023), not the invoice number, so two sales
/// entries with different entry numbers (`EcritureNum`) on different dates are two invoices,
/// each with its own date and due date, even though their reference is the same. Lines of
/// one entry (same number) or of one day stay one invoice, as before.
///
/// The first invoice keeps the plain reference (so a ledger that gains a second one later
/// does not rename the first); the next ones are named `REF/ENTRY` (`VE  0623/212`), or
/// `REF/DATE` when the entry number is not a number. Payments and credit notes quoting the
/// reference follow the invoice their lettering, then their amount, then their date points to.
enum SharedPieceReference {
    /// Names by file line, only for the lines whose reference is shared by several invoices.
    static func invoiceNames(_ entries: UnsafeBufferPointer<LedgerEntry>, text: LedgerText, customer: String,
                             notes: inout [ImportWarning]) -> [Int: String] {
        // Most references are unique: one look-up per invoice line among the account's, nothing more.
        var firstDebit = FirstSeenMap<TextBytes, Int>(capacity: entries.count)
        var shared: [TextBytes: [Int]] = [:]
        for (index, entry) in entries.enumerated() where entry.amount > 0 && entry.hasPieceRef && !entry.isOpening {
            let pieceRef = text.pieceRef(of: entry)
            if let first = firstDebit[pieceRef] {
                if shared[pieceRef] == nil { shared[pieceRef] = [first] }
                shared[pieceRef]!.append(index)
            } else {
                firstDebit.append(pieceRef, index)
            }
        }
        guard !shared.isEmpty else { return [:] }
        var creditsByReference: [TextBytes: [LedgerEntry]] = [:]
        for entry in entries where entry.amount < 0 {
            let pieceRef = text.pieceRef(of: entry)
            if shared[pieceRef] != nil { creditsByReference[pieceRef, default: []].append(entry) }
        }
        var names: [Int: String] = [:]
        // In the order of the references' Strings, as when the keys were Strings.
        let byReference = shared.map { (reference: $0.key.string, key: $0.key, debitIndices: $0.value) }.sorted { $0.reference < $1.reference }
        for (reference, key, debitIndices) in byReference {
            let debits = debitIndices.map { entries[$0] }.sorted { ($0.dateKey, $0.line) < ($1.dateKey, $1.line) }
            var invoices: [[LedgerEntry]] = []
            for debit in debits {
                if let at = invoices.firstIndex(where: { sameInvoice($0[0], debit) }) {
                    invoices[at].append(debit)
                } else {
                    invoices.append([debit])
                }
            }
            guard invoices.count > 1 else { continue }
            let labels = invoices.enumerated().map { number, lines in
                number == 0 ? reference : "\(reference)/\(suffix(lines[0]))"
            }
            for (number, lines) in invoices.enumerated() {
                for line in lines { names[line.line] = labels[number] }
            }
            for credit in creditsByReference[key] ?? [] {
                names[credit.line] = labels[invoiceOf(credit, among: invoices, text: text)]
            }
            let entries = invoices.map { lines in
                FECNote.SharedEntry(number: lines[0].entryNumber >= 0 && lines[0].entryNumber < 1_000_000_000 ? Int(lines[0].entryNumber) : nil,
                                    date: lines[0].date)
            }
            notes.append(ImportWarning(.fec(.sharedPieceReference(customer: customer, reference: reference, entries: entries, labels: labels))))
        }
        return names
    }

    /// One invoice: the same entry, or entries of the same day (the entry number alone may be
    /// absent or constant, as in ledgers that number nothing).
    private static func sameInvoice(_ a: LedgerEntry, _ b: LedgerEntry) -> Bool {
        if a.entryNumber == b.entryNumber { return true }
        return a.dateKey == b.dateKey
    }

    private static func suffix(_ entry: LedgerEntry) -> String {
        entry.entryNumber >= 0 && entry.entryNumber < 1_000_000_000 ? String(entry.entryNumber) : entry.date.iso8601
    }

    /// The invoice a payment or credit note with the shared reference settles: the one it is
    /// lettered with, else the one whose amount it matches, else the latest one before it.
    private static func invoiceOf(_ credit: LedgerEntry, among invoices: [[LedgerEntry]], text: LedgerText) -> Int {
        let letter = text.letter(of: credit)
        if !letter.isEmpty, let at = invoices.firstIndex(where: { $0.contains { text.letter(of: $0) == letter } }) {
            return at
        }
        if let at = invoices.firstIndex(where: { $0.reduce(Int64(0)) { $0 + $1.amount } == -credit.amount }) {
            return at
        }
        return invoices.lastIndex { $0[0].dateKey <= credit.dateKey } ?? 0
    }
}
