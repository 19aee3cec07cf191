import Testing
import CurlMail

@Suite("SMTP envelope address validation")
struct SMTPEnvelopeAddressTests {
    @Test("plain addresses are accepted", arguments: [
        "alice@relance.test", "first.last+tag@example.co.uk", "x@y", "o'brien@mail-1.example.com", "a!#$%&'*+-/=?^_`{|}~@example.com",
    ])
    func accepted(address: String) {
        #expect(SMTPEnvelopeAddress.problem(in: address) == nil)
    }

    @Test("line breaks and control characters are refused", arguments: [
        "alice@relance.test\r\nRCPT TO:<eve@evil.test>", "alice@relance.test\n", "ali\rce@relance.test",
        "alice\0@relance.test", "alice@relance.test\u{7F}", "al\tice@relance.test",
    ])
    func controlCharacters(address: String) {
        #expect(SMTPEnvelopeAddress.problem(in: address) == .controlCharacter)
    }

    @Test("characters that change the meaning of the SMTP command are refused", arguments: [
        ("<alice@relance.test>", Character("<")), ("alice@relance.test> SIZE=1", " "), ("alice@relance.test>", ">"),
        ("alice smith@relance.test", " "), ("\"alice\"@relance.test", "\""), ("alice@[127.0.0.1]", "["),
        ("a,b@relance.test", ","), ("alice@relance.test;x", ";"),
    ] as [(String, Character)])
    func forbidden(address: String, character: Character) {
        #expect(SMTPEnvelopeAddress.problem(in: address) == .forbiddenCharacter(character))
    }

    @Test("malformed addresses are refused with the reason")
    func malformed() {
        #expect(SMTPEnvelopeAddress.problem(in: "") == .empty)
        #expect(SMTPEnvelopeAddress.problem(in: "alice") == .missingAt)
        #expect(SMTPEnvelopeAddress.problem(in: "alice@bob@relance.test") == .missingAt)
        #expect(SMTPEnvelopeAddress.problem(in: "@relance.test") == .missingAt)
        #expect(SMTPEnvelopeAddress.problem(in: "alice.@relance.test") == .badLocalPart)
        #expect(SMTPEnvelopeAddress.problem(in: "al..ice@relance.test") == .badLocalPart)
        #expect(SMTPEnvelopeAddress.problem(in: "alice@-relance.test") == .badDomain)
        #expect(SMTPEnvelopeAddress.problem(in: "alice@relance..test") == .badDomain)
        #expect(SMTPEnvelopeAddress.problem(in: "alice@relance_test") == .badDomain)
        #expect(SMTPEnvelopeAddress.problem(in: "élodie@relance.test") == .nonASCII)
        #expect(SMTPEnvelopeAddress.problem(in: String(repeating: "a", count: 65) + "@relance.test") == .tooLong)
        #expect(SMTPEnvelopeAddress.problem(in: "a@" + String(repeating: "b.", count: 130) + "test") == .tooLong)
    }

    @Test("problem descriptions name the fault")
    func descriptions() {
        #expect(SMTPEnvelopeAddress.Problem.controlCharacter.description.contains("line break"))
        #expect(SMTPEnvelopeAddress.Problem.forbiddenCharacter(" ").description == "the address contains a space")
        #expect(SMTPEnvelopeAddress.Problem.forbiddenCharacter("<").description == "the address contains \"<\"")
    }
}
