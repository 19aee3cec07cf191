import RelanceCore

/// The FEC's own value formats, which exporters bend: zero-padded amounts (`000000012,50`),
/// a decimal comma or point, a sign before or after, blank for zero; dates `AAAAMMJJ`, and
/// `JJ/MM/AAAA` from tools that ignore the rule.
enum FECValues {
    /// Minor units, or nil when the text is not an amount.
    static func minorUnits(_ raw: String, currency: Currency) -> Int64? {
        var text = Substring(raw)
        if text.isEmpty { return 0 }
        var negative = false
        if let first = text.first, first == "-" || first == "+" { negative = first == "-"; text = text.dropFirst() }
        else if let last = text.last, last == "-" || last == "+" { negative = last == "-"; text = text.dropLast() }
        text = Substring(String(text).trimmingSpaces())
        guard !text.isEmpty else { return nil }
        let plain = (negative ? "-" : "") + text
        return Money(decimal: plain, currency: currency)?.minorUnits
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
