import RelanceCore

/// How the amounts of one file write their decimal mark, decided from the whole column:
/// `1,234` alone could be either, but a file that also holds `12,50` writes decimal commas.
public enum DecimalMark: String, Sendable, Hashable {
    case comma = ","
    case point = "."
}

/// Amounts as exports print them: `1 234,56`, `1.234,56`, `1,234.56`, `1234.5`, with ordinary,
/// no-break, narrow no-break or thin spaces, an apostrophe (Swiss) between groups, a currency
/// symbol or code before or after, `(123,45)` or a trailing minus for negatives.
enum AmountText {
    struct Cleaned: Sendable, Hashable {
        var negative: Bool
        /// Digits and at most the marks `,` and `.`, nothing else.
        var body: String
        var currencyHint: String?
    }

    enum Problem: Error, Sendable, Hashable { case empty, notANumber, tooManyDecimals(Int), overflow }

    private static let symbols: [(symbol: [UInt8], code: String)] = {
        let pairs: [(String, String)] = [
            ("€", "EUR"), ("EUR", "EUR"), ("US$", "USD"), ("$", "USD"), ("USD", "USD"), ("£", "GBP"), ("GBP", "GBP"),
            ("CHF", "CHF"), ("FS", "CHF"), ("¥", "JPY"), ("JPY", "JPY"), ("CAD", "CAD"),
        ]
        return pairs.map { (symbol: Array($0.0.utf8), code: $0.1) }
    }()

    /// No amount is written with more bytes than this (`-1 234 567 890 123,45 EUR` has 26):
    /// a longer cell is not a number, and is answered without looking at it further.
    static let maximumBytes = 64

