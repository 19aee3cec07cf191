import Testing
import RelanceTesting
import RelanceCore

/// The journal's hot formatters (an import writes one line per invoice) were rewritten over
/// bytes: these compare them with the plain versions they replaced, on many seeded values.
@Suite struct FastFormattingEquivalenceTests {
    static let currencies = ["EUR", "USD", "GBP", "JPY", "BHD", "CHF"].map { Currency(code: $0)! }

    @Test func amountsAreWrittenAsTheSplitAndJoinVersionWroteThem() {
        var random = SplitMix64(seed: 17)
        var amounts: [Int64] = [0, 1, -1, 9, 10, 99, 100, 999, 1_000, 99_999, 100_000, 1_000_000, Int64.max, Int64.min, -Int64.max]
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...18, using: &random)
            var value = Int64.random(in: 0..<Int64(pow10(digits)), using: &random)
            if random.chance(30) { value = -value }
            amounts.append(value)
        }
        for amount in amounts {
            for currency in Self.currencies {
                for language in [Language.french, .english] {
                    let money = Money(minorUnits: amount, currency: currency)
                    #expect(money.formatted(locale: language) == Self.reference(money, language), "\(amount) \(currency.code) \(language)")
                }
            }
        }
    }

    @Test func escapingOverBytesAgreesWithEveryScalar() {
        // Every scalar of the planes that matter, alone and between printable text.
        let scalars = (0..<0x3000).compactMap(Unicode.Scalar.init) + [Unicode.Scalar(0x1F600)!, Unicode.Scalar(0xFEFF)!]
        for scalar in scalars {
            for text in [String(scalar), "a\(scalar)b", "Facture F-1 ouverte pour 2\u{202F}376,80\u{00A0}€ \(scalar)"] {
                let expected = text.unicodeScalars.contains(where: PrintableText.isEscaped)
                #expect(PrintableText.needsEscaping(text) == expected, "U+\(String(scalar.value, radix: 16))")
                #expect(PrintableText.needsEscaping(text[...]) == expected)
            }
        }
        #expect(PrintableText.escape("2\u{202F}376,80\u{00A0}€\u{2028}x\n") == "2\u{202F}376,80\u{00A0}€\\u{2028}x\\n")
    }

    /// The eight-bytes-at-a-time path of the escaping check (and the `String` overload of
    /// `escape`) against the definition scalar by scalar: every scalar that matters, at every
    /// offset around the eight-byte words, between printable ASCII and between non-ASCII text.
    @Test func escapingEightBytesAtATimeAgreesWithTheScalarDefinition() {
        let specials = ((0x00...0xA0).map { $0 } + (0x2026...0x2030).map { $0 } + (0x2064...0x206A).map { $0 }
            + [0xE9, 0x20AC, 0x202F, 0x00A0, 0x1F600, 0xFEFF]).compactMap(Unicode.Scalar.init)
        let fillers = ["ABCDEFGHIJKLMNOPQRSTUVWXYZ ~!#", "é€ é€ é€ é€ é€ é€"]
        for special in specials {
            for filler in fillers {
                for before in 0...17 {
                    for after in [0, 1, 7, 8, 9] {
                        let text = String(filler.prefix(before)) + String(special) + String(filler.prefix(after))
                        let expected = text.unicodeScalars.contains(where: PrintableText.isEscaped)
                        #expect(PrintableText.needsEscaping(text) == expected, "U+\(String(special.value, radix: 16)) at \(before)")
                        #expect(Array(PrintableText.escape(text).utf8) == Array(escapedScalarByScalar(text).utf8),
                                "U+\(String(special.value, radix: 16)) at \(before)")
                        #expect(text.printable == PrintableText.escape(text[...]))
                    }
                }
            }
        }
        // A long line of every printable ASCII byte, and one with a control character in its last word.
        let printable = String(decoding: (0x20...0x7E).map { UInt8($0) }, as: UTF8.self)
        #expect(PrintableText.needsEscaping(printable) == false)
        #expect(PrintableText.needsEscaping(printable + "\u{1B}") == true)
    }

    /// The escapes written out scalar by scalar, as `PrintableText` documents them.
    private func escapedScalarByScalar(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where PrintableText.isEscaped(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private func pow10(_ digits: Int) -> Int64 { (0..<digits).reduce(1) { result, _ in result * 10 } }

    /// `Money.formatted(locale:)` as it was written before (split, group, join).
    static func reference(_ money: Money, _ locale: Language) -> String {
        let plain = money.decimalString
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let separator = locale == .french ? "\u{202F}" : ","
        var groups: [Substring] = []
        let digits = parts[0]
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        let grouped = groups.joined(separator: separator)
        let number = parts.count == 2 ? grouped + (locale == .french ? "," : ".") + parts[1] : grouped
        let sign = negative ? "-" : ""
        switch (locale, money.currency.code) {
        case (.french, "EUR"): return "\(sign)\(number)\u{00A0}€"
        case (.english, "EUR"): return "\(sign)€\(number)"
        case (.english, "USD"): return "\(sign)$\(number)"
        case (.english, "GBP"): return "\(sign)£\(number)"
        default: return "\(sign)\(number)\u{00A0}\(money.currency.code)"
        }
    }
}
