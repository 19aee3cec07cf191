import Testing
import RelanceCore

/// The one helper that capitalizes a first letter (RelanceCore's; the digest used its own twin).
@Suite struct FirstLetterCaseTests {
    @Test(arguments: [
        ("lundi 7 décembre 2026", "Lundi 7 décembre 2026"),
        ("échéance", "Échéance"),
        ("promised to pay on 15 Jan 2027", "Promised to pay on 15 Jan 2027"),
        ("Monday", "Monday"),
        ("", ""),
    ])
    func capitalizesOnlyTheFirstLetter(text: String, expected: String) {
        #expect(text.capitalizedFirst == expected)
    }
}
