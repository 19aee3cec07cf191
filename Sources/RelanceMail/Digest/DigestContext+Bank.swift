public import RelanceCore

/// What bank statements add to a built digest: the receipts no invoice could be matched to,
/// each with what to do, after the day's tasks. They are money to place, so they make the
/// digest go out even when `send_when_empty` is off.
extension DigestContext {
    /// Receipts listed at most, as every digest list (`DigestContextBuilder.listCap`); the rest
    /// are counted, with where to see them all.
    public static let unmatchedReceiptsShown = DigestContextBuilder.listCap

    public mutating func addUnmatchedReceipts(_ receipts: [UnmatchedReceipt], day: CivilDate, words: any Wording) {
        guard !receipts.isEmpty else { return }
        let items = receipts.prefix(Self.unmatchedReceiptsShown).map { receipt in
            let detail = words.unmatchedReceiptDetail(remittance: receipt.remittance, payerIBAN: receipt.payerIBAN)
            let commands = words.unmatchedReceiptCommands(entryID: receipt.entryID)
            return Item(number: "#\(receipt.entryID)", headline: words.unmatchedReceiptHeadline(booked: receipt.booked, payer: receipt.payer),
                        amount: words.amount(receipt.amount), phone: nil, phoneLink: nil, reason: detail, lines: [commands],
                        badge: nil, subline: detail)
        }
        var section = Section(title: words.unmatchedReceiptsTitle(receipts.count), note: words.unmatchedReceiptsNote(count: receipts.count), items: Array(items))
        if receipts.count > Self.unmatchedReceiptsShown {
            section.more = words.moreInList(receipts.count - Self.unmatchedReceiptsShown, .unmatchedReceipts)
        }
        sections.append(section)
        nothingToDo = nil
        needsAttention = true
        // Not "nothing to do": the subject says the receipts wait.
        subject = words.digestSubject(creditor: creditorName, day: day, work: work, receipts: receipts.count)
    }
}
