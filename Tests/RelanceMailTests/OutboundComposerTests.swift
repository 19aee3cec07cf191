import Foundation
import RelanceCore
import Testing
@testable import RelanceMail

@Suite("Outbound: MIME composition")
struct OutboundComposerTests {
    static let from = MailboxAddress(name: "Atelier Lumière SARL", address: OutboundSupport.address("compta@atelier-lumiere.fr"))
    static let to = MailboxAddress(name: "Boulangerie Ébène", address: OutboundSupport.address("contact@ebene.fr"))

    /// The message of the golden fixture: every feature once, small enough to read by eye.
    static func goldenMessage() throws -> OutgoingMessage {
        OutgoingMessage(
            from: from,
            replyTo: [MailboxAddress(name: "Service \"Recouvrement\"", address: OutboundSupport.address("relances@atelier-lumiere.fr"))],
            to: [to],
            cc: [MailboxAddress(address: OutboundSupport.address("direction@ebene.fr"))],
            subject: "Relance : facture F2026-0117 échue",
            textBody: "Madame, Monsieur,\n\nSauf erreur de notre part, la facture F2026-0117 (1\u{202F}234,56\u{00A0}€) reste impayée à ce jour.\n.\nFrom now on\n",
            htmlBody: "<p>Madame, Monsieur,</p>\n<p>Facture <b>F2026-0117</b> : 1\u{202F}234,56\u{00A0}€</p>\n",
            attachments: [MailAttachment(fileName: "relevé.csv", mediaType: "text/csv", bytes: Array("facture;montant\nF2026-0117;1234.56\n".utf8))],
            date: MessageDate(secondsSinceEpoch: 1_792_051_200, utcOffsetSeconds: 7200),
            messageID: try #require(MessageID("relance.abc234@atelier-lumiere.fr")),
            language: .french,
            extraHeaders: [.inReplyTo(try #require(MessageID("relance.xyz567@atelier-lumiere.fr")))]
        )
    }

    @Test("a composed message matches the hand-checked .eml byte for byte")
    func golden() throws {
        let composed = try MessageComposer().compose(try Self.goldenMessage())
        let expected = try OutboundSupport.fixture("golden.eml")
        if composed != expected {
            Issue.record("composed message differs from Fixtures/outbound/golden.eml:\n\(String(decoding: composed, as: UTF8.self))")
        }
    }

    @Test("composition is deterministic and the boundary follows the Message-ID")
    func deterministic() throws {
        var message = try Self.goldenMessage()
        let first = try MessageComposer().compose(message)
        #expect(try MessageComposer().compose(message) == first)
        message.messageID = try #require(MessageID("relance.other@atelier-lumiere.fr"))
        let other = String(decoding: try MessageComposer().compose(message), as: UTF8.self)
        let boundary = Boundaries(messageID: message.messageID).mixed
        #expect(other.contains("--\(boundary)--\r\n"))
        #expect(!String(decoding: first, as: UTF8.self).contains(boundary))
    }

    @Test("every line ends with CRLF and none exceeds 78 characters")
    func lineEndingsAndLengths() throws {
        var message = try Self.goldenMessage()
        message.subject = String(repeating: "Relance très importante concernant vos factures échues ", count: 4)
        message.to = (0..<6).map { MailboxAddress(name: "Destinataire numéro \($0) de la société Ébène", address: OutboundSupport.address("d\($0)@ebene.fr")) }
        message.textBody = String(repeating: "é", count: 300) + "\n" + String(repeating: "a ", count: 200) + "\r\nfin \r"
        message.attachments[0].bytes = Array(repeating: 0xFF, count: 1000)
        let text = String(decoding: try MessageComposer().compose(message), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let lines = text.components(separatedBy: "\r\n")
        for line in lines {
            #expect(!line.contains("\r") && !line.contains("\n"), "bare CR or LF in \(line)")
            #expect(line.utf8.count <= 78, "line of \(line.utf8.count) characters: \(line)")
        }
    }

    /// Ways imported data could try to add a header, and the field the composer must blame.
    enum Injection: String, CaseIterable, Sendable {
        case nameWithBcc = "to[0].name"
        case subjectWithCRLF = "subject"
        case fromNameWithNEL = "from.name"
        case ccNameWithTab = "cc[0].name"
        case replyToWithLineSeparator = "replyTo[0].name"
        case fileNameWithCRLF = "attachments[0].fileName"
        case organizationWithCR = "extraHeaders.organization"

        func apply(to message: inout OutgoingMessage) {
            switch self {
            case .nameWithBcc: message.to[0].name = "Ébène\r\nBcc: victim@example.com"
            case .subjectWithCRLF: message.subject = "Relance\nX-Injected: 1"
            case .fromNameWithNEL: message.from.name = "Atelier\u{0085}Lumière"
            case .ccNameWithTab: message.cc[0].name = "tab\there"
            case .replyToWithLineSeparator: message.replyTo[0].name = "line\u{2028}separator"
            case .fileNameWithCRLF: message.attachments[0].fileName = "a.pdf\r\nContent-Type: text/html"
            case .organizationWithCR: message.extraHeaders = [.organization("Org\rX: y")]
            }
        }
    }

    @Test("header injection through a display name, subject, file name or header is refused", arguments: Injection.allCases)
    func injectionRefused(injection: Injection) throws {
        var message = try Self.goldenMessage()
        message.cc = [MailboxAddress(name: "ok", address: OutboundSupport.address("cc@ebene.fr"))]
        injection.apply(to: &message)
        let error = #expect(throws: CompositionError.self) { try MessageComposer().compose(message) }
        #expect(error?.code == .controlCharacter)
        #expect(error?.field == injection.rawValue)
    }

    @Test("a subject with CRLF + Bcc is refused")
    func subjectBcc() throws {
        var message = try Self.goldenMessage()
        message.subject = "Relance\r\nBcc: victim@example.com"
        #expect((#expect(throws: CompositionError.self) { try MessageComposer().compose(message) })?.field == "subject")
    }

    @Test("a name cleaned with cleanedDisplayName composes, on one header line of its own")
    func cleanedName() throws {
        var message = try Self.goldenMessage()
        message.to[0].name = MailboxAddress.cleanedDisplayName("  Ébène\r\nBcc: victim@example.com \t ")
        #expect(message.to[0].name == "Ébène Bcc: victim@example.com")
        let composed = try MessageComposer().compose(message)
        let headers = OutboundSupport.headers(of: composed)
        #expect(headers["Bcc"] == nil)
        let to = try #require(headers["To"])
        #expect(OutboundSupport.decodeEncodedWords(to) == "Ébène Bcc: victim@example.com <contact@ebene.fr>")
    }

    @Test("RFC 2047 subjects decode back to the original",
          arguments: [
              "Relance : facture F2026-0117 échue",
              "Ça coûte 1\u{202F}234,56\u{00A0}€ — dernière relance avant mise en demeure pour les factures F2026-0117, F2026-0142 et F2026-0199",
              String(repeating: "é", count: 200),
              String(repeating: "😀", count: 40),
              "e\u{0301}" + String(repeating: "x\u{0301}\u{0302}", count: 50),
              "日本語の件名テスト、請求書の支払いについてのお知らせです。よろしくお願いします。",
              "Plain ASCII subject that is long enough to need folding at the spaces between its words, really",
              "ASCII with =?utf-8?B?trap?= inside",
              "  two  spaces  ",
          ])
    func subjectRoundTrip(subject: String) throws {
        var message = try Self.goldenMessage()
        message.subject = subject
        let composed = try MessageComposer().compose(message)
        let raw = String(decoding: composed, as: UTF8.self)
        let headerBlock = raw[..<raw.range(of: "\r\n\r\n")!.lowerBound]
        for line in headerBlock.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "header line too long: \(line)")
        }
        // Each encoded word is at most 75 characters and holds valid UTF-8 on its own.
        let words = headerBlock.split(whereSeparator: { $0 == " " || $0 == "\r\n" }).filter { $0.hasPrefix("=?") }
        for word in words {
            #expect(word.count <= 75, "encoded word of \(word.count) characters")
            #expect(OutboundSupport.decodeEncodedWords(String(word)) != nil, "word not valid UTF-8 alone: \(word)")
        }
        let value = try #require(OutboundSupport.headers(of: composed)["Subject"])
        #expect(OutboundSupport.decodeEncodedWords(value) == subject)
    }

    @Test("display names: atoms stay readable, specials are quoted, non-ASCII is encoded, all round-trip",
          arguments: ["Jean Dupont", "Dupont, Jean", "Service \"Recouvrement\" \\ Lyon", "Société Générale", "=?utf-8?B?QQ==?="])
    func displayNames(name: String) throws {
        var message = try Self.goldenMessage()
        message.to = [MailboxAddress(name: name, address: OutboundSupport.address("x@ebene.fr"))]
        let value = try #require(OutboundSupport.headers(of: try MessageComposer().compose(message))["To"])
        let phrase = String(value[..<value.range(of: " <x@ebene.fr>")!.lowerBound])
        let decoded: String
        if phrase.hasPrefix("\"") {
            decoded = String(phrase.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        } else {
            decoded = try #require(OutboundSupport.decodeEncodedWords(phrase))
        }
        #expect(decoded == name)
        if name == "Jean Dupont" { #expect(phrase == "Jean Dupont") }
        if name == "Dupont, Jean" { #expect(phrase == "\"Dupont, Jean\"") }
    }

    @Test("quoted-printable bodies: lines of at most 76, soft breaks, and an exact round trip")
    func quotedPrintable() throws {
        let body = "Ligne courte\n" + String(repeating: "àéîõü ", count: 40) + "\n" + String(repeating: "=", count: 100)
            + "\nespace finale \n\ttab finale\t\n.point\nFrom here\nfin"
        var output: [UInt8] = []
        QuotedPrintableEncoder.append(text: body, to: &output)
        let encoded = String(decoding: output, as: UTF8.self)
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76, "QP line of \(line.utf8.count): \(line)")
            #expect(line.last != " " && line.last != "\t", "trailing white space would be lost: \(line)")
            #expect(!line.hasPrefix(".") && !line.hasPrefix("From "))
        }
        #expect(output.allSatisfy { $0 < 0x80 })
        let decoded = try #require(OutboundSupport.decodeQuotedPrintable(encoded))
        #expect(decoded == body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
    }

    /// Below U+0300 the encoded words are cut from the UTF-8 without grapheme breaking: the words
    /// must be exactly those the character-by-character path gives, at any first-line room.
    /// The encoded words cut a text made only of these scalars between scalars, without grapheme
    /// breaking: in such a text each is a character of its own. Checked against the standard
    /// library's grapheme breaking for every one, between others of the set and beside itself.
    @Test("scalars that are whole characters never join one another")
    func wholeCharacterScalars() {
        let neighbours: [Unicode.Scalar] = ["a", " ", "é", "\u{02FF}", "\u{2013}", "\u{202F}", "\u{205E}", "€", "\u{20C0}"]
        for value in UInt32(0)...0x2100 {
            guard let scalar = Unicode.Scalar(value), HeaderText.isWholeCharacter(scalar) else { continue }
            for neighbour in neighbours + [scalar] {
                var text = String.UnicodeScalarView()
                text.append(neighbour)
                text.append(scalar)
                text.append(neighbour)
                let characters = String(text).map { Array($0.unicodeScalars) }
                #expect(characters.contains([scalar]), "U+\(String(value, radix: 16)) joins U+\(String(neighbour.value, radix: 16))")
            }
        }
    }

    @Test("encoded words of Latin text: the same as character by character",
          arguments: ["Société Cliente n°1", "Relance : facture F-2026-17 impayée — 1 234,50 €", String(repeating: "àéîõüçÀÉ", count: 30),
                      "ÿ" + String(repeating: "x", count: 200), "Ærøskøbing Œuvre ß ĳ ǅ ȷ ʼ ˆ",
                      "Relance : facture F-2026-1179 en attente de règlement – ACME Équipements SAS",
                      "Montant : 1\u{202F}179,50\u{00A0}€ ‘dû’ “depuis” … • ‰ ′ ‹ › ⁄ ₣ ₤ ₿ ⁞",
                      String(repeating: "–€\u{202F}é", count: 40)])
    func encodedWordsWithoutGraphemeBreaking(_ text: String) throws {
        for room in [0, 10, 16, 17, 30, 58, 75, 76, 200] {
            let words = HeaderText.encodedWords(text, firstLineRoom: room)
            #expect(words == HeaderText.encodedWordsByCharacter(text, firstLineRoom: room), "room \(room)")
            #expect(words.allSatisfy { $0.utf8.count <= HeaderText.maxEncodedWordLength })
            #expect(try words.map { try #require(OutboundSupport.decodeEncodedWords($0)) }.joined() == text)
        }
    }

    /// The encoder writes into a buffer sized for the worst case beforehand: bodies at that worst
    /// case (every byte encoded, long lines, every kind of line break, empty) round-trip exactly.
    @Test("quoted-printable at its worst case: every byte encoded, long lines, CR, LF and CRLF",
          arguments: ["", "\n", "\r\r\r", "=", String(repeating: "=", count: 5_000), String(repeating: "€", count: 3_000),
                      String(repeating: "= \r\n\u{7F}\u{0}é\r", count: 700), String(repeating: "x", count: 10_000) + " "])
    func quotedPrintableWorstCase(_ body: String) throws {
        var output: [UInt8] = Array("prefix".utf8)
        QuotedPrintableEncoder.append(text: body, to: &output)
        #expect(output.starts(with: Array("prefix".utf8)))
        let encoded = String(decoding: output.dropFirst(6), as: UTF8.self)
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        let decoded = try #require(OutboundSupport.decodeQuotedPrintable(encoded))
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        #expect(decoded == lines.replacingOccurrences(of: "\n", with: "\r\n") + (body.hasSuffix("\n") || body.hasSuffix("\r") ? "" : "\r\n"))
    }

    @Test("base64 attachments: 76-character lines that decode to the original bytes")
    func attachmentBase64() throws {
        var message = try Self.goldenMessage()
        let bytes = (0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        message.attachments = [MailAttachment(fileName: "facture.pdf", mediaType: "application/pdf", bytes: bytes)]
        let raw = String(decoding: try MessageComposer().compose(message), as: UTF8.self)
        let start = try #require(raw.range(of: "Content-Transfer-Encoding: base64\r\n\r\n"))
        let end = try #require(raw.range(of: "\r\n--", range: start.upperBound..<raw.endIndex))
        let lines = raw[start.upperBound..<end.lowerBound].components(separatedBy: "\r\n")
        #expect(lines.dropLast().allSatisfy { $0.count == 76 })
        #expect(Data(base64Encoded: lines.joined()).map(Array.init) == bytes)
    }

    @Test("a message without HTML or attachment is a single text/plain part")
    func singlePart() throws {
        var message = try Self.goldenMessage()
        message.htmlBody = nil
        message.attachments = []
        let raw = String(decoding: try MessageComposer().compose(message), as: UTF8.self)
        #expect(!raw.contains("multipart"))
        let headers = OutboundSupport.headers(of: Array(raw.utf8))
        #expect(headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(headers["Auto-Submitted"] == "auto-generated")
        #expect(headers["MIME-Version"] == "1.0")
    }

    @Test("invalid inputs are refused with the field at fault")
    func invalidInputs() throws {
        var message = try Self.goldenMessage()
        message.to = []
        #expect(throws: CompositionError(code: .noRecipient, field: "to", message: "the message has no recipient; add at least one To address")) {
            try MessageComposer().compose(message)
        }
        message = try Self.goldenMessage()
        message.attachments[0].mediaType = "text/csv; charset=utf-8"
        #expect((#expect(throws: CompositionError.self) { try MessageComposer().compose(message) })?.code == .invalidMediaType)
        message.attachments[0].mediaType = "text/csv"
        message.attachments[0].fileName = ""
        #expect((#expect(throws: CompositionError.self) { try MessageComposer().compose(message) })?.code == .emptyFileName)
    }

    @Test("extra headers come only from the typed allow-list and are encoded like the others")
    func extraHeaders() throws {
        var message = try Self.goldenMessage()
        let first = try #require(MessageID("relance.aaaa@atelier-lumiere.fr"))
        let second = try #require(MessageID("relance.bbbb@atelier-lumiere.fr"))
        message.extraHeaders = [.references([first, second]), .organization("Atelier Lumière SARL")]
        let headers = OutboundSupport.headers(of: try MessageComposer().compose(message))
        #expect(headers["References"] == "<relance.aaaa@atelier-lumiere.fr> <relance.bbbb@atelier-lumiere.fr>")
        #expect(headers["Organization"].flatMap(OutboundSupport.decodeEncodedWords) == "Atelier Lumière SARL")
        #expect(headers["In-Reply-To"] == nil)
        #expect(MessageID("a b@c.fr") == nil && MessageID("<a@c.fr>") == nil && MessageID("a@c.fr\r\nBcc: x") == nil)
    }

    @Test("Date header in the creditor's time zone, summer and winter time")
    func dates() throws {
        #expect(MessageDate(secondsSinceEpoch: 0, utcOffsetSeconds: 0).headerValue == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(MessageDate(secondsSinceEpoch: 1_792_051_200, utcOffsetSeconds: 7200).headerValue == "Thu, 15 Oct 2026 10:00:00 +0200")
        #expect(MessageDate(secondsSinceEpoch: -1, utcOffsetSeconds: -34_200).headerValue == "Wed, 31 Dec 1969 14:29:59 -0930")
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        #expect(MessageDate(Date(timeIntervalSince1970: 1_792_051_200), timeZone: paris).headerValue == "Thu, 15 Oct 2026 10:00:00 +0200")
        #expect(MessageDate(Date(timeIntervalSince1970: 1_795_000_000), timeZone: paris).headerValue == "Wed, 18 Nov 2026 12:06:40 +0100")
        #expect(MessageDate(Date(timeIntervalSince1970: 1_800_000_000), timeZone: paris).headerValue == "Fri, 15 Jan 2027 09:00:00 +0100")
    }
}
