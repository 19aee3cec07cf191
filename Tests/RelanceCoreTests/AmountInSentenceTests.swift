import RelanceCore
import Testing

/// A sum named in a sentence (the fixed recovery indemnity of the letters) is written by the
/// amount formatter, without cents when it has none: `40 €` / `€40`.
@Suite struct AmountInSentenceTests {
    @Test(arguments: [
        (Int64(4_000), "EUR", Language.french, "40\u{00A0}€"),
        (4_000, "EUR", .english, "€40"),
        (4_050, "EUR", .french, "40,50\u{00A0}€"),
        (4_050, "EUR", .english, "€40.50"),
        (123_400, "EUR", .french, "1\u{202F}234\u{00A0}€"),
        (123_400, "EUR", .english, "€1,234"),
        (1_000, "JPY", .french, "1\u{202F}000\u{00A0}JPY"),
        (-4_000, "EUR", .french, "\u{2212}40\u{00A0}€"),
    ])
    func inSentence(minorUnits: Int64, currency: String, language: Language, expected: String) throws {
        let money = Money(minorUnits: minorUnits, currency: try #require(Currency(code: currency)))
        #expect(AmountFormat(language).inSentence(money) == expected)
    }
}
