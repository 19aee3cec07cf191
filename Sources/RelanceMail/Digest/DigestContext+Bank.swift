public import RelanceCore

/// What bank statements add to a built digest: the receipts no invoice could be matched to,
/// each with what to do, after the day's tasks. They are money to place, so they make the
/// digest go out even when `send_when_empty` is off.
extension DigestContext {
    /// Receipts listed at most; the rest are counted, with the command that lists them all.
    public static let unmatchedReceiptsShown = 20

    public mutating func addUnmatchedReceipts(_ receipts: [UnmatchedReceipt], day: CivilDate, words: any Wording) {
        guard !receipts.isEmpty else { return }
        var items = receipts.prefix(Self.unmatchedReceiptsShown).map { receipt in
            let detail = words.unmatchedReceiptDetail(remittance: receipt.remittance, payerIBAN: receipt.payerIBAN)
            let commands = words.unmatchedReceiptCommands(entryID: receipt.entryID)
            return Item(number: "#\(receipt.entryID)", headline: words.unmatchedReceiptHeadline(booked: receipt.booked, payer: receipt.payer),
                        amount: words.amount(receipt.amount), phone: nil, phoneLink: nil, reason: detail, lines: [commands],
                        badge: nil, subline: detail)
        }
        if receipts.count > Self.unmatchedReceiptsShown {
            items.append(Item(number: nil, headline: words.unmatchedReceiptsMore(receipts.count - Self.unmatchedReceiptsShown), amount: nil,
                              phone: nil, phoneLink: nil, reason: nil, lines: [], badge: nil, subline: nil))
        }
        sections.append(Section(title: words.unmatchedReceiptsTitle(receipts.count), note: words.unmatchedReceiptsNote(), items: items))
        nothingToDo = nil
        needsAttention = true
        // Not "nothing to do": the subject says the receipts wait.
        subject = words.digestSubject(creditor: creditorName, day: day, work: work, receipts: receipts.count)
    }
}
