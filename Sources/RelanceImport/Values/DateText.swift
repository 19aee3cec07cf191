import RelanceCore

/// The order of day and month in slashed dates: `03/04/2026` is 3 April in France, March 4 in the US.
public enum DayMonthOrder: String, Sendable, Hashable {
    case dayFirst = "DD/MM"
    case monthFirst = "MM/DD"
}

/// Dates as exports print them. A slashed date is split into its numbers first and read only
/// once the whole column has shown which order it uses (see `DateColumn`).
enum DateText {
    enum Shape: Sendable, Hashable {
        /// `a/b/year` (also `a.b.year`, `a-b-year`), order not yet known.
        case numeric(Int, Int, year: Int)
        case exact(CivilDate)
        case invalid
    }

    private static let months: [String: Int] = [
        "jan": 1, "janv": 1, "janvier": 1, "january": 1,
        "feb": 2, "fev": 2, "fevr": 2, "fevrier": 2, "february": 2,
        "mar": 3, "mars": 3, "march": 3,
        "apr": 4, "avr": 4, "avril": 4, "april": 4,
        "may": 5, "mai": 5,
        "jun": 6, "juin": 6, "june": 6,
        "jul": 7, "juil": 7, "juillet": 7, "july": 7,
        "aug": 8, "aou": 8, "aout": 8, "august": 8,
        "sep": 9, "sept": 9, "septembre": 9, "september": 9,
        "oct": 10, "octobre": 10, "october": 10,
        "nov": 11, "novembre": 11, "november": 11,
        "dec": 12, "decembre": 12, "december": 12,
    ]

    static func shape(_ raw: String) -> Shape {
        if let shape = tenDigitShape(raw) { return shape }
        var text = raw.trimmingSpaces()
        // A time part (`2026-07-15 00:00:00`, `2026-07-15T00:00`) says nothing about the day.
        if let cut = text.firstIndex(where: { $0 == "T" || $0 == " " }), text[..<cut].count == 10,
           text.dropFirst(10).contains(":") {
            text = String(text[..<cut])
        }
        if text.count == 8, text.allSatisfy(\.isASCIIDigit),
           let date = CivilDate(year: Int(text.prefix(4))!, month: Int(text.dropFirst(4).prefix(2))!, day: Int(text.suffix(2))!) {
            return .exact(date) // AAAAMMJJ, as in FEC
        }
        if text.allSatisfy(\.isASCIIDigit) || (text.contains(".") && text.split(separator: ".").count == 2
            && text.split(separator: ".").allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })) {
            return excelSerial(text)
        }
        let numbers = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        if numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }) {
            let a = Int(numbers[0])!, b = Int(numbers[1])!, c = Int(numbers[2])!
            if numbers[0].count == 4 {
                return CivilDate(year: a, month: b, day: c).map(Shape.exact) ?? .invalid
            }
            guard numbers[2].count == 4 || numbers[2].count == 2 else { return .invalid }
            return .numeric(a, b, year: numbers[2].count == 2 ? 2000 + c : c)
        }
        return named(text)
    }

    /// The two shapes nearly every export writes, `15/07/2026` (or `.`, `-`) and `2026-07-15`,
    /// read from their ten bytes: the general path below splits and copies the text several
    /// times, once per date cell of a 100,000-row report. Anything else returns nil and takes it.
    private static func tenDigitShape(_ raw: String) -> Shape? {
        var raw = raw
        return raw.withUTF8 { bytes -> Shape? in
            guard bytes.count == 10 else { return nil }
            func isDigit(_ index: Int) -> Bool { bytes[index] &- UInt8(ascii: "0") < 10 }
            func isSeparator(_ index: Int) -> Bool {
                bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "-")
            }
            func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] &- UInt8(ascii: "0")) } }
            if isSeparator(2), isSeparator(5), [0, 1, 3, 4, 6, 7, 8, 9].allSatisfy(isDigit) {
                return .numeric(number(0..<2), number(3..<5), year: number(6..<10))
            }
            if isSeparator(4), isSeparator(7), [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy(isDigit) {
                return CivilDate(year: number(0..<4), month: number(5..<7), day: number(8..<10)).map(Shape.exact) ?? .invalid
            }
            return nil
        }
    }

    /// `15 Jul 2026`, `15 juil. 2026`, `15-Jul-2026`, `15 juillet 2026`, `Jul 15, 2026`.
    private static func named(_ text: String) -> Shape {
        let words = HeaderText.normalize(text).split(separator: " ").map(String.init)
        guard words.count == 3 else { return .invalid }
        var day: Int?, month: Int?, year: Int?
        for word in words {
            if let value = months[word] { month = value } else if let number = Int(word) {
                if word.count == 4 || day != nil { year = word.count == 2 ? 2000 + number : number } else { day = number }
            } else { return .invalid }
        }
        guard let day, let month, let year, let date = CivilDate(year: year, month: month, day: day) else { return .invalid }
        return .exact(date)
    }

    /// Excel's day numbers count from 1899-12-30 (its 1900 leap-year bug folded in).
    /// Only plausible business dates (1982–2173) are accepted, so an invoice number is never a date.
    private static func excelSerial(_ text: String) -> Shape {
        let whole = text.split(separator: ".").first.map(String.init) ?? text
        guard let serial = Int(whole), (30_000...100_000).contains(serial) else { return .invalid }
        let epoch = CivilDate(year: 1899, month: 12, day: 30)!
        return .exact(epoch.adding(days: serial))
    }

    static func resolve(_ shape: Shape, order: DayMonthOrder) -> CivilDate? {
        switch shape {
        case .exact(let date): date
        case .invalid: nil
        case .numeric(let a, let b, let year):
            order == .dayFirst ? CivilDate(year: year, month: b, day: a) : CivilDate(year: year, month: a, day: b)
        }
    }
}

extension Character {
    /// `0`…`9` only: `Character.isNumber` also accepts other scripts' digits and fractions.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
