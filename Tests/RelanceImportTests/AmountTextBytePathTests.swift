import RelanceCore
@testable import RelanceImport
import Testing

/// The amount reader's byte paths (issue #17) give what the String paths they stand in front
/// of give: `evidence` against its former String form, `money` against `generalMoney`, `clean`
/// against `generalClean`, for every body of up to 5 characters over digits and both marks,
/// and longer ones near the limits.
@Suite struct AmountTextBytePathTests {
    /// `evidence` as it was written over Characters.
    static func referenceEvidence(_ cleaned: AmountText.Cleaned) -> DecimalMark? {
        let body = cleaned.body
        guard let lastMark = body.lastIndex(where: { $0 == "," || $0 == "." }) else { return nil }
        let mark: DecimalMark = body[lastMark] == "," ? .comma : .point
        let other: Character = mark == .comma ? "." : ","
        if body.contains(other) { return mark }
        let occurrences = body.filter { $0 == body[lastMark] }.count
        if occurrences > 1 { return mark == .comma ? .point : .comma }
        let decimals = body.distance(from: body.index(after: lastMark), to: body.endIndex)
        return decimals == 3 ? nil : mark
    }

    static let bodies: [String] = {
        var all = [""]
        var level = [""]
        for _ in 0..<5 {
            level = level.flatMap { prefix in ["0", "1", "7", "9", ",", "."].map { prefix + $0 } }
            all += level
        }
        all += ["?", "123456789012345", "1234567890123456", "999999999999999,99", "9999999999999999,9", "99999999999999999999",
                "123456789012345.678", "1.234.567,891", "12,500", "12,5000001", "0,001", "00000000000000000001,5", "648,16"]
        return all
    }()

    @Test func evidenceIsTheCharacterForms() {
        for body in Self.bodies {
            for negative in [false, true] {
                let cleaned = AmountText.Cleaned(negative: negative, body: body, currencyHint: nil)
                #expect(AmountText.evidence(cleaned) == Self.referenceEvidence(cleaned), "\(body)")
            }
        }
    }

    @Test func moneyIsTheGeneralPaths() {
        let currencies = ["EUR", "JPY", "BHD"].compactMap { Currency(code: $0) }
        #expect(currencies.map(\.minorDigits) == [2, 0, 3])
        for body in Self.bodies where body != "?" && !body.isEmpty {
            for negative in [false, true] {
                let cleaned = AmountText.Cleaned(negative: negative, body: body, currencyHint: nil)
                for mark in [DecimalMark.comma, .point] {
                    for currency in currencies {
                        #expect(AmountText.money(cleaned, mark: mark, currency: currency)
                                    == AmountText.generalMoney(cleaned, mark: mark, currency: currency), "\(body) \(mark) \(currency.code)")
                    }
                }
            }
        }
    }

    @Test func cleanIsTheGeneralPaths() {
        var cells = Self.bodies
        cells += [String(repeating: "1", count: 64), String(repeating: "1", count: 65), String(repeating: ",", count: 64) + "1",
                  " 12,50", "12,50 ", "-12,50", "12,50-", "(12,50)", "12,50 €", "€12.50", "1 234,56", "1\u{A0}234,56", "1'234.56",
                  "12,50EUR", "+3", "12a", "١٢", "12\u{0}", "\t12"]
        for cell in cells {
            #expect(AmountText.clean(cell) == AmountText.generalClean(cell), "\(cell.debugDescription)")
        }
    }
}
