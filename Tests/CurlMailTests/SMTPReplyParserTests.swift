import Testing
import CurlMail

@Suite("SMTP reply parser")
struct SMTPReplyParserTests {
    @Test("a single-line reply with an enhanced status code")
    func singleLine() throws {
        let replies = SMTPReplyParser.parse("550 5.1.1 <nobody@relance.test>: Recipient address rejected: User unknown\r\n")
        let reply = try #require(replies.first)
        #expect(replies.count == 1)
        #expect(reply.code == 550)
        #expect(reply.enhancedStatus == EnhancedStatusCode("5.1.1"))
        #expect(reply.text == "<nobody@relance.test>: Recipient address rejected: User unknown")
        #expect(reply.isPermanentFailure && !reply.isTemporaryFailure && !reply.isPositive)
    }

    @Test("a multi-line reply is one reply with one entry per line")
    func multiLine() throws {
        var parser = SMTPReplyParser()
        #expect(parser.consume("250-mail.relance.test") == nil)
        #expect(parser.consume("250-PIPELINING") == nil)
        #expect(parser.consume("250-SIZE 10240000") == nil)
        let completed = parser.consume("250 SMTPUTF8")
        let reply = try #require(completed)
        #expect(reply.code == 250)
        #expect(reply.lines == ["mail.relance.test", "PIPELINING", "SIZE 10240000", "SMTPUTF8"])
        #expect(reply.enhancedStatus == nil)
    }

    @Test("the enhanced code is removed from every line of a multi-line reply")
    func multiLineEnhanced() throws {
        let replies = SMTPReplyParser.parse("452-4.2.2 The mailbox is full\n452 4.2.2 Try again later\n")
        let reply = try #require(replies.first)
        #expect(reply.enhancedStatus?.description == "4.2.2")
        #expect(reply.lines == ["The mailbox is full", "Try again later"])
        #expect(reply.isTemporaryFailure)
    }

    @Test("an enhanced code whose class differs from the reply's is ordinary text (RFC 2034)")
    func classMismatch() throws {
        let reply = try #require(SMTPReplyParser.parse("250 5.0.0 odd server").first)
        #expect(reply.enhancedStatus == nil)
        #expect(reply.text == "5.0.0 odd server")
    }

    @Test("a bare code with no text is a complete reply")
    func bareCode() throws {
        let reply = try #require(SMTPReplyParser.parse("354").first)
        #expect(reply.code == 354 && reply.lines == [""] && reply.isIntermediate)
    }

    @Test("several replies in a row, with a malformed line between them ignored")
    func sequence() {
        let replies = SMTPReplyParser.parse("220 mail ESMTP\r\n250-first\r\nnot a reply\r\n250 2.1.0 Ok\r\n354 End data\r\n")
        #expect(replies.map(\.code) == [220, 250, 354])
        #expect(replies[1].lines == ["Ok"])  // the partial "250-first" was dropped with the malformed line
        #expect(replies[1].enhancedStatus?.description == "2.1.0")
    }

    @Test("description shows code, enhanced status and text")
    func description() throws {
        let reply = try #require(SMTPReplyParser.parse("450 4.2.0 <tempfail@relance.test>: try later").first)
        #expect(reply.description == "450 4.2.0 <tempfail@relance.test>: try later")
    }

    @Test("enhanced status codes follow RFC 3463's shape", arguments: [
        ("5.1.1", true), ("2.0.0", true), ("4.7.123", true), ("5.10.1", true),
        ("3.1.1", false), ("5.1", false), ("5.1.1000", false), ("5.a.1", false), ("55.1.1", false), ("", false), ("5..1", false),
    ])
    func enhancedShape(text: String, valid: Bool) {
        #expect((EnhancedStatusCode(text) != nil) == valid)
    }

    @Test("enhanced status code classes")
    func enhancedClasses() throws {
        let temporary = try #require(EnhancedStatusCode("4.2.0"))
        let permanent = try #require(EnhancedStatusCode("5.7.1"))
        #expect(temporary.isTemporary && !temporary.isPermanent)
        #expect(permanent.isPermanent && permanent.subject == 7 && permanent.detail == 1)
    }
}
