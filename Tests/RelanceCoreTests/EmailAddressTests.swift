import Testing
import RelanceCore

/// Address validation: the store checks every address again when it reads them for a plan,
/// through a fast path for printable ASCII; both paths must give the same verdicts.
@Suite struct EmailAddressTests {
    static let validCases: [(String, String)] = [
        ("compta@client.example", "compta@client.example"),
        ("Compta.Client+relance@Client-7.EXAMPLE", "Compta.Client+relance@client-7.example"),
        ("  compta@client.example\t", "compta@client.example"),
        ("\u{00A0}a!#$%&'*+-/=?^_`{|}~@x.example", "a!#$%&'*+-/=?^_`{|}~@x.example"),
    ]

    @Test(arguments: validCases)
    func valid(text: String, value: String) {
        #expect(EmailAddress(text)?.value == value)
    }

    static let longLocalPart = String(repeating: "a", count: 65) + "@relance.test"
    static let longLabel = "alice@" + String(repeating: "a", count: 64) + ".test"
    static let longAddress = "alice@" + String(repeating: "a.", count: 125) + "test"
    static let invalidCases: [(String, EmailAddress.Problem)] = [
        ("", .empty),
        ("   ", .empty),
        ("alice", .missingAt),
        ("alice@bob@relance.test", .missingAt),
        ("@relance.test", .missingAt),
        ("alice@", .missingAt),
        (" alice@ ", .missingAt),
        ("alice.@relance.test", .badLocalPart),
        (".alice@relance.test", .badLocalPart),
        ("al..ice@relance.test", .badLocalPart),
        ("al(ice@relance.test", .badLocalPart),
        ("élise@relance.test", .badLocalPart),
        (longLocalPart, .badLocalPart),
        ("alice@-relance.test", .badDomain),
        ("alice@relance-.test", .badDomain),
        ("alice@relance..test", .badDomain),
        ("alice@relance.test.", .badDomain),
        ("alice@relance_test", .badDomain),
        ("alice@localhost", .badDomain),
        ("alice@relance.tést", .badDomain),
        (longLabel, .badDomain),
        ("alice@relance.test\r\nRCPT TO:<x@y.z>", .controlCharacter),
        ("alice\u{7F}@relance.test", .controlCharacter),
        (longAddress, .tooLong),
    ]

    @Test(arguments: invalidCases)
    func invalid(text: String, problem: EmailAddress.Problem) {
        #expect(EmailAddress.parse(text) == .failure(problem))
    }

    @Test func hostLabelsUpToSixtyThreeCharacters() {
        let label = String(repeating: "a", count: 63)
        #expect(EmailAddress("alice@\(label).test")?.domain == "\(label).test")
    }
}
