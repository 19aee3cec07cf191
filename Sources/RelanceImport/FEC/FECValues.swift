import RelanceCore

/// The FEC's own value formats, which exporters bend: zero-padded amounts (`000000012,50`),
/// a decimal comma or point, a sign before or after, blank for zero; dates `AAAAMMJJ`, and
/// `JJ/MM/AAAA` from tools that ignore the rule.
enum FECValues {
    /// Minor units, or nil when the field is not an amount. Read straight from the bytes: a
    /// million-line ledger has two amounts per line, and a String for each would dominate the import.
    static func minorUnits<Bytes: RandomAccessCollection<UInt8>>(_ field: Bytes, minorDigits: Int) -> Int64? where Bytes.Index == Int {
        var lower = field.startIndex, upper = field.endIndex
        if lower == upper { return 0 }
        var negative = false
        if field[lower] == 0x2D || field[lower] == 0x2B { negative = field[lower] == 0x2D; lower += 1 }
        else if field[upper - 1] == 0x2D || field[upper - 1] == 0x2B { negative = field[upper - 1] == 0x2D; upper -= 1 }
        while lower < upper, field[lower] == 0x20 { lower += 1 }
        while upper > lower, field[upper - 1] == 0x20 { upper -= 1 }
        guard lower < upper else { return nil }
        var units: Int64 = 0
        var fractionDigits = -1 // -1 until a decimal mark is seen
        var fraction: Int64 = 0
        var sawDigit = false
        for index in lower..<upper {
            let byte = field[index]
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
                let digit = Int64(byte - 0x30)
                if fractionDigits < 0 {
                    let (times, o1) = units.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(digit)
                    guard !o1, !o2 else { return nil }
                    units = sum
                } else {
                    fractionDigits += 1
                    if fractionDigits <= minorDigits { fraction = fraction * 10 + digit } else if digit != 0 { return nil }
                }
            } else if (byte == 0x2C || byte == 0x2E) && fractionDigits < 0 {
                fractionDigits = 0
            } else {
                return nil
            }
        }
        guard sawDigit, fractionDigits != 0 else { return nil }
        var scale: Int64 = 1
        for _ in 0..<minorDigits { scale *= 10 }
        // Trailing zeros beyond the currency's digits were checked and dropped above.
        if fractionDigits < minorDigits { for _ in max(fractionDigits, 0)..<minorDigits { fraction *= 10 } }
        let (scaled, o1) = units.multipliedReportingOverflow(by: scale)
        let (total, o2) = scaled.addingReportingOverflow(fraction)
        guard !o1, !o2 else { return nil }
        return negative ? -total : total
    }

    /// `AAAAMMJJ` straight from the bytes, else the tolerated spellings.
    static func date<Bytes: RandomAccessCollection<UInt8>>(_ field: Bytes) -> CivilDate? where Bytes.Index == Int {
        if field.count == 8, field.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            var value = 0
            for byte in field { value = value * 10 + Int(byte - 0x30) }
            return CivilDate(year: value / 10_000, month: value / 100 % 100, day: value % 100)
        }
        return date(String(decoding: field, as: UTF8.self))
    }

    static func date(_ raw: String) -> CivilDate? {
        let digits = raw.utf8
        if digits.count == 8, digits.allSatisfy({ (0x30...0x39).contains($0) }) {
            let value = Int(raw)!
            return CivilDate(year: value / 10_000, month: value / 100 % 100, day: value % 100)
        }
        if let iso = CivilDate(iso8601: raw) { return iso }
        let parts = raw.split(separator: "/")
        guard parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else {
            return nil
        }
        return CivilDate(year: year, month: month, day: day)
    }

    /// `…FEC20231231…` in the file name: the closing date the law asks exporters to put there.
    static func closingDate(inFileName name: String) -> CivilDate? {
        let upper = Array(name.uppercased().utf8)
        var index = 0
        while index + 11 <= upper.count {
            if upper[index] == UInt8(ascii: "F"), upper[index + 1] == UInt8(ascii: "E"), upper[index + 2] == UInt8(ascii: "C") {
                let digits = upper[(index + 3)..<(index + 11)]
                if digits.allSatisfy({ (0x30...0x39).contains($0) }), let date = self.date(String(decoding: digits, as: UTF8.self)) {
                    return date
                }
            }
            index += 1
        }
        return nil
    }
}
