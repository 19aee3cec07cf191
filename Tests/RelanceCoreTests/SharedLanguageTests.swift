import RelanceCore
import Testing

/// The language of a line meant for every creditor at once (a purge, the closing lines of
/// `relance run --once`): theirs when they all share one, English otherwise. One rule, read
/// by the daemon from its configuration and by both stores from their `creditor` rows.
@Suite struct SharedLanguageTests {
    @Test("one language shared by every creditor is the line's; several, or none, give English", arguments: [
        ([Language.french], Language.french),
        ([.french, .french, .french], .french),
        ([.english], .english),
        ([.french, .english], .english),
        ([], .english),
    ])
    func shared(languages: [Language], expected: Language) {
        #expect(Language.shared(by: languages) == expected)
    }

    @Test("a stored value this build does not know reads as English", arguments: [
        (["fr"], Language.french),
        (["fr", "fr"], .french),
        (["en"], .english),
        (["fr", "en"], .english),
        (["fr", "de"], .english),
        (["de"], .english),
        ([], .english),
    ])
    func stored(rawValues: [String], expected: Language) {
        #expect(Language.shared(byStored: rawValues) == expected)
    }
}
