import Foundation
import Testing
import RelanceCore
@testable import RelanceMail

@Suite("Inbound MIME parsing")
struct InboundMIMETests {
    static func parse(_ text: String, limit: Int = MIMEMessage.defaultSizeLimit) -> MIMEMessage {
        MIMEMessage.parse(Array(text.utf8), limit: limit)
    }

    @Test("folded headers are unfolded; lookups ignore case")
    func folding() {
        let message = Self.parse("Subject: a long\r\n\tsubject line\r\nX-Thing: 1\r\nx-thing: 2\r\n\r\nbody")
        #expect(message.headers["subject"] == "a long subject line")
        #expect(message.headers.all("X-THING") == ["1", "2"])
        #expect(message.root.text == "body")
    }

    @Test("RFC 2047: B and Q words, adjacent words joined, plain text kept", arguments: [
        ("=?UTF-8?B?w6l0w6k=?=", "été"),
        ("=?iso-8859-1?q?caf=E9_cr=E8me?=", "café crème"),
        ("=?UTF-8?Q?a?= =?UTF-8?Q?b?=", "ab"),
        ("Re: =?utf-8?q?r=C3=A9glement?= du mois", "Re: réglement du mois"),
        ("=?windows-1252?Q?=93quoted=94?=", "\u{201C}quoted\u{201D}"),
        ("no encoding at all", "no encoding at all"),
        ("=?broken", "=?broken"),
    ])
    func encodedWords(raw: String, decoded: String) {
        #expect(EncodedWords.decode(raw) == decoded)
    }

