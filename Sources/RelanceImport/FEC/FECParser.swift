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
        let expected = columns.count + (trailingSeparator ? 1 : 0)
        let currency = options.defaultCurrency
        let prefixBytes = Array(customerAccountPrefix.utf8)
        // A ledger has a handful of journals, and consecutive lines mostly share one: the
        // last journal's verdict is reused while its code repeats, the others are looked up.
        var openingJournals: [String: Bool] = [:]
        var lastJournal: (code: UnsafeBufferPointer<UInt8>, opening: Bool)?

        var accountNumbers: [String: Int] = [:]
        var accounts: [CustomerAccount] = []
        // Every customer line in file order; grouped per account once the file is read.
        var entries: [LedgerEntry] = []
        var lastDate: CivilDate?
        var totalDebit: Int64 = 0, totalCredit: Int64 = 0, customerMagnitude: Int64 = 0
        while reader.next() {
            let line = reader.line
            guard reader.fieldCount == expected, !trailingSeparator || reader[field: expected - 1].isEmpty else {
                throw ImportError(.wrongFieldCount, at: SourcePosition(file: fileName, line: line),
                                  .fec(.wrongFieldCount(found: reader.fieldCount, expected: expected, separator: separator)))
            }
            func field(_ index: Int) -> String { reader.text(reader[field: index]) }
            func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { reader.slice(reader[field: index]) }
            func position(_ index: Int) -> SourcePosition {
                SourcePosition(file: fileName, line: line, column: reader.column(of: reader[field: index]))
            }
            func amount(_ index: Int) throws(ImportError) -> Int64 {
                guard let value = FECValues.minorUnits(bytes(index), minorDigits: currency.minorDigits) else {
                    throw ImportError(.badAmount, at: position(index),
                                      .fec(.notAnAmount(text: field(index), column: columns.names[index])))
                }
                return value
            }
            func date(_ index: Int) throws(ImportError) -> CivilDate {
                guard let value = FECValues.date(bytes(index)) else {
                    throw ImportError(.badDate, at: position(index),
                                      .fec(.notADate(text: field(index), column: columns.names[index])))
                }
                return value
            }

            // Sums are overflow-checked: a damaged file must be refused, never crash the daemon.
            func add(_ value: Int64, to total: inout Int64, column: Int) throws(ImportError) {
                let (sum, overflow) = total.addingReportingOverflow(value)
                guard !overflow else { throw tooLarge(position(column)) }
                total = sum
            }
            let signed: Int64
            switch columns.amounts {
            case let .debitCredit(debit, credit):
                let d = try amount(debit), c = try amount(credit)
                try add(d, to: &totalDebit, column: debit)
                try add(c, to: &totalCredit, column: credit)
                let (difference, overflow) = d.subtractingReportingOverflow(c)
                guard !overflow else { throw tooLarge(position(debit)) }
                signed = difference
            case let .amountAndDirection(amountColumn, direction):
                let value = try amount(amountColumn)
                switch field(direction).uppercased() {
                case "D", "+1", "1", "+": signed = value; try add(value, to: &totalDebit, column: amountColumn)
                case "C", "-1", "-": signed = -value; try add(value, to: &totalCredit, column: amountColumn)
                default:
                    throw ImportError(.badAmount, at: position(direction),
                                      .fec(.neitherDebitNorCredit(text: field(direction), column: columns.names[direction])))
                }
            }
            let entryDate = try date(columns.ecritureDate)
            if lastDate.map({ entryDate > $0 }) ?? true { lastDate = entryDate }

            guard bytes(columns.compteNum).starts(with: prefixBytes) else { continue }
            // While the customer lines' magnitudes add up within Int64, so does any sum of them
            // that the lettering computes later.
            try add(signed.magnitude > UInt64(Int64.max) ? Int64.max : Int64(signed.magnitude), to: &customerMagnitude,
                    column: columns.compteNum)
            let auxiliary = columns.compAuxNum.map(bytes) ?? UnsafeBufferPointer(start: nil, count: 0)
            let customerColumn = auxiliary.isEmpty ? columns.compteNum : columns.compAuxNum!
            let customer = field(customerColumn)
            let number: Int
            if let known = accountNumbers[customer] { number = known } else {
                number = accounts.count
                accountNumbers[customer] = number
                accounts.append(CustomerAccount(customer: customer))
            }
            if accounts[number].name == nil {
                let auxName = columns.compAuxLib.map(field) ?? ""
                let accountName = columns.compteLib.map(field) ?? ""
                accounts[number].name = !auxiliary.isEmpty && !auxName.isEmpty ? auxName : (accountName.isEmpty ? nil : accountName)
            }
            let journal = bytes(columns.journalCode)
            let opening: Bool
            if let lastJournal, lastJournal.code.elementsEqual(journal) { opening = lastJournal.opening } else {
                let code = String(decoding: journal, as: UTF8.self)
                if let known = openingJournals[code] { opening = known } else {
                    opening = isOpening(code: code, label: columns.journalLib.map(field) ?? "")
                    openingJournals[code] = opening
                }
                lastJournal = (journal, opening)
            }
            var pieceDate: CivilDate?
            if let index = columns.pieceDate, !bytes(index).isEmpty { pieceDate = try date(index) }
            entries.append(LedgerEntry(
                account: number,
                isOpening: opening,
                date: entryDate,
                pieceRef: field(columns.pieceRef),
                pieceDate: pieceDate,
                amount: signed,
                letter: columns.ecritureLet.map(field) ?? "",
                line: line,
                entryNumber: columns.ecritureNum.map { LedgerEntry.entryNumber(bytes($0)) } ?? -1))
        }

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

    private func tooLarge(_ position: SourcePosition) -> ImportError {
        ImportError(.badAmount, at: position, .fec(.ledgerOverflow))
    }

    /// À-nouveaux journals: `AN`, `ANO`, `RAN`… or any journal whose label says "nouveau(x)".
    private func isOpening(code: String, label: String) -> Bool {
        let upper = code.uppercased()
        if ["AN", "ANO", "RAN", "ANX", "AN0"].contains(upper) { return true }
        return HeaderText.normalize(label).contains("nouveau")
    }
}
