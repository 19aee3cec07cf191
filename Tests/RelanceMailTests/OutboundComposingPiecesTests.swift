import Crypto
import RelanceCore
import RelanceTesting
import Testing
@testable import RelanceMail

/// The pieces of composing a reminder that issue #17 made cheaper, each against the slower form
/// it replaced (or the library it stands in for), on many inputs: the same bytes out.
@Suite("Outbound: cheaper composing pieces give the bytes of the forms they replace")
struct OutboundComposingPiecesTests {
    /// The quoted-printable encoder as it was before runs of plain bytes were copied at once:
    /// byte by byte, RFC 2045's rules spelled out (a line is given without its line break).
    static func referenceQuotedPrintable(line: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var column = 0
        let startsWithFrom = line.starts(with: Array("From ".utf8))
        for (index, byte) in line.enumerated() {
            let isLast = index == line.count - 1
            let literal: Bool
            switch byte {
            case UInt8(ascii: "="): literal = false
            case 32, 9: literal = !isLast
            case 33...126: literal = !(index == 0 && (byte == UInt8(ascii: ".") || startsWithFrom))
            default: literal = false
            }
            let width = literal ? 1 : 3
            if column + (isLast ? width : width + 1) > 76 {
                output += Array("=\r\n".utf8)
                column = 0
            }
            output += literal ? [byte] : Array(("=" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)).utf8)
            column += width
        }
        return output
    }

    @Test("quoted-printable: a line encodes as the byte-by-byte encoder encoded it, whatever its bytes and length")
    func quotedPrintableLines() {
        var random = SplitMix64(seed: 9)
        // Mostly plain text, with the bytes that matter: `=`, spaces and tabs, dots, UTF-8, controls.
        let alphabet = Array("abcdefghij KLMNOP.=\t,;:!é€ From".utf8) + [0x00, 0x7F, 0xFF]
        var lines: [[UInt8]] = [[], Array(".".utf8), Array("From x".utf8), Array(" ".utf8), Array("=".utf8)]
        for length in [1, 2, 3, 74, 75, 76, 77, 78, 150, 151, 152, 153, 300] {
            lines.append(Array(repeating: UInt8(ascii: "a"), count: length))
            lines.append(Array(repeating: UInt8(ascii: "a"), count: length - 1) + [UInt8(ascii: " ")])
            lines.append(Array(repeating: UInt8(ascii: "="), count: length))
            lines.append([UInt8(ascii: ".")] + Array(repeating: UInt8(ascii: "b"), count: length))
        }
        for _ in 0..<2000 {
            let length = Int(random.bytes(1)[0]) % 200
            lines.append(random.bytes(length).map { alphabet[Int($0) % alphabet.count] })
        }
        for line in lines {
            var output: [UInt8] = []
            QuotedPrintableEncoder.append(text: String(decoding: line, as: UTF8.self), to: &output)
            let text = Array(String(decoding: line, as: UTF8.self).utf8)
            #expect(output == Self.referenceQuotedPrintable(line: text) + [13, 10], "\(String(decoding: line, as: UTF8.self).debugDescription)")
        }
        // Whole bodies of many lines, far longer than the encoder's buffer, after what is already in the message.
        for start in stride(from: 0, to: lines.count - 200, by: 97) {
            let body = Array(lines[start..<start + 200].map { Array(String(decoding: $0, as: UTF8.self).utf8) })
            let separators: [[UInt8]] = [[10], [13, 10]]
            var text: [UInt8] = []
            var expected: [UInt8] = Array("headers\r\n\r\n".utf8)
            for (index, line) in body.enumerated() {
                if index > 0 { text += separators[index % 2] }
                text += line
                expected += Self.referenceQuotedPrintable(line: line) + [13, 10]
            }
            var output: [UInt8] = Array("headers\r\n\r\n".utf8)
            QuotedPrintableEncoder.append(text: String(decoding: text, as: UTF8.self), to: &output)
            #expect(output.count > 4096 && output == expected, "body of lines \(start)..<\(start + 200)")
        }
    }

    @Test("encoded words cut from the text's bytes are the words cut character by character, whatever the room")
    func encodedWords() {
        var random = SplitMix64(seed: 23)
        // Scalars that are whole characters: ASCII, accents, the euro sign, dashes, the narrow no-break space.
        let scalars: [Unicode.Scalar] = ["a", "Z", " ", "=", "?", "é", "°", "ÿ", "€", "—", "\u{202F}", "’", "…", "\u{2FF}"]
        var texts = ["", "Relance : facture F-2026-1 — 1,50 € restant dû", "Société Cliente n°1", String(repeating: "é", count: 90)]
        for _ in 0..<400 {
            texts.append(String(String.UnicodeScalarView(random.bytes(Int(random.bytes(1)[0]) % 120).map { scalars[Int($0) % scalars.count] })))
        }
        for text in texts {
            for room in [0, 1, 10, 16, 17, 20, 30, 45, 60, 69, 75, 76, 77, 78, 100] {
                #expect(HeaderText.encodedWords(text, firstLineRoom: room) == HeaderText.encodedWordsByCharacter(text, firstLineRoom: room),
                        "\(text.debugDescription), room \(room)")
            }
        }
    }

    @Test("HMACSHA256 gives swift-crypto's HMAC<SHA256> for keys shorter than, as long as and longer than a block")
    func hmacMatchesSwiftCrypto() {
        var random = SplitMix64(seed: 17)
        for keyLength in [0, 1, 16, 31, 32, 33, 63, 64, 65, 100, 128, 129, 200] {
            let key = random.bytes(keyLength)
            let ours = HMACSHA256(key: key)
            for messageLength in [0, 1, 2, 31, 55, 56, 63, 64, 65, 119, 120, 128, 200, 1000] {
                let message = random.bytes(messageLength)
                let expected = Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
                #expect(Array(ours.code(for: message)) == expected, "key \(keyLength) bytes, message \(messageLength) bytes")
            }
        }
    }

    @Test("HMACSHA256 gives RFC 4231's codes")
    func hmacKnownAnswers() {
        let shortKey = HMACSHA256(key: Array(repeating: 0x0B, count: 20))
        #expect(hex(shortKey.code(for: Array("Hi There".utf8))) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        let longKey = HMACSHA256(key: Array(repeating: 0xAA, count: 131))
        #expect(hex(longKey.code(for: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test("a reference token's tag is HMAC<SHA256> of label, creditor and id, as before", arguments: [Int64(0), 1, 300, -1, Int64.max])
    func tokenTagUnchanged(id: Int64) throws {
        let key = Array(repeating: UInt8(0x5A), count: 24) + Array(0..<8)
        let secret = try #require(ReferenceSecret(bytes: key))
        let creditor = try #require(CreditorID("atelier-lumiere"))
        let token = ReferenceToken.make(messageID: id, creditor: creditor, secret: secret)
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: key))
        hmac.update(data: Array("relance-reference-v1".utf8) + [0] + Array(creditor.rawValue.utf8) + [0])
        hmac.update(data: withUnsafeBytes(of: UInt64(bitPattern: id).bigEndian) { Array($0) })
        let tag = Array(Array(hmac.finalize()).prefix(ReferenceToken.tagByteCount))
        #expect(Array(try #require(TokenBase32.decode(token)).prefix(ReferenceToken.tagByteCount)) == tag)
    }

    @Test("Message-IDs: dot-atoms of ASCII on both sides of one @, nothing else")
    func messageIDs() {
        for valid in ["a@b", "relance.abc234@acme.example", "x!#$%&'*+-/=?^_`{|}~@h-1.example", "A.B.C@D"] {
            #expect(MessageID(valid)?.value == valid, "\(valid)")
        }
        for invalid in ["", "@", "a@", "@b", "a@b@c", ".a@b", "a.@b", "a..b@c", "a@.b", "a@b.", "a@b..c", "a b@c", "<a@b>",
                        "é@b", "a@bé", "a@b\u{301}", "a\u{301}@b", "a(b)@c", "a@[1.2.3.4]", "a\"b@c", "a@b,c"] {
            #expect(MessageID(invalid) == nil, "\(invalid.debugDescription)")
        }
    }

    @Test("an ASCII IBAN is grouped as the character-by-character form groups it")
    func groupedIBAN() {
        var random = SplitMix64(seed: 4)
        var samples = ["FR7630006000011234567890189", "fr76 3000 6000 0112 3456 7890 189", " FR76\t3000\r\n6000 ", "", "   ", "ABC",
                       "DE89370400440532013000", "fr76-3000_6000", "a\u{0B}b\u{0C}c\u{1F}d\u{7F}e", "GB29NWBK60161331926819x"]
        // Every ASCII byte, in random strings.
        for _ in 0..<300 {
            samples.append(String(decoding: random.bytes(Int(random.bytes(1)[0] % 40)).map { $0 & 0x7F }, as: UTF8.self))
        }
        for sample in samples {
            #expect(ReminderContextBuilder.groupedIBAN(sample) == ReminderContextBuilder.groupedIBANByCharacter(sample),
                    "\(sample.debugDescription)")
        }
        #expect(ReminderContextBuilder.groupedIBAN("fr76 3000 6000 0112 3456 7890 189") == "FR76 3000 6000 0112 3456 7890 189")
    }

    @Test("template paths resolve their names to keys and transforms once; an unknown one is absent")
    func templatePaths() {
        let path = TemplatePath(name: "creditor.legal_name", transforms: ["uppercased"])
        #expect(path.anchor == .stack && path.parts == [.creditor, .legalName] && path.transforms == [.uppercased])
        #expect(TemplatePath(name: ".number", transforms: []).anchor == .currentOnly)
        #expect(TemplatePath(name: ".", transforms: []).anchor == .current)
        #expect(TemplatePath(name: "", transforms: ["first"]).anchor == .position)
        #expect(TemplatePath(name: "creditor.nope", transforms: []).anchor == .absent)
        #expect(TemplatePath(name: "nope", transforms: []).anchor == .absent)
        #expect(TemplatePath(name: "customer.name", transforms: ["nope"]).anchor == .absent)
        #expect(TemplatePath(name: ".", transforms: ["nope"]).anchor == .absent)
    }

    @Test("every name of the reminder view is a template key, and every key is a name of the view")
    func templateKeysAreTheViewsNames() {
        let names = Set(TemplateSchema.reminder.paths.map { $0.split(separator: ".").last.map(String.init)! })
        #expect(names == Set(TemplateKey.allCases.map(\.rawValue)))
    }

    private func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }
}
