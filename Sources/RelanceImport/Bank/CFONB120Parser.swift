import RelanceCore

/// The French banks' 120-character account statement (*relevé de compte CFONB 120*).
///
/// Records: `01` previous balance, `04` operation, `05` operation details (qualifier `LIB`,
/// `NPY` payer name, `RCN`/`REF` references, `LCC`/`LC2` continued labels, `IBE` IBAN…), `07`
/// new balance. Amounts are 13 digits and a last character carrying the sign and the last
/// digit (`{`, `A`–`I` positive 0–9; `}`, `J`–`R` negative 0–9); the number of decimals is in
/// the record. Records are separated by CR/LF or LF, or follow each other as fixed 120-byte
/// records with no line ends; text is ISO 8859-1/15 (or Windows-1252, or UTF-8).
/// Each account's balances are checked: previous + operations must equal new, else a warning
/// names the account and the gap.
struct CFONB120Parser {
    /// A statement file holds at most this many records (about 240 MB): beyond, it is no statement.
    static let maximumRecords = 2_000_000

    struct Result {
        var statement: BankStatement
        var warnings: [ImportWarning]
    }

    /// Whether bytes look like CFONB 120: a first record `01` whose line (or fixed record) is
    /// 120 characters with a currency and a decimals digit where the standard puts them.
    static func looksLike(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 120, bytes.starts(with: Array("01".utf8)) else { return false }
        let end = bytes.prefix(130).firstIndex { $0 == 0x0A || $0 == 0x0D } ?? min(bytes.count, 120)
        let first = Array(bytes[..<end])
        guard first.count == 120 || (end == 120) else { return false }
        let currency = first[16..<19]
        let decimals = first[19]
        return currency.allSatisfy { (0x41...0x5A).contains($0) || $0 == 0x20 } && ((0x30...0x39).contains(decimals) || decimals == 0x20)
            && first[0..<7].dropFirst(2).allSatisfy { (0x30...0x39).contains($0) }
    }

    func parse(_ bytes: [UInt8], fileName: String) throws(ImportError) -> Result {
        let text = try TextEncodingDetector.decode(bytes, file: fileName).utf8
        let records = try Self.records(text, file: fileName)
        var entries: [BankEntry] = []
        var warnings: [ImportWarning] = []
        var block: Block?
        var open: OpenEntry?
        var uncheckedAccounts = Set<String>()

        func note(_ note: BankNote) -> ImportWarning { ImportWarning(.bank(note)) }

        func flush() {
            if let entry = open?.entry() { entries.append(entry) }
            open = nil
        }

        for (number, record) in records {
            let fields = Fields(record: record, line: number, file: fileName)
            switch fields.text(1, 2) {
            case "01":
                flush()
                if let block { warnings.append(note(.cfonbBalanceUnclosed(account: block.account, date: block.date, line: number, cutShort: false))) }
                let balance = try fields.amount()
                block = Block(account: fields.account, number: fields.number, date: try fields.date(35), previous: balance,
                              total: Money.zero(balance.currency), line: number)
            case "04":
                flush()
                let amount = try fields.amount()
                // An operation may carry another bank code than its balance (the bank that handled
                // it): branch and account number name the account.
                let account = block.map { $0.number == fields.number ? $0.account : fields.account } ?? fields.account
                if let current = block, current.account == account, current.total.currency == amount.currency {
                    block?.total.minorUnits += amount.minorUnits
                } else {
                    if uncheckedAccounts.insert(account).inserted {
                        warnings.append(note(.cfonbOperationOutsideBalance(account: account, line: number)))
                    }
                    block = nil
                }
                let label = BankText.clean(fields.text(49, 79))
                let entryNumber = BankText.clean(fields.text(82, 88)).flatMap { $0.allSatisfy { $0 == "0" } ? nil : $0 }
                let reference = BankText.clean(fields.text(105, 120))
                let rejection = BankText.clean(fields.text(41, 42))
                open = OpenEntry(
                    booked: try fields.date(35), valueDate: try? fields.date(43), amount: amount, label: label,
                    bankReference: reference ?? entryNumber.map { "\(fields.text(12, 16))-\($0)" },
                    account: account, operationCode: fields.text(33, 34), isReversal: rejection != nil, line: number)
            case "05":
                guard let current = open, block.map({ $0.number == fields.number }) ?? (current.account == fields.account) else {
                    warnings.append(note(.cfonbDetailWithoutOperation(line: number)))
                    continue
                }
                open?.add(qualifier: fields.text(46, 48), value: fields.text(49, 118))
            case "07":
                flush()
                let balance = try fields.amount()
                if let current = block, current.number == fields.number {
                    let expected = current.previous.minorUnits + current.total.minorUnits
                    if current.previous.currency == balance.currency, expected != balance.minorUnits {
                        let gap = Money(minorUnits: balance.minorUnits - expected, currency: balance.currency)
                        warnings.append(note(.cfonbBalanceGap(account: current.account, previous: current.previous, previousLine: current.line,
                                                              operations: current.total, new: balance, line: number, gap: gap)))
                    }
                } else {
                    warnings.append(note(.cfonbNewBalanceWithoutPrevious(account: fields.account, line: number)))
                }
                block = nil
            default:
                throw ImportError(.badValue, at: SourcePosition(file: fileName, line: number, column: 1),
                                  .bank(.cfonbRecordCode(fields.text(1, 2))))
            }
        }
        flush()
        if let block { warnings.append(note(.cfonbBalanceUnclosed(account: block.account, date: block.date, line: block.line, cutShort: true))) }
        return Result(statement: BankStatement(format: .cfonb120, entries: entries), warnings: warnings)
    }

