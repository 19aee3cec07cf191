import RelanceCore

/// The customer lines of one stretch of a FEC, read on its own (`FECParser` reads the file in
/// two stretches, one per core) and merged in file order afterwards.
///
/// Line numbers count from the stretch's first line as 1 (the merge shifts them; a stretch
/// cannot know how many lines came before it without reading them), and its customer accounts
/// are numbered in the order the stretch met them.
struct FECChunk {
    var accounts: [CustomerAccount] = []
    /// The customer lines, in file order, in segments of `segmentLength` (the merged stretches'
    /// segments follow this one's). One growing array would be copied whole each time it
    /// doubles: on a million-line ledger that copying, and the fresh pages it touches, cost
    /// more system time than reading the file; concatenating the stretches would copy them
    /// all once more and, for a moment, hold them twice.
    var segments: [[LedgerEntry]] = []
    static let segmentLength = 8_192
    /// The customer lines' piece references and letters, end to end (`LedgerText`).
    var text: [UInt8] = []
    var lastDate: CivilDate?
    var totalDebit: Int64 = 0
    var totalCredit: Int64 = 0
    var customerMagnitude: Int64 = 0
    /// How low and high the running debit and credit sums went (amounts may be negative): a
    /// stretch whose sums, added to those of the stretches before it, leave Int64 anywhere on
    /// the way is one a read in one stretch refuses at that line.
    var debitReach = Reach()
    var creditReach = Reach()
    /// Physical lines the stretch holds (blank ones included).
    var lineCount = 0
    /// The first problem met; the stretch stops there.
    var error: ImportError?
    /// A line that is not UTF-8 was met (the stretch stops there): the file is single-byte
    /// text, read again after transcoding (`FECParser.parse(utf8OrNot:)`).
    var notUTF8 = false

    /// What every stretch reads the same way.
    struct Layout: Sendable {
        let columns: FECColumns
        let expected: Int
        let trailingSeparator: Bool
        let separator: UInt8
        let currency: Currency
        let prefixBytes: [UInt8]
        let fileName: String
        let isOpening: @Sendable (_ code: String, _ label: String) -> Bool
        /// Told of the bytes the stretch has read past (about every few megabytes), so that a
        /// mapped file's pages behind the read can be given back; nil for bytes in an array.
        var pagesRead: PagesRead?
    }