    /// Reads the cell's UTF-8 bytes once, front and back, so its cost is its length whatever it
    /// holds (no-break spaces, other scripts): no upper-casing of the text, no grapheme walk.
    static func clean(_ raw: String) -> Cleaned? {
        // Most cells are digits and marks alone (`648,16`): their body is the cell itself.
        let utf8 = raw.utf8
        if !utf8.isEmpty, utf8.count <= maximumBytes,
           utf8.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == comma || $0 == point }) {
            return Cleaned(negative: false, body: raw, currencyHint: nil)
        }
        return generalClean(raw)
    }

    /// Any cell: pads, signs, parentheses, symbols, group spaces.
    static func generalClean(_ raw: String) -> Cleaned? {
        var bytes = Substring(raw).utf8[...]
        trimPads(&bytes)
        guard !bytes.isEmpty else { return nil }
        guard bytes.count <= maximumBytes else { return Cleaned(negative: false, body: "?", currencyHint: nil) }
        var text = Array(bytes)[...]
        var negative = false
        var currency = stripSymbol(&text)
        if text.first == UInt8(ascii: "("), text.last == UInt8(ascii: ")") {
            negative = true
            text = text.dropFirst().dropLast()
            trimPads(&text)
        }
        if let length = signLength(text, atStart: true) {
            negative = negative != (text.first != UInt8(ascii: "+"))
            text = text.dropFirst(length)
            trimPads(&text)
        } else if let length = signLength(text, atStart: false) {
            negative.toggle()
            text = text.dropLast(length)
            trimPads(&text)
        }
        // A symbol may sit inside the sign: `-€12` or `(12 €)`.
        if currency == nil { currency = stripSymbol(&text) }
        var body: [UInt8] = []
        body.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ","), UInt8(ascii: "."): body.append(byte); index += 1
            case UInt8(ascii: " "), UInt8(ascii: "'"): index += 1
            default:
                // No-break, narrow no-break and thin spaces, and the typographic apostrophe.
                if let length = padLength(text[index...], extra: true) { index += length; continue }
                return Cleaned(negative: negative, body: "?", currencyHint: currency)
            }
        }
        return Cleaned(negative: negative, body: String(decoding: body, as: UTF8.self), currencyHint: currency)
    }

    private static let noBreakSpace: [UInt8] = [0xC2, 0xA0], narrowNoBreakSpace: [UInt8] = [0xE2, 0x80, 0xAF]
    private static let thinSpace: [UInt8] = [0xE2, 0x80, 0x89], rightQuote: [UInt8] = [0xE2, 0x80, 0x99]
    private static let minusSign: [UInt8] = [0xE2, 0x88, 0x92]

    /// The length of the pad at the start of `bytes` (space, tab, no-break or narrow no-break
    /// space, as `trimmingSpaces`; with `extra`, the thin space and the typographic apostrophe).
    private static func padLength<C: Collection<UInt8>>(_ bytes: C, extra: Bool = false) -> Int? {
        guard let first = bytes.first else { return nil }
        if first == 0x20 || first == 0x09 { return 1 }
        if bytes.starts(with: noBreakSpace) { return 2 }
        if bytes.starts(with: narrowNoBreakSpace) { return 3 }
        if extra, bytes.starts(with: thinSpace) || bytes.starts(with: rightQuote) { return 3 }
        return nil
    }

    private static func trimPads<C: BidirectionalCollection<UInt8>>(_ bytes: inout C) where C.SubSequence == C {
        while let length = padLength(bytes) { bytes = bytes.dropFirst(length) }
        while true {
            if bytes.last == 0x20 || bytes.last == 0x09 { bytes = bytes.dropLast(); continue }
            if bytes.reversed().starts(with: noBreakSpace.reversed()) { bytes = bytes.dropLast(2); continue }
            if bytes.reversed().starts(with: narrowNoBreakSpace.reversed()) { bytes = bytes.dropLast(3); continue }
            return
        }
    }

    /// `-`, `+` or `−` at the start (or `-`, `−` at the end): its length in bytes.
    private static func signLength(_ text: ArraySlice<UInt8>, atStart: Bool) -> Int? {
        if atStart {
            if text.first == UInt8(ascii: "-") || text.first == UInt8(ascii: "+") { return 1 }
            return text.starts(with: minusSign) ? 3 : nil
        }
        if text.last == UInt8(ascii: "-") { return 1 }
        return text.reversed().starts(with: minusSign.reversed()) ? 3 : nil
    }

    /// Removes the first currency symbol or code found before or after the number (codes in
    /// any case), and returns its ISO code.
    private static func stripSymbol(_ text: inout ArraySlice<UInt8>) -> String? {
        func sameIgnoringASCIICase(_ lhs: some Sequence<UInt8>, _ rhs: [UInt8]) -> Bool {
            lhs.elementsEqual(rhs) { ($0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0) == $1 }
        }
        for (symbol, code) in symbols where text.count >= symbol.count {
            if sameIgnoringASCIICase(text.prefix(symbol.count), symbol) {
                text = text.dropFirst(symbol.count)
                trimPads(&text)
                return code
            }
            if sameIgnoringASCIICase(text.suffix(symbol.count), symbol) {
                text = text.dropLast(symbol.count)
                trimPads(&text)
                return code
            }
        }
        return nil
    }

    /// The mark a value proves, if any: one mark followed by 1, 2 (or 4+) digits at the end is
    /// decimal; `1.234,56` proves comma; a repeated mark (`1.234.567`) proves the other one.
    /// Read as bytes: a cleaned body is ASCII (digits and marks, or `?`), and the first reading
    /// of a report asks this of every amount cell (issue #17).
    static func evidence(_ cleaned: Cleaned) -> DecimalMark? {
        var body = cleaned.body
        return body.withUTF8 { bytes -> DecimalMark? in
            guard let lastMark = bytes.lastIndex(where: { $0 == comma || $0 == point }) else { return nil }
            let markByte = bytes[lastMark]
            let mark: DecimalMark = markByte == comma ? .comma : .point
            if bytes.contains(markByte == comma ? point : comma) { return mark }
            var occurrences = 0
            for byte in bytes where byte == markByte { occurrences += 1 }
            if occurrences > 1 { return mark == .comma ? .point : .comma }
            return bytes.count - lastMark - 1 == 3 ? nil : mark
        }
    }

    private static let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")

    static func money(_ cleaned: Cleaned, mark: DecimalMark, currency: Currency) -> Result<Money, Problem> {
        if cleaned.body == "?" { return .failure(.notANumber) }
        if cleaned.body.isEmpty { return .failure(.empty) }
        if let money = plainMoney(cleaned, mark: mark, currency: currency) { return .success(money) }
        return generalMoney(cleaned, mark: mark, currency: currency)
    }

    /// Any cleaned body but `?` and the empty one: group marks, padded decimals, overflow.
    static func generalMoney(_ cleaned: Cleaned, mark: DecimalMark, currency: Currency) -> Result<Money, Problem> {
        let grouping: Character = mark == .comma ? "." : ","
        let decimal: Character = mark == .comma ? "," : "."
        let plain = cleaned.body.filter { $0 != grouping }
        let parts = plain.split(separator: decimal, omittingEmptySubsequences: false)
        guard parts.count <= 2, !(parts.count == 2 && parts[1].isEmpty) else { return .failure(.notANumber) }
        if parts.count == 2, parts[1].count > currency.minorDigits {
            // `12,500` in a 2-digit currency is fine when the extra digits are zeros (Excel pads).
            let extra = parts[1].dropFirst(currency.minorDigits)
            guard extra.allSatisfy({ $0 == "0" }) else { return .failure(.tooManyDecimals(parts[1].count)) }
            return generalMoney(Cleaned(negative: cleaned.negative, body: parts[0] + String(decimal) + parts[1].prefix(currency.minorDigits),
                                        currencyHint: cleaned.currencyHint),
                                mark: mark, currency: currency)
        }
        // `Money(decimal:)` reads either mark, and `plain` holds at most one, the decimal one.
        let decimalText = cleaned.negative ? "-" + plain : plain
        guard let money = Money(decimal: decimalText, currency: currency) else {
            return .failure(plain.count > 15 ? .overflow : .notANumber)
        }
        return .success(money)
    }

    /// The common amount read from its bytes: digits, then perhaps the decimal mark and no
    /// more digits than the currency has — no group mark, at most 15 digits before the mark, so
    /// nothing can overflow. Nil for anything else, which the general path above reads (its
    /// String filtering and splitting, and `Money(decimal:)`, cost a tenth of a report's parse).
    /// The same value as that path for every text it answers (`AmountTextBytePathTests`).
    private static func plainMoney(_ cleaned: Cleaned, mark: DecimalMark, currency: Currency) -> Money? {
        var body = cleaned.body
        let decimal = mark == .comma ? comma : point
        let minorDigits = currency.minorDigits
        let minor: Int64? = body.withUTF8 { bytes in
            var units: Int64 = 0, fraction: Int64 = 0, integerDigits = 0, fractionDigits = 0
            var seenMark = false
            for byte in bytes {
                if byte == decimal, !seenMark {
                    seenMark = true
                } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    let digit = Int64(byte - UInt8(ascii: "0"))
                    if seenMark { fraction = fraction * 10 + digit; fractionDigits += 1 } else { units = units * 10 + digit; integerDigits += 1 }
                    guard integerDigits <= 15, fractionDigits <= minorDigits else { return nil }
                } else {
                    return nil
                }
            }
            guard integerDigits > 0, !seenMark || fractionDigits > 0 else { return nil }
            var scale: Int64 = 1
            for _ in 0..<minorDigits { scale *= 10 }
            for _ in fractionDigits..<minorDigits { fraction *= 10 }
            return units * scale + fraction
        }
        guard let minor else { return nil }
        return Money(minorUnits: cleaned.negative ? -minor : minor, currency: currency)
    }
}
