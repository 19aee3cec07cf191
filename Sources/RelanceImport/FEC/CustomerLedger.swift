import RelanceCore

/// Derives open items from one customer's account through its lettering (`EcritureLet`).
///
/// Every entry ends in exactly one place: a settled lettered group (sums to zero), a partly
/// paid group (one item for the remainder), an unlettered line (one item each), or the opening
/// balance. Items are then merged by invoice number. Nothing is dropped but zero sums, so a
/// customer's items always add up to the account's balance, debit minus credit.
enum CustomerLedger {
    /// Appends the account's open items to `result`. `entries`: its lines, in file order (lent
    /// by `LinesByAccount` for the call); `text`: where their references and letters lie.
    static func openItems(_ entries: UnsafeBufferPointer<LedgerEntry>, text: LedgerText, of account: CustomerAccount, currency: Currency,
                          file: String, into result: inout [OpenItem], notes: inout [ImportWarning]) {
        guard !entries.isEmpty else { return }
        let names = SharedPieceReference.invoiceNames(entries, text: text, customer: account.customer, notes: &notes)
        func reference(_ entry: LedgerEntry) -> String {
            names[entry.line] ?? (entry.hasPieceRef ? text.pieceRef(of: entry).string : "LIGNE-\(entry.line)")
        }
        var items: [OpenItem] = []
        func item(_ invoice: String, _ issued: CivilDate, _ amount: Int64, line: Int) -> OpenItem {
            OpenItem(customer: account.customer, customerName: account.name, invoice: invoice, issued: issued,
                     open: Money(minorUnits: amount, currency: currency), source: SourcePosition(file: file, line: line))
        }

        // A single unlettered à-nouveau line is a summary that cannot be split per invoice;
        // several ("à-nouveaux détaillés") keep each invoice's own reference and date.
        var summaryIndex: Int?
        var unletteredOpenings = 0
        for (index, entry) in entries.enumerated() where !entry.hasLetter && entry.isOpening {
            unletteredOpenings += 1
            summaryIndex = index
        }
        if unletteredOpenings != 1 { summaryIndex = nil }
        let summary = summaryIndex.map { entries[$0] }
        // Most lettered groups sum to zero and yield nothing: their sums are kept, not their
        // lines, which are gathered afterwards for the few groups that stay open.
        // Each letter's sum, groups numbered in the order their letters are met.
        var groups = FirstSeenMap<TextBytes, Int64>(capacity: entries.count)
        var groupOfEntry = [Int](repeating: -1, count: entries.count)
        for (index, entry) in entries.enumerated() {
            if entry.hasLetter {
                let letter = text.letter(of: entry)
                let group = groups.position(of: letter) ?? groups.append(letter, 0)
                groups.update(at: group) { $0 += entry.amount }
                groupOfEntry[index] = group
            } else if index != summaryIndex, entry.amount != 0 {
                items.append(item(reference(entry), entry.issued, entry.amount, line: entry.line))
            }
        }
        let groupSums = groups.values
        var openGroups: [Int: [LedgerEntry]] = [:]
        for (index, group) in groupOfEntry.enumerated() where group >= 0 && groupSums[group] != 0 {
            openGroups[group, default: []].append(entries[index])
        }

        var openingAmount = summary?.amount ?? 0
        for (number, remainder) in groupSums.enumerated() where remainder != 0 {
            let group = openGroups[number]!
            let debits = group.filter { $0.amount > 0 }.sorted { ($0.issuedKey, $0.line) < ($1.issuedKey, $1.line) }
            // More paid than the group's invoices: the excess was lettered with invoices of a
            // closed year, which live in the opening balance, so it reduces that balance rather
            // than stand alone as a credit.
            if remainder < 0 && summary != nil {
                openingAmount += remainder
                continue
            }
            if remainder < 0 {
                let anchor = group.filter { $0.amount < 0 }.max { ($0.issuedKey, $0.line) < ($1.issuedKey, $1.line) }!
                items.append(item(reference(anchor), anchor.issued, remainder, line: anchor.line))
                continue
            }
            // Partly paid: the group's credits settle its oldest invoices first (FIFO), so what
            // remains open is the tail of the latest ones, each for its own unpaid part.
            var credit = -group.filter { $0.amount < 0 }.reduce(Int64(0)) { $0 + $1.amount }
            for debit in debits {
                let applied = min(credit, debit.amount)
                credit -= applied
                if debit.amount - applied > 0 {
                    items.append(item(reference(debit), debit.issued, debit.amount - applied, line: debit.line))
                }
            }
        }
        if let summary, openingAmount != 0 {
            items.insert(item(reference(summary), summary.date, openingAmount, line: summary.line), at: 0)
        }
        merged(items, into: &result)
    }

    /// Lines that carry the same piece reference are one document (an invoice and a credit
    /// note quoting it, several lines of one invoice).
    private static func merged(_ items: [OpenItem], into result: inout [OpenItem]) {
        var byInvoice = FirstSeenMap<String, OpenItem>(capacity: items.count)
        for item in items {
            if let position = byInvoice.position(of: item.invoice) {
                byInvoice.update(at: position) { existing in
                    existing.open.minorUnits += item.open.minorUnits
                    if let a = existing.issued, let b = item.issued, b < a { existing.issued = b }
                }
            } else {
                byInvoice.append(item.invoice, item)
            }
        }
        for item in byInvoice.values where !item.open.isZero { result.append(item) }
    }
}
