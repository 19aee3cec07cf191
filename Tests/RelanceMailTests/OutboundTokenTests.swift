import RelanceCore
import Testing
@testable import RelanceMail

@Suite("Outbound: reference tokens")
struct OutboundTokenTests {
    let secret = OutboundSupport.secret
    let creditor = OutboundSupport.creditor
    let others = [CreditorID("dupont")!, CreditorID("martin-et-fils")!]

    @Test("make then verify gives back the message id and the creditor",
          arguments: [Int64(0), 1, 42, 255, 256, 65_535, 1_000_000_007, Int64.max, -1, Int64.min])
    func roundTrip(id: Int64) throws {
        let token = ReferenceToken.make(messageID: id, creditor: creditor, secret: secret)
        #expect((18...29).contains(token.count))
        #expect(token.allSatisfy { ("a"..."z").contains($0) || ("2"..."7").contains($0) })
        let verified = try #require(ReferenceToken.verify(token, secret: secret, creditors: others + [creditor]))
        #expect(verified.messageID == id)
        #expect(verified.creditor == creditor)
        // Case-folded by a mail system on the way back: still valid.
        #expect(ReferenceToken.verify(token.uppercased(), secret: secret, creditor: creditor)?.messageID == id)
    }

    @Test("every single-character change is detected")
    func tamper() {
        let token = ReferenceToken.make(messageID: 123_456, creditor: creditor, secret: secret)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var chars = Array(token)
        for index in chars.indices {
            let original = chars[index]
            for replacement in alphabet where replacement != original {
                chars[index] = replacement
                #expect(ReferenceToken.verify(String(chars), secret: secret, creditor: creditor) == nil,
                        "accepted \(String(chars))")
            }
            chars[index] = original
        }
        #expect(ReferenceToken.verify(token + "a", secret: secret, creditor: creditor) == nil)
        #expect(ReferenceToken.verify(String(token.dropLast()), secret: secret, creditor: creditor) == nil)
        #expect(ReferenceToken.verify("", secret: secret, creditor: creditor) == nil)
        #expect(ReferenceToken.verify(String(token.dropLast()) + "=", secret: secret, creditor: creditor) == nil)
        #expect(ReferenceToken.verify(String(token.dropLast()) + "1", secret: secret, creditor: creditor) == nil)
    }

    @Test("a wrong secret or another creditor does not verify")
    func wrongSecretOrCreditor() throws {
        let token = ReferenceToken.make(messageID: 7, creditor: creditor, secret: secret)
        let otherSecret = try #require(ReferenceSecret(bytes: Array("fedcba9876543210fedcba9876543210".utf8)))
        #expect(ReferenceToken.verify(token, secret: otherSecret, creditor: creditor) == nil)
        #expect(ReferenceToken.verify(token, secret: secret, creditors: others) == nil)
        #expect(ReferenceToken.verify(token, secret: secret, creditors: []) == nil)
        // Same id, other creditor: another token.
        #expect(ReferenceToken.make(messageID: 7, creditor: others[0], secret: secret) != token)
    }

    @Test("secrets shorter than 128 bits are refused and secrets never print")
    func secretHygiene() {
        #expect(ReferenceSecret(bytes: Array(repeating: 1, count: 15)) == nil)
        let description = "\(secret) \(String(reflecting: secret))"
        #expect(!description.contains("0123456789abcdef"))
        #expect(description.contains("redacted"))
    }

    @Test("Message-ID and VERP address carry the token, and it is read back from both")
    func addressing() throws {
        let longCreditor = try #require(CreditorID(String(repeating: "x", count: 64)))
        let token = ReferenceToken.make(messageID: Int64.max, creditor: longCreditor, secret: secret)
        let messageID = try MessageID(token: token, domain: "atelier-lumiere.fr")
        #expect(messageID.bracketed == "<relance.\(token)@atelier-lumiere.fr>")
        let bounce = try ReferenceAddressing.bounceAddress(token: token, domain: "atelier-lumiere.fr")
        #expect(bounce.value == "bounces+\(token)@atelier-lumiere.fr")
        #expect(bounce.localPart.count <= 64)

        let fromID = try #require(ReferenceAddressing.token(inMessageID: "  <RELANCE.\(token.uppercased())@Atelier-Lumiere.fr> "))
        #expect(ReferenceToken.verify(fromID, secret: secret, creditor: longCreditor)?.messageID == Int64.max)
        let fromAddress = try #require(ReferenceAddressing.token(inAddress: "<\(bounce.value)>"))
        #expect(ReferenceToken.verify(fromAddress, secret: secret, creditor: longCreditor)?.messageID == Int64.max)

        #expect(ReferenceAddressing.token(inMessageID: "<CAF1234@mail.gmail.com>") == nil)
        #expect(ReferenceAddressing.token(inAddress: "bounces@atelier-lumiere.fr") == nil)
    }

    @Test("a bounce prefix that would pass 64 characters is refused")
    func verpTooLong() {
        let token = ReferenceToken.make(messageID: Int64.max, creditor: creditor, secret: secret)
        let error = #expect(throws: CompositionError.self) {
            try ReferenceAddressing.bounceAddress(token: token, prefix: String(repeating: "b", count: 40), domain: "example.fr")
        }
        #expect(error?.code == .localPartTooLong)
        #expect(throws: CompositionError.self) { try ReferenceAddressing.bounceAddress(token: token, prefix: "bad prefix", domain: "example.fr") }
    }
}