    @Test("Content-Type parameters, quoted and RFC 2231")
    func parameters() {
        let simple = HeaderParameters(#"Text/Plain; Charset="UTF-8"; format=flowed"#)
        #expect(simple.value == "text/plain")
        #expect(simple["charset"] == "UTF-8")
        #expect(simple["format"] == "flowed")
        let extended = HeaderParameters("attachment; filename*0*=utf-8''facture%20; filename*1=n%C2%B01.pdf")
        #expect(extended["filename"] == "facture n%C2%B01.pdf")
        let encoded = HeaderParameters("attachment; filename*=iso-8859-1''r%E9sum%E9.txt")
        #expect(encoded["filename"] == "résumé.txt")
    }

    @Test("nested multiparts and an attached message")
    func nesting() {
        let text = """
        Content-Type: multipart/mixed; boundary=outer

        --outer
        Content-Type: multipart/alternative; boundary="inner"

        --inner
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        caf=C3=A9 =
        noir
        --inner
        Content-Type: text/html

        <p>x</p>
        --inner--
        --outer
        Content-Type: message/rfc822

        Message-ID: <orig@example.test>
        Subject: original

        hello
        --outer--
        """
        let message = Self.parse(text)
        #expect(message.defects.isEmpty)
        #expect(message.root.children.count == 2)
        let plain = message.root.allParts.first { $0.contentType == "text/plain" }
        #expect(plain?.text == "café noir")
        let embedded = message.root.children[1]
        #expect(embedded.isEmbeddedMessage)
        #expect(embedded.children.first?.headers["Message-ID"] == "<orig@example.test>")
        // ownParts stops at the embedded message: its body is not the report's own text.
        #expect(!message.root.ownParts.contains { $0.headers["Subject"] == "original" })
    }

    @Test("RFC 3464 delivery-status: per-message and per-recipient fields")
    func deliveryStatus() {
        let status = DeliveryStatus.parse("""
        Reporting-MTA: dns; mx.example.test
        Arrival-Date: Sun, 29 Nov 2026 00:30:01 +0000

        Original-Recipient: rfc822;a@example.test
        Final-Recipient: rfc822; a@example.test
        Action: failed
        Status: 5.1.1 (user unknown)
        Remote-MTA: dns; mx.customer.test
        Diagnostic-Code: smtp; 550 5.1.1 <a@example.test>:
          Recipient address rejected

        Final-Recipient: rfc822; b@example.test
        Action: delayed
        Status: 4.4.1
        """)
        #expect(status.reportingMTA == "mx.example.test")
        #expect(status.recipients.count == 2)
        let first = status.recipients[0]
        #expect(first.finalRecipient == "a@example.test")
        #expect(first.originalRecipient == "a@example.test")
        #expect(first.status == "5.1.1")
        #expect(first.remoteMTA == "mx.customer.test")
        #expect(first.diagnosticCode == "550 5.1.1 <a@example.test>: Recipient address rejected")
        #expect(status.recipients[1].action == "delayed")
    }

    @Test("charsets: known ones decoded, unknown ones decoded lossily with a note")
    func charsets() {
        #expect(Charset.decode([0x80, 0xE9], charset: "windows-1252").text == "€é")
        #expect(Charset.decode([0xA4, 0xBD], charset: "ISO-8859-15").text == "€œ")
        #expect(Charset.decode([0xE9], charset: "iso-8859-1").text == "é")
        #expect(Charset.decode([0xC3, 0xA9], charset: "\"UTF-8\"").text == "é")
        let unknown = Charset.decode([0x41, 0xE9], charset: "x-klingon")
        #expect(unknown.text == "Aé")
        #expect(unknown.problem != nil)
        // 8-bit bytes labelled US-ASCII are common; they are not thrown away.
        #expect(Charset.decode([0xC3, 0xA9], charset: "us-ascii").text == "é")
    }

    @Test("a body in an unknown charset is read lossily and the problem recorded")
    func unknownCharsetRecorded() {
        let message = MIMEMessage.parse([UInt8]("Content-Type: text/plain; charset=x-unknown\n\nd".utf8) + [0xE9, 0x6A, 0xE0])
        #expect(message.root.text == "déjà")
        #expect(message.defects.contains { $0.contains("x-unknown") })
    }

    @Test("the size limit cuts the input and says so")
    func sizeLimit() {
        let body = String(repeating: "x", count: 5000)
        let message = Self.parse("Subject: big\n\n" + body, limit: 1000)
        #expect(message.isTruncated)
        #expect(message.root.body.count < 1000)
        #expect(message.defects.contains { $0.contains("limit") })
        #expect(InboundClassifier.classify(message).kind == .other)
    }

    @Test("garbage and empty input never crash and are `other`", arguments: [
        [UInt8](), [0x00, 0xFF, 0x0A, 0x0D], Array("no colon here\n\njust text".utf8), Array(repeating: UInt8(0x0A), count: 50),
    ])
    func garbage(bytes: [UInt8]) {
        let message = MIMEMessage.parse(bytes)
        #expect(message.isUnreadable)
        let result = InboundClassifier.classify(message)
        #expect(result.kind == .other)
        #expect(result.reason.hasPrefix("unreadable"))
        #expect(result.otherReason == .unreadable)
    }

    // Speed is a benchmark's business, not a unit test's (a loaded CI machine would make a
    // timed assertion flaky): this checks that a 1 MB line is handled and classified right.
    @Test("one huge line in a bounce is classified")
    func hugeLine() {
        let line = String(repeating: "abcdefghij", count: 100_000)
        let text = "From: MAILER-DAEMON@mx.test\nSubject: Undelivered Mail\nTo: x\(line)@relance.test\n\n\(line) 550 5.1.1 user unknown\n"
        let result = InboundClassifier.classify(MIMEMessage.parse(Array(text.utf8)))
        #expect(result.kind == .bounce)
    }

    @Test("corpus messages cut at every tenth of their length still parse and classify")
    func cutCorpus() throws {
        let directory = try #require(Bundle.module.url(forResource: "bounces", withExtension: nil, subdirectory: "Fixtures"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".eml") }.sorted()
        var classified = 0
        for file in files.prefix(60) {
            let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(file)))
            for tenth in 1...9 {
                let cut = Array(bytes.prefix(bytes.count * tenth / 10))
                _ = InboundClassifier.classify(MIMEMessage.parse(cut))
                classified += 1
            }
        }
        #expect(classified == min(60, files.count) * 9)
    }

    @Test("a message not understood says why, for people", arguments: [
        ("From: liste@client.test\nSubject: Re: Facture FA-12\nList-Id: <clients.client.test>\n\nBonjour", InboundOtherReason.mailingList),
        ("From: liste@client.test\nSubject: Re: Facture FA-12\nX-Mailman-Version: 2.1.39\n\nNot a member", .mailingList),
        ("From: quelqu-un@client.test\nSubject: \n\n", .empty),
    ])
    func notUnderstood(text: String, why: InboundOtherReason) {
        let result = InboundClassifier.classify(Self.parse(text))
        #expect(result.kind == .other, "\(result.reason)")
        #expect(result.otherReason == why)
    }

    @Test("only a message not understood has a reason for people")
    func understoodHasNoOtherReason() {
        let result = InboundClassifier.classify(Self.parse("From: a@client.test\nSubject: Facture\nIn-Reply-To: <r.1@s.test>\n\nJe paie demain."))
        #expect(result.kind == .reply)
        #expect(result.otherReason == nil)
    }
}