    /// Splits into 120-character records: by line ends when there are any, else every 120 bytes.
    /// Blank lines are skipped; a record of another length is an error naming its line.
    static func records(_ utf8: [UInt8], file: String) throws(ImportError) -> [(Int, [Character])] {
        var out: [(Int, [Character])] = []
        let hasLineEnds = utf8.contains(0x0A) || utf8.contains(0x0D)
        if hasLineEnds {
            var number = 0
            var start = 0
            var index = 0
            func take(_ end: Int) throws(ImportError) {
                number += 1
                let line = Array(String(decoding: utf8[start..<end], as: UTF8.self))
                if line.allSatisfy({ $0 == " " }) { return }
                guard line.count == 120 else {
                    throw ImportError(.wrongFieldCount, at: SourcePosition(file: file, line: number),
                                      .bank(.cfonbRecordLength(characters: line.count)))
                }
                out.append((number, line))
                guard out.count <= maximumRecords else {
                    throw ImportError(.unsupported, at: SourcePosition(file: file, line: number),
                                      .bank(.cfonbTooManyRecords(limit: maximumRecords)))
                }
            }
            while index < utf8.count {
                let byte = utf8[index]
                if byte == 0x0A || byte == 0x0D {
                    try take(index)
                    if byte == 0x0D, index + 1 < utf8.count, utf8[index + 1] == 0x0A { index += 1 }
                    start = index + 1
                }
                index += 1
            }
            if start < utf8.count { try take(utf8.count) }
            return out
        }
        // Fixed-length records: decoded characters, not bytes, since Latin-1 accents became two bytes.
        let characters = Array(String(decoding: utf8, as: UTF8.self))
        guard characters.count % 120 == 0 else {
            throw ImportError(.wrongFieldCount, at: SourcePosition(file: file, line: characters.count / 120 + 1),
                              .bank(.cfonbWithoutLineEnds(characters: characters.count)))
        }
        guard characters.count / 120 <= maximumRecords else {
            throw ImportError(.unsupported, at: SourcePosition(file: file), .bank(.cfonbTooManyRecords(limit: maximumRecords)))
        }
        for record in 0..<(characters.count / 120) {
            out.append((record + 1, Array(characters[(record * 120)..<((record + 1) * 120)])))
        }
        return out
    }

    /// The running balance of one account between its records 01 and 07.
    private struct Block {
        var account: String
        /// Branch and account number: what identifies the account across its records.
        var number: String
        var date: CivilDate
        var previous: Money
        var total: Money
        var line: Int
    }

    /// An operation 04 collecting its 05 details until the next record.
    private struct OpenEntry {
        var booked: CivilDate
        var valueDate: CivilDate?
        var amount: Money
        var label: String?
        var bankReference: String?
        var account: String
        var operationCode: String
        var isReversal: Bool
        var line: Int
        var texts: [String] = []
        var payer: String?
        var iban: String?
        var reference: String?

