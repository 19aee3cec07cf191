import RelanceCore

/// Open Financial Exchange statements: 1.x (SGML: a header of `KEY:VALUE` lines, then tags
/// whose leaf elements are not closed) and 2.x (XML). One tolerant tag reader serves both,
/// since a 2.x file is a 1.x file whose leaves happen to be closed. Each `STMTTRN` becomes an
/// entry (`TRNAMT`, `DTPOSTED`, `DTAVAIL`, `NAME`/`PAYEE`, `MEMO`, `FITID`, `REFNUM`, `CHECKNUM`;
/// `CORRECTACTION` DELETE with `CORRECTFITID` is a reversal of that transaction);
/// the account is `BANKACCTFROM` (or `CCACCTFROM`) and the currency `CURDEF`.
struct OFXParser {
    static let maximumTagCharacters = 64
    static let maximumValueCharacters = 64 * 1024

    struct Result {
        var statement: BankStatement
        var warnings: [ImportWarning]
    }

    static func looksLike(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self)
        let trimmed = head.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        return trimmed.hasPrefix("OFXHEADER") || head.contains("<?OFX ") || ImportParser.xmlRoot(bytes) == "OFX"
    }

    func parse(_ bytes: [UInt8], fileName: String) throws(ImportError) -> Result {
        let text = try TextEncodingDetector.decode(bytes, file: fileName).utf8
        var reader = TagReader(utf8: text, file: fileName)
        var entries: [BankEntry] = []
        var currency = Currency.euro
        var account = AccountParts()
        var transaction: [String: String]?
        var transactionLine = 0
        var sawOFX = false

        func close() throws(ImportError) {
            guard let fields = transaction else { return }
            transaction = nil
            entries.append(try entry(fields, currency: currency, account: account.description, line: transactionLine, file: fileName))
        }

        while let token = try reader.next() {
            switch token {
            case .open(let name, let line):
                // No tree is kept (1.x never closes its leaves), so nesting costs nothing to bound.
                if name == "OFX" { sawOFX = true }
                switch name {
                case "STMTTRN":
                    try close()
                    transaction = [:]
                    transactionLine = line
                case "BANKACCTFROM", "CCACCTFROM":
                    try close()
                    account = AccountParts()
                default: break
                }
            case .close(let name, _):
                if name == "STMTTRN" || name == "BANKTRANLIST" || name == "STMTRS" || name == "CCSTMTRS" { try close() }
            case .value(let name, let value, _):
                if transaction != nil {
                    // Inside PAYEE, NAME is the payee's; the first NAME wins either way.
                    if transaction?[name] == nil { transaction?[name] = value }
                } else {
                    switch name {
                    case "CURDEF": if let found = Currency(code: value) { currency = found }
                    case "BANKID": account.bank = value
                    case "BRANCHID": account.branch = value
                    case "ACCTID": account.number = value
                    default: break
                    }
                }
            }
        }
        try close()
        guard sawOFX else {
            throw ImportError(.badValue, at: SourcePosition(file: fileName), .bank(.ofxWithoutRoot))
        }
        return Result(statement: BankStatement(format: .ofx, entries: entries), warnings: [])
    }

    private func entry(_ fields: [String: String], currency defaultCurrency: Currency, account: String, line: Int,
                       file: String) throws(ImportError) -> BankEntry {
        let position = SourcePosition(file: file, line: line, path: "STMTTRN")
        let currency = fields["CURSYM"].flatMap { Currency(code: $0) } ?? defaultCurrency
        guard let raw = fields["TRNAMT"] else {
            throw ImportError(.missingValue, at: position, .bank(.ofxWithoutAmount))
        }
        let negative = raw.hasPrefix("-")
        let unsigned = raw.hasPrefix("-") || raw.hasPrefix("+") ? String(raw.dropFirst()) : raw
        guard let amount = BankText.money(unsigned, currency: currency, negative: negative) else {
            throw ImportError(.badAmount, at: position, .bank(.ofxNotAnAmount(raw)))
        }
        guard let posted = fields["DTPOSTED"].flatMap(Self.date) else {
            throw ImportError(.badDate, at: position, .bank(.ofxWithoutDate(found: fields["DTPOSTED"])))
        }
        let name = fields["NAME"]
        let memo = fields["MEMO"]
        return BankEntry(booked: posted, valueDate: fields["DTAVAIL"].flatMap(Self.date), amount: amount, counterparty: name,
                         remittance: BankText.join([name, memo, fields["REFNUM"], fields["CHECKNUM"].map { "cheque \($0)" }]),
                         reference: fields["REFNUM"].flatMap { RFCreditorReference.isValid($0) ? RFCreditorReference.compact($0) : nil },
                         bankReference: fields["FITID"], account: account,
                         // A correction that deletes an earlier transaction (OFX 11.4.3.1) undoes it: a reversal.
                         isReversal: fields["CORRECTACTION"]?.uppercased() == "DELETE",
                         reverses: fields["CORRECTACTION"]?.uppercased() == "DELETE" ? fields["CORRECTFITID"] : nil, line: line)
    }

    /// `20090401122017.000[-5:EST]` → 2009-04-01: the date as the bank wrote it, time and zone aside.
    static func date(_ text: String) -> CivilDate? {
        let digits = text.prefix(8)
        guard digits.count == 8, digits.allSatisfy(\.isASCIIDigit), let year = Int(digits.prefix(4)),
              let month = Int(digits.dropFirst(4).prefix(2)), let day = Int(digits.suffix(2)) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    struct AccountParts: CustomStringConvertible {
        var bank: String?
        var branch: String?
        var number: String?
        var description: String {
            if let number, let iban = BankText.iban(number) { return iban }
            let parts = [bank, branch, number].compactMap { $0 }
            return parts.isEmpty ? "unknown" : parts.joined(separator: "-")
        }
    }

    /// Tags and the text that follows each, over UTF-8, with line numbers.
    struct TagReader {
        enum Token {
            case open(String, line: Int)
            case close(String, line: Int)
            case value(String, String, line: Int)
        }

        let utf8: [UInt8]
        let file: String
        var index = 0
        var line = 1
        var pending: Token?

        init(utf8: [UInt8], file: String) {
            self.utf8 = utf8
            self.file = file
        }

        mutating func next() throws(ImportError) -> Token? {
            if let pending { self.pending = nil; return pending }
            while index < utf8.count {
                let byte = utf8[index]
                if byte == 0x0A { line += 1 }
                guard byte == UInt8(ascii: "<") else { index += 1; continue }
                let tagLine = line
                guard let end = utf8[index...].prefix(Self.scanLimit).firstIndex(of: UInt8(ascii: ">")) else {
                    throw ImportError(.badValue, at: SourcePosition(file: file, line: tagLine), .bank(.ofxUnclosedTag))
                }
                let inner = utf8[(index + 1)..<end]
                index = end + 1
                guard let first = inner.first, first != UInt8(ascii: "?"), first != UInt8(ascii: "!") else { continue }
                let isClose = first == UInt8(ascii: "/")
                let nameBytes = isClose ? inner.dropFirst() : inner[...]
                let name = String(decoding: nameBytes.prefix { $0 != 0x20 && $0 != 0x2F }, as: UTF8.self).uppercased()
                guard !name.isEmpty, name.count <= OFXParser.maximumTagCharacters else {
                    throw ImportError(.badValue, at: SourcePosition(file: file, line: tagLine), .bank(.ofxBadTagName))
                }
                if isClose { return .close(name, line: tagLine) }
                if inner.last == UInt8(ascii: "/") { return .value(name, "", line: tagLine) }
                // The text up to the next tag: a leaf's value (1.x leaves it unclosed).
                let start = index
                while index < utf8.count, utf8[index] != UInt8(ascii: "<") {
                    if utf8[index] == 0x0A { line += 1 }
                    index += 1
                }
                guard index - start <= OFXParser.maximumValueCharacters else {
                    throw ImportError(.badValue, at: SourcePosition(file: file, line: tagLine), .bank(.ofxValueTooLong(tag: name, limit: OFXParser.maximumValueCharacters)))
                }
                guard let value = BankText.clean(Self.decodeEntities(String(decoding: utf8[start..<index], as: UTF8.self))) else {
                    return .open(name, line: tagLine)
                }
                // A leaf closed XML-style (`<NAME>x</NAME>`) gives its closing tag back as well; skipping it keeps depth right.
                if index + 2 + name.utf8.count < utf8.count, utf8[index + 1] == UInt8(ascii: "/"),
                   String(decoding: utf8[(index + 2)..<(index + 2 + name.utf8.count)], as: UTF8.self).uppercased() == name,
                   utf8[index + 2 + name.utf8.count] == UInt8(ascii: ">") {
                    index += 3 + name.utf8.count
                }
                return .value(name, value, line: tagLine)
            }
            return nil
        }

        static let scanLimit = 256

        static func decodeEntities(_ text: String) -> String {
            guard text.contains("&") else { return text }
            var out = ""
            var rest = Substring(text)
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                let after = rest[amp...]
                guard let semicolon = after.prefix(10).firstIndex(of: ";") else { out += "&"; rest = rest[rest.index(after: amp)...]; continue }
                let entity = after[after.index(after: after.startIndex)..<semicolon]
                let replacement: String? = switch entity {
                case "amp": "&"
                case "lt": "<"
                case "gt": ">"
                case "quot": "\""
                case "apos": "'"
                case _ where entity.hasPrefix("#x"): UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                case _ where entity.hasPrefix("#"): UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                default: nil
                }
                if let replacement {
                    out += replacement
                    rest = rest[rest.index(after: semicolon)...]
                } else {
                    out += "&"
                    rest = rest[rest.index(after: amp)...]
                }
            }
            return out + rest
        }
    }
}
