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
    /// From how many bytes of lines a stretch is worth reading on its own thread (tests lower
    /// it to split small files).
    var minimumSplit = 1 << 20
    /// In how many stretches the lines are read: one per core (tests choose).
    var stretches = FECParser.cores

    public init(options: ImportOptions = ImportOptions(), customerAccountPrefix: String = "411") {
        self.options = options
        self.customerAccountPrefix = customerAccountPrefix
    }

    public func parse(_ bytes: [UInt8], fileName: String) throws(ImportError) -> ParsedImport {
        let text = try TextEncodingDetector.decode(bytes, file: fileName)
        return try text.utf8.withUnsafeBufferPointer { (utf8) throws(ImportError) -> ParsedImport in
            // Transcoded: UTF-8 by construction, so the read cannot give up on it.
            try parse(utf8: utf8, fileName: fileName, pagesRead: nil)!
        }
    }

    /// Reads the caller's bytes where they lie (a mapped file) when they are UTF-8, with or
    /// without a BOM: no copy of the file is made. Whether they are is learnt during the read,
    /// line by line; a file that turns out to be single-byte text (or UTF-16) is read as
    /// `parse(_:fileName:)` reads it, through a transcoded copy, with the same result.
    public func parse(inPlace bytes: UnsafeBufferPointer<UInt8>, fileName: String, pagesRead: PagesRead?) throws(ImportError) -> ParsedImport {
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = UnsafeBufferPointer(rebasing: bytes[(hasBOM ? 3 : 0)...])
        if !isUTF16 {
            do {
                if let parsed = try parse(utf8: body, fileName: fileName, pagesRead: pagesRead) { return parsed }
            } catch {
                // A problem met before every line was seen to be UTF-8 stands only if the rest
                // is: else its text would be read in the wrong encoding.
                if TextEncodingDetector.isValidUTF8(body) { throw error }
            }
        }
        return try parse(Array(bytes), fileName: fileName)
    }

    /// Nil when a line is not UTF-8 (the read stops there).
    private func parse(utf8: UnsafeBufferPointer<UInt8>, fileName: String, pagesRead: PagesRead?) throws(ImportError) -> ParsedImport? {
        let firstLineEnd = utf8.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? utf8.count
        let headerBytes = utf8[..<firstLineEnd]
        // The law allows TAB or |; some tools write ; anyway, which is read rather than refused.
        let separator: UInt8 = [0x09, UInt8(ascii: "|"), UInt8(ascii: ";")].first { headerBytes.contains($0) } ?? 0x09
        var reader = FECLineReader(bytes: utf8, separator: separator)
        guard reader.next() else {
            throw ImportError(.empty, at: SourcePosition(file: fileName), .fec(.fileEmpty))
        }
        guard reader.lineIsUTF8 else { return nil }
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
                                     isOpening: Self.isOpening, pagesRead: pagesRead)
        let body = UnsafeBufferPointer(rebasing: utf8[reader.index...])
        let read = try Self.readInParallel(body, layout: layout, linesBefore: reader.linesConsumed,
                                           parts: stretches, minimumSplit: minimumSplit)
        guard !read.notUTF8 else { return nil }
        let accounts = read.accounts
        let currency = options.defaultCurrency
        let totalDebit = read.totalDebit, totalCredit = read.totalCredit, lastDate = read.lastDate

        var warnings: [ImportWarning] = []
        let byAccount = LinesByAccount(read.segments, accounts: accounts.count)
        // Each open item comes from at least one line: room for as many as there are lines is
        // enough, so each is written once, where it stays (pages never written are never resident).
        var items: [OpenItem] = []
        items.reserveCapacity(byAccount.lineCount)
        byAccount.forEachAccount(of: read.segments, text: read.text) { number, lines, text in
            CustomerLedger.openItems(lines, text: text, of: accounts[number], currency: currency,
                                     file: fileName, into: &items, notes: &warnings)
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

    /// À-nouveaux journals: `AN`, `ANO`, `RAN`… or any journal whose label says "nouveau(x)".
    private static func isOpening(code: String, label: String) -> Bool {
        let upper = code.uppercased()
        if ["AN", "ANO", "RAN", "ANX", "AN0"].contains(upper) { return true }
        return HeaderText.normalize(label).contains("nouveau")
    }
}