        mutating func add(qualifier: String, value: String) {
            guard let value = BankText.clean(value) else { return }
            switch qualifier {
            case "NPY", "NPO": if payer == nil { payer = value } else { texts.append(value) }
            case "IBE", "IPY": if iban == nil, let found = BankText.iban(value) { iban = found } else { texts.append(value) }
            case "RCN":
                // The creditor reference the payer gave (SEPA `RmtInf`); an RF reference is kept apart.
                if reference == nil, RFCreditorReference.isValid(value) { reference = RFCreditorReference.compact(value) }
                texts.append(value)
            default: texts.append(value)
            }
        }

        func entry() -> BankEntry? {
            BankEntry(booked: booked, valueDate: valueDate, amount: amount, counterparty: payer, counterpartyIBAN: iban,
                      remittance: BankText.join([label] + texts), reference: reference, bankReference: bankReference,
                      account: account, isReversal: isReversal, line: line)
        }
    }

    /// Positions as the standard numbers them (from 1, inclusive).
    private struct Fields {
        let record: [Character]
        let line: Int
        let file: String

        func text(_ from: Int, _ to: Int) -> String { String(record[(from - 1)..<to]) }

        var number: String { "\(text(12, 16))-\(text(22, 32).trimmingCharacters())" }

        /// Bank code, branch code and account number: `10278-02204-00012345603`.
        var account: String { "\(text(3, 7))-\(text(12, 16))-\(text(22, 32).trimmingCharacters())" }

        func date(_ from: Int) throws(ImportError) -> CivilDate {
            let raw = text(from, from + 5)
            guard raw.allSatisfy(\.isASCIIDigit), let day = Int(raw.prefix(2)), let month = Int(raw.dropFirst(2).prefix(2)),
                  let year = Int(raw.suffix(2)), let date = CivilDate(year: year < 80 ? 2000 + year : 1900 + year, month: month, day: day)
            else {
                throw ImportError(.badDate, at: SourcePosition(file: file, line: line, column: from),
                                  .bank(.cfonbNotADate(raw)))
            }
            return date
        }

        func amount() throws(ImportError) -> Money {
            let code = text(17, 19)
            guard let currency = Currency(code: code.trimmingCharacters().isEmpty ? "EUR" : code) else {
                throw ImportError(.badCurrency, at: SourcePosition(file: file, line: line, column: 17),
                                  .bank(.cfonbNotACurrency(code)))
            }
            let decimalsText = text(20, 20)
            let decimals = decimalsText == " " ? currency.minorDigits : Int(decimalsText) ?? -1
            let raw = text(91, 104)
            let digits = raw.prefix(13)
            guard decimals >= 0, digits.allSatisfy(\.isASCIIDigit), let head = Int64(digits), let last = raw.last,
                  let (lastDigit, negative) = Self.signedDigit(last)
            else {
                throw ImportError(.badAmount, at: SourcePosition(file: file, line: line, column: 91),
                                  .bank(.cfonbNotAnAmount(raw)))
            }
            var units = head * 10 + lastDigit
            // Bring the record's decimals to the currency's: more is fine only if the extra digits are zeros.
            var shift = decimals - currency.minorDigits
            while shift < 0 { units *= 10; shift += 1 }
            while shift > 0 {
                guard units % 10 == 0 else {
                    throw ImportError(.badAmount, at: SourcePosition(file: file, line: line, column: 91),
                                      .bank(.cfonbTooManyDecimals(decimals: decimals, currency: currency.code)))
                }
                units /= 10
                shift -= 1
            }
            return Money(minorUnits: negative ? -units : units, currency: currency)
        }

        static func signedDigit(_ character: Character) -> (Int64, Bool)? {
            switch character {
            case "{": (0, false)
            case "}": (0, true)
            case "A"..."I": (Int64(character.asciiValue! - Character("A").asciiValue! + 1), false)
            case "J"..."R": (Int64(character.asciiValue! - Character("J").asciiValue! + 1), true)
            case "0"..."9": (Int64(character.asciiValue! - Character("0").asciiValue!), false)
            default: nil
            }
        }
    }
}

extension CFONB120Parser {
    /// The sign-and-digit decoding, for tests.
    static func signedDigitForTests(_ character: Character) -> (Int64, Bool)? { Fields.signedDigit(character) }
}