    /// Reads the lines of `bytes`; a bad line stops the read and is kept in `error`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, layout: Layout) -> FECChunk {
        var chunk = FECChunk()
        // Room for what a ledger of short references needs (a page not written is never
        // resident); it grows if not.
        chunk.text.reserveCapacity(bytes.count / 8)
        var reader = FECLineReader(bytes: bytes, separator: layout.separator)
        do {
            try chunk.read(&reader, layout: layout)
        } catch {
            chunk.error = error
        }
        chunk.lineCount = reader.linesConsumed
        return chunk
    }

    private mutating func read(_ reader: inout FECLineReader, layout: Layout) throws(ImportError) {
        let columns = layout.columns, fileName = layout.fileName, currency = layout.currency
        let expected = layout.expected, trailingSeparator = layout.trailingSeparator
        // A ledger has a handful of journals, and consecutive lines mostly share one: the
        // last journal's verdict is reused while its code repeats, the others are looked up.
        var journals = JournalVerdicts()
        var lastJournal: (code: UnsafeBufferPointer<UInt8>, opening: Bool)?
        var recentDate = RecentDate()
        // Whether each account has its name, beside it rather than in `accounts`: 20,000
        // accounts out of the processor's cache cost a miss on every customer line to ask.
        var named: [Bool] = []
        let prefix = layout.prefixBytes
        var accountNumbers = CustomerNumbers()
        var handedBack = 0
        while reader.next() {
            let line = reader.line
            if let pagesRead = layout.pagesRead, reader.lineStart - handedBack >= pagesRead.stride {
                pagesRead.done(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(reader.bytes)[handedBack..<reader.lineStart]))
                handedBack = reader.lineStart
            }
            guard reader.lineIsUTF8 else { notUTF8 = true; return }
            guard reader.fieldCount == expected, !trailingSeparator || reader[field: expected - 1].isEmpty else {
                throw ImportError(.wrongFieldCount, at: SourcePosition(file: fileName, line: line),
                                  .fec(.wrongFieldCount(found: reader.fieldCount, expected: expected, separator: layout.separator)))
            }
            func field(_ index: Int) -> String { reader.text(reader[field: index]) }
            @inline(__always)
            func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { reader.slice(reader[field: index]) }
            func position(_ index: Int) -> SourcePosition {
                SourcePosition(file: fileName, line: line, column: reader.column(of: reader[field: index]))
            }
            func amount(_ index: Int) throws(ImportError) -> Int64 {
                // Most lines are a debit or a credit, the other side written 0,00: it reads as 0
                // whatever the currency's digits, without going through the digits.
                let raw = reader[field: index]
                if raw.count == 4, UnsafeRawPointer(reader.bytes.baseAddress! + raw.lowerBound).loadUnaligned(as: UInt32.self) == Self.zeroAmount {
                    return 0
                }
                guard let value = FECValues.minorUnits(bytes(index), minorDigits: currency.minorDigits) else {
                    throw ImportError(.badAmount, at: position(index),
                                      .fec(.notAnAmount(text: field(index), column: columns.names[index])))
                }
                return value
            }
            func date(_ index: Int) throws(ImportError) -> CivilDate {
                guard let value = recentDate.date(UnsafeBufferPointer(rebasing: reader.bytes[reader[field: index]])) else {
                    throw ImportError(.badDate, at: position(index),
                                      .fec(.notADate(text: field(index), column: columns.names[index])))
                }
                return value
            }
            // Sums are overflow-checked: a damaged file must be refused, never crash the daemon.
            func add(_ value: Int64, to total: inout Int64, column: Int) throws(ImportError) {
                let (sum, overflow) = total.addingReportingOverflow(value)
                guard !overflow else { throw FECChunk.tooLarge(position(column)) }
                total = sum
            }
            // A customer line's account is looked up before its amounts and date are read, which
            // do not depend on it: its slot is most likely out of the processor's cache, and the
            // processor may read them while it waits (`perf` could not tell how much it gains).
            let isCustomer = bytes(columns.compteNum).starts(with: prefix)
            var auxiliary = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            var customerColumn = columns.compteNum
            var account = (number: 0, isNew: false)
            if isCustomer {
                auxiliary = columns.compAuxNum.map(bytes) ?? auxiliary
                if !auxiliary.isEmpty { customerColumn = columns.compAuxNum! }
                // Untrimmed, as `field` reads it: the account's id is the text as written.
                account = accountNumbers.number(of: UnsafeBufferPointer(rebasing: reader.bytes[reader[field: customerColumn]]))
            }
            let signed: Int64
            switch columns.amounts {
            case let .debitCredit(debit, credit):
                let d = try amount(debit), c = try amount(credit)
                try add(d, to: &totalDebit, column: debit)
                try add(c, to: &totalCredit, column: credit)
                let (difference, overflow) = d.subtractingReportingOverflow(c)
                guard !overflow else { throw Self.tooLarge(position(debit)) }
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
            debitReach.see(totalDebit)
            creditReach.see(totalCredit)
            let entryDate = try date(columns.ecritureDate)
            if lastDate.map({ entryDate > $0 }) ?? true { lastDate = entryDate }

            guard isCustomer else { continue }
            // While the customer lines' magnitudes add up within Int64, so does any sum of them
            // that the lettering computes later.
            try add(signed.magnitude > UInt64(Int64.max) ? Int64.max : Int64(signed.magnitude), to: &customerMagnitude,
                    column: columns.compteNum)
            let number = account.number
            if account.isNew {
                accounts.append(CustomerAccount(customer: field(customerColumn)))
                named.append(false)
            }
            if !named[number] {
                let auxName = columns.compAuxLib.map(field) ?? ""
                let accountName = columns.compteLib.map(field) ?? ""
                accounts[number].name = !auxiliary.isEmpty && !auxName.isEmpty ? auxName : (accountName.isEmpty ? nil : accountName)
                named[number] = accounts[number].name != nil
            }
            let journal = bytes(columns.journalCode)
            let opening: Bool
            if let lastJournal, lastJournal.code.elementsEqual(journal) { opening = lastJournal.opening } else {
                if let known = journals.verdict(journal) { opening = known } else {
                    opening = layout.isOpening(String(decoding: journal, as: UTF8.self), columns.journalLib.map(field) ?? "")
                    journals.record(journal, opening: opening)
                }
                lastJournal = (journal, opening)
            }
            var pieceDate: CivilDate?
            if let index = columns.pieceDate, !bytes(index).isEmpty { pieceDate = try date(index) }
            if segments.isEmpty || segments[segments.count - 1].count == Self.segmentLength {
                segments.append([])
                segments[segments.count - 1].reserveCapacity(Self.segmentLength)
            }
            let pieceRef = bytes(columns.pieceRef)
            let letter = columns.ecritureLet.map(bytes) ?? UnsafeBufferPointer(start: nil, count: 0)
            // A field of 4 GiB: no ledger has one, a damaged file may.
            guard pieceRef.count <= UInt32.max, letter.count <= UInt32.max else { throw Self.tooLarge(position(columns.pieceRef)) }
            let textStart = text.count
            text.append(contentsOf: pieceRef)
            text.append(contentsOf: letter)
            segments[segments.count - 1].append(LedgerEntry(
                account: number,
                isOpening: opening,
                date: entryDate,
                textStart: textStart,
                pieceRefLength: UInt32(pieceRef.count),
                letterLength: UInt32(letter.count),
                textIsASCII: !reader.mayHaveHighBytes,
                pieceDate: pieceDate,
                amount: signed,
                line: line,
                entryNumber: columns.ecritureNum.map { LedgerEntry.entryNumber(bytes($0)) } ?? -1))
        }
    }

    /// `0,00` as four bytes read in one load.
    static let zeroAmount = UInt32(littleEndian: UInt32(0x30) | UInt32(0x2C) << 8 | UInt32(0x30) << 16 | UInt32(0x30) << 24)

    static func tooLarge(_ position: SourcePosition) -> ImportError {
        ImportError(.badAmount, at: position, .fec(.ledgerOverflow))
    }

    /// Appends the next stretch, whose lines follow `lineOffset` lines of the file: its
    /// accounts join this one's by customer, its line numbers become the file's. The first
    /// problem in file order wins: this stretch's, else the next one's at its line in the file.
    mutating func append(_ next: inout FECChunk, lineOffset: Int, fileName: String) throws(ImportError) {
        lineCount += next.lineCount
        notUTF8 = notUTF8 || next.notUTF8
        guard error == nil, !notUTF8 else { return }
        // Sums that leave Int64 once started from this stretch's (or that overflowed on their
        // own, from zero): only a read in one stretch knows at which line, and says it; the
        // caller reads again so (a damaged file, refused either way).
        if next.overflowed || !next.debitReach.fits(from: totalDebit) || !next.creditReach.fits(from: totalCredit)
            || customerMagnitude.addingReportingOverflow(next.customerMagnitude).overflow {
            throw Self.tooLarge(SourcePosition(file: fileName))
        }
        if var nextError = next.error {
            nextError.position.line = nextError.position.line.map { $0 + lineOffset }
            error = nextError
            return
        }
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(accounts.count)
        for (number, account) in accounts.enumerated() { numbers[account.customer] = number }
        var mapping: [Int32] = []
        mapping.reserveCapacity(next.accounts.count)
        for account in next.accounts {
            if let known = numbers[account.customer] {
                mapping.append(Int32(known))
            } else {
                numbers[account.customer] = accounts.count
                mapping.append(Int32(accounts.count))
                accounts.append(account)
            }
        }
        let textOffset = text.count
        text += next.text
        next.text = []
        // Taken from `next`, so that each segment is rewritten in place rather than copied.
        var moved: [[LedgerEntry]] = []
        swap(&moved, &next.segments)
        for segment in moved.indices {
            for index in moved[segment].indices {
                moved[segment][index].account = mapping[Int(moved[segment][index].account)]
                moved[segment][index].shiftLine(by: lineOffset)
                moved[segment][index].textStart += textOffset
            }
        }
        segments += moved
        if let date = next.lastDate, lastDate.map({ date > $0 }) ?? true { lastDate = date }
        // Checked above: none of these overflows.
        debitReach.see(totalDebit &+ next.debitReach.low)
        debitReach.see(totalDebit &+ next.debitReach.high)
        creditReach.see(totalCredit &+ next.creditReach.low)
        creditReach.see(totalCredit &+ next.creditReach.high)
        totalDebit &+= next.totalDebit
        totalCredit &+= next.totalCredit
        customerMagnitude &+= next.customerMagnitude
    }

    /// The stretch stopped at a sum too large for Int64.
    var overflowed: Bool {
        guard let error, case .fec(.ledgerOverflow) = error.problem else { return false }
        return true
    }

    /// The lowest and highest a running sum went, from zero.
    struct Reach {
        var low: Int64 = 0
        var high: Int64 = 0

        mutating func see(_ sum: Int64) {
            low = min(low, sum)
            high = max(high, sum)
        }

        /// Whether the sum, started from `base` instead of zero, stays within Int64 all along.
        func fits(from base: Int64) -> Bool {
            !base.addingReportingOverflow(low).overflow && !base.addingReportingOverflow(high).overflow
        }
    }
}
