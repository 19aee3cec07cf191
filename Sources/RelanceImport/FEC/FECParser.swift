import RelanceCore

/// Reads a Fichier des Écritures Comptables (article A47 A-1 of the Livre des procédures
/// fiscales) and derives each customer's open items from the 411 accounts and their lettering.
///
/// Customers are keyed by `CompAuxNum` (the auxiliary account), else by `CompteNum`. FEC lines
/// carry no due dates nor emails: those come from the contacts file and the payment terms.
public struct FECParser: Sendable {
    public var options: ImportOptions
    /// Accounts whose number starts with this are customer accounts.
    public var customerAccountPrefix: String
    /// From how many bytes of lines the file is read in two stretches, one per core (tests
    /// lower it to split small files).
    var minimumSplit = 1 << 20

    public init(options: ImportOptions = ImportOptions(), customerAccountPrefix: String = "411") {
        self.options = options
        self.customerAccountPrefix = customerAccountPrefix
    }

    public func parse(_ bytes: [UInt8], fileName: String) throws(ImportError) -> ParsedImport {
        let text = try TextEncodingDetector.decode(bytes, file: fileName)
        return try text.utf8.withUnsafeBufferPointer { (utf8) throws(ImportError) -> ParsedImport in
            try parse(utf8: utf8, fileName: fileName)
        }
    }

    private func parse(utf8: UnsafeBufferPointer<UInt8>, fileName: String) throws(ImportError) -> ParsedImport {
        let firstLineEnd = utf8.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? utf8.count
        let headerBytes = utf8[..<firstLineEnd]
        // The law allows TAB or |; some tools write ; anyway, which is read rather than refused.
        let separator: UInt8 = [0x09, UInt8(ascii: "|"), UInt8(ascii: ";")].first { headerBytes.contains($0) } ?? 0x09
        var reader = FECLineReader(bytes: utf8, separator: separator)
        guard reader.next() else {
            throw ImportError(.empty, at: SourcePosition(file: fileName), .fec(.fileEmpty))
        }
        var header = (0..<reader.fieldCount).map { reader.text(reader[field: $0]) }
        // Some exporters end every line, the header included, with a separator: one empty
        // field more on each line. Only then is that extra field tolerated, so that a label
        // holding the separator still shifts the line and is caught.
        let trailingSeparator = header.count > 1 && header.last!.isEmpty
        if trailingSeparator { header.removeLast() }
        let columns = try FECColumns(header: header, file: fileName, line: reader.line)
        let layout = FECChunk.Layout(columns: columns, expected: columns.count + (trailingSeparator ? 1 : 0),
                                     trailingSeparator: trailingSeparator, separator: separator, currency: options.defaultCurrency,
                                     prefixBytes: Array(customerAccountPrefix.utf8), fileName: fileName,
                                     isOpening: Self.isOpening)
        let body = UnsafeBufferPointer(rebasing: utf8[reader.index...])
        let read = try Self.readInParallel(body, layout: layout, linesBefore: reader.linesConsumed, minimumSplit: minimumSplit)
        let accounts = read.accounts, entries = read.entries
        let currency = options.defaultCurrency
        let totalDebit = read.totalDebit, totalCredit = read.totalCredit, lastDate = read.lastDate

        var items: [OpenItem] = []
        var warnings: [ImportWarning] = []
        for (number, lines) in Self.grouped(entries, accounts: accounts.count).enumerated() {
            items += CustomerLedger.openItems(lines, of: accounts[number], currency: currency, file: fileName, notes: &warnings)
        }
        if accounts.isEmpty {
            warnings.append(ImportWarning(.fec(.noCustomerAccount(prefix: customerAccountPrefix))))
        }
        if totalDebit != totalCredit {
            let difference = Money(minorUnits: totalDebit - totalCredit, currency: currency)
            warnings.append(ImportWarning(.fec(.unbalanced(difference: difference))))
        }
        return ParsedImport(kind: .fec, items: items, asOf: FECValues.closingDate(inFileName: fileName) ?? lastDate,
                            skippedRows: 0, warnings: warnings)
    }

    /// Each account's lines, in file order. Gathered after the read rather than appended to
    /// per-account arrays as lines come: with 20,000 customers, every line would land in an
    /// array out of the processor's cache, and that cost more than the rest of the line.
    private static func grouped(_ entries: [LedgerEntry], accounts: Int) -> LazyMapSequence<Range<Int>, [LedgerEntry]> {
        var start = [Int](repeating: 0, count: accounts + 1)
        for entry in entries { start[Int(entry.account) + 1] += 1 }
        for account in 0..<accounts { start[account + 1] += start[account] }
        var next = start
        var order = [Int32](repeating: 0, count: entries.count)
        for (index, entry) in entries.enumerated() {
            order[next[Int(entry.account)]] = Int32(truncatingIfNeeded: index)
            next[Int(entry.account)] += 1
        }
        return (0..<accounts).lazy.map { account in
            order[start[account]..<start[account + 1]].map { entries[Int($0)] }
        }
    }

    /// À-nouveaux journals: `AN`, `ANO`, `RAN`… or any journal whose label says "nouveau(x)".
    private static func isOpening(code: String, label: String) -> Bool {
        let upper = code.uppercased()
        if ["AN", "ANO", "RAN", "ANX", "AN0"].contains(upper) { return true }
        return HeaderText.normalize(label).contains("nouveau")
    }
}
