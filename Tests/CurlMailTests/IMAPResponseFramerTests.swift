import Testing
@testable import CurlMail

/// The framing of server responses with literals, fed as a network would: in pieces of any
/// size, cut anywhere.
@Suite("IMAP response framer")
struct IMAPResponseFramerTests {
    /// A batch as Dovecot sends it: two messages, a flag update between them, the completion.
    static let batch = Array(("* 1 FETCH (UID 41 FLAGS () RFC822.SIZE 31 BODY[]<0> {31}\r\n"
        + "Subject: one\r\n\r\nBody {5}\r\nabc\r\n"
        + ")\r\n* 2 FETCH (FLAGS (\\Seen))\r\n"
        + "* 3 FETCH (UID 43 RFC822.SIZE 12 FLAGS (\\Seen $Junk) BODY[]<0> {12}\r\nSubject: 3\r\n)\r\n"
        + "R7 OK Fetch completed (0.001 + 0.000 secs).\r\n").utf8)

    static func frame(_ bytes: [UInt8], chunk: Int, limits: IMAPResponseFramer.Limits = .init()) throws -> [IMAPFramedResponse] {
        var framer = IMAPResponseFramer(limits: limits)
        var responses: [IMAPFramedResponse] = []
        var offset = 0
        while offset < bytes.count {
            framer.append(Array(bytes[offset..<min(offset + chunk, bytes.count)]))
            offset += chunk
            while let response = try framer.next() { responses.append(response) }
        }
        #expect(framer.pendingBytes == 0)
        return responses
    }

    @Test("the same responses whatever the size of the reads, literals split across them", arguments: [1, 2, 3, 7, 16, 64, 4096])
    func splitAnywhere(chunk: Int) throws {
        let responses = try Self.frame(Self.batch, chunk: chunk)
        #expect(responses.map(\.summary) == [
            "* 1 FETCH (UID 41 FLAGS () RFC822.SIZE 31 BODY[]<0> {31})",
            "* 2 FETCH (FLAGS (\\Seen))",
            "* 3 FETCH (UID 43 RFC822.SIZE 12 FLAGS (\\Seen $Junk) BODY[]<0> {12})",
            "R7 OK Fetch completed (0.001 + 0.000 secs).",
        ])
        // A literal's content that looks like a literal marker ("{5}" at a line end) is content.
        #expect(responses[0].segments[1] == .literal(bytes: Array("Subject: one\r\n\r\nBody {5}\r\nabc\r\n".utf8), declaredSize: 31))
    }

    @Test("a literal over the limit keeps its beginning, the stream stays in step")
    func oversizedLiteral() throws {
        let bytes = Array("* 1 FETCH (UID 9 BODY[] {20}\r\n0123456789ABCDEFGHIJ)\r\nR1 OK done\r\n".utf8)
        for chunk in [1, 5, 100] {
            let responses = try Self.frame(bytes, chunk: chunk, limits: .init(maximumLineBytes: 100, maximumLiteralBytes: 8))
            #expect(responses.count == 2)
            #expect(responses[0].segments[1] == .literal(bytes: Array("01234567".utf8), declaredSize: 20))
            let fetch = try #require(try IMAPFetchResponse(responses[0]))
            #expect(fetch.body == Array("01234567".utf8))
            #expect(fetch.bodyDeclaredSize == 20)
            #expect(responses[1].summary == "R1 OK done")
        }
    }

    @Test("a line that never ends is refused once past the limit, not kept")
    func endlessLine() {
        var framer = IMAPResponseFramer(limits: .init(maximumLineBytes: 64, maximumLiteralBytes: 8))
        framer.append(Array(repeating: UInt8(ascii: "x"), count: 65))
        #expect(throws: IMAPResponseFramer.Failure.self) { _ = try framer.next() }
    }

    @Test("a response made of endless small literals is bounded too")
    func endlessLiterals() throws {
        var framer = IMAPResponseFramer(limits: .init(maximumLineBytes: 64, maximumLiteralBytes: 8, maximumResponseBytes: 200))
        var bytes: [UInt8] = Array("* 1 FETCH (X {1}\r\n".utf8)
        for _ in 0..<100 { bytes += Array("a {1}\r\n".utf8) }
        framer.append(bytes)
        #expect(throws: IMAPResponseFramer.Failure.self) { _ = try framer.next() }
    }

    @Test("literal markers: {n}, LITERAL+ {n+}, literal8 ~{n}; not a marker inside text or too large")
    func markers() throws {
        func marker(_ text: String) -> (Int, Int?)? {
            let bytes = Array(text.utf8)
            return IMAPResponseFramer.literalMarker(in: bytes, from: 0, to: bytes.count).map { ($0.markerStart, $0.size) }
        }
        #expect(marker("A {12}")! == (2, 12))
        #expect(marker("A {12+}")! == (2, 12))
        #expect(marker("A ~{12}")! == (2, 12))
        #expect(marker("A {}") == nil)
        #expect(marker("A {1a}") == nil)
        #expect(marker("A 12}") == nil)
        #expect(marker("A {99999999999999999999}")!.1 == nil)
        var framer = IMAPResponseFramer()
        framer.append(Array("* 1 FETCH (BODY[] {99999999999999999999}\r\n".utf8))
        #expect(throws: IMAPResponseFramer.Failure.self) { _ = try framer.next() }
    }

    @Test("bare LF line ends (some servers' proxies) and an empty literal")
    func oddLineEnds() throws {
        let bytes = Array("* 2 FETCH (UID 7 RFC822.SIZE 0 BODY[] {0}\n)\nR2 OK done\n".utf8)
        let responses = try Self.frame(bytes, chunk: 3)
        let fetch = try #require(try IMAPFetchResponse(responses[0]))
        #expect(fetch.uid == 7)
        #expect(fetch.body == [])
        #expect(responses[1].summary == "R2 OK done")
    }
}

@Suite("IMAP FETCH responses")
struct IMAPFetchResponseTests {
    static func fetch(_ text: String) throws -> IMAPFetchResponse? {
        let responses = try IMAPResponseFramerTests.frame(Array(text.utf8), chunk: 5)
        return try IMAPFetchResponse(responses[0])
    }

    @Test("attributes in any order, extensions skipped, flags read")
    func anyOrder() throws {
        let fetch = try #require(try Self.fetch(
            "* 12 FETCH (MODSEQ (917162500) FLAGS (\\Seen \\Answered) BODY[]<0> {3}\r\nabc INTERNALDATE \"05-Dec-2026 08:00:00 +0100\" UID 99 RFC822.SIZE 3)\r\n"))
        #expect(fetch.sequenceNumber == 12)
        #expect(fetch.uid == 99)
        #expect(fetch.size == 3)
        #expect(fetch.flags == ["\\Seen", "\\Answered"])
        #expect(fetch.isSeen)
        #expect(fetch.body == Array("abc".utf8))
    }

    @Test("a body sent as a quoted string, NIL, or as RFC822 (older servers)")
    func bodyForms() throws {
        let quoted = try #require(try Self.fetch("* 1 FETCH (UID 5 BODY[] \"Subject: x\\\\y \\\"q\\\"\")\r\n"))
        #expect(quoted.body.map { String(decoding: $0, as: UTF8.self) } == "Subject: x\\y \"q\"")
        let none = try #require(try Self.fetch("* 1 FETCH (UID 5 BODY[] NIL)\r\n"))
        #expect(none.body == nil)
        let old = try #require(try Self.fetch("* 1 FETCH (UID 6 RFC822 {2}\r\nhi)\r\n"))
        #expect(old.body == Array("hi".utf8))
        #expect(!old.isSeen)
    }

    @Test("nested lists (ENVELOPE, BODYSTRUCTURE) and sections with spaces are skipped whole")
    func nested() throws {
        let text = "* 3 FETCH (ENVELOPE (\"Fri, 4 Dec 2026\" {5}\r\nHello ((\"A\" NIL \"a\" \"x.example\")) NIL) "
            + "BODY[HEADER.FIELDS (FROM TO)] {4}\r\nab\r\n UID 8)\r\n"
        let fetch = try #require(try Self.fetch(text))
        #expect(fetch.uid == 8)
        #expect(fetch.body == nil)
    }

    @Test("not a FETCH: nil; a FETCH that is broken: an error")
    func broken() throws {
        #expect(try Self.fetch("* 4 EXISTS\r\n") == nil)
        #expect(try Self.fetch("R1 OK FETCH done\r\n") == nil)
        #expect(throws: IMAPResponseFramer.Failure.self) { _ = try Self.fetch("* 4 FETCH (UID 5 FLAGS (\\Seen)\r\n") }
        #expect(throws: IMAPResponseFramer.Failure.self) { _ = try Self.fetch("* 4 FETCH UID 5\r\n") }
        #expect(throws: IMAPResponseFramer.Failure.self) { _ = try Self.fetch("* 4 FETCH (BODY[] \"open)\r\n") }
        let deep = "* 4 FETCH (X " + String(repeating: "(", count: 100) + String(repeating: ")", count: 100) + ")\r\n"
        #expect(throws: IMAPResponseFramer.Failure.self) { _ = try Self.fetch(deep) }
    }

    @Test("UID sets fold runs into ranges and stay short")
    func sequenceSets() {
        #expect(IMAPSequenceSet.pieces([9, 4, 5, 6, 12, 7, 8, 15, 16]) == ["4:9,12,15:16"])
        #expect(IMAPSequenceSet.pieces([]) == [])
        let scattered = (1...2_000).map { UInt32($0 * 2) }
        let pieces = IMAPSequenceSet.pieces(scattered, maximumLength: 100)
        #expect(pieces.allSatisfy { $0.count <= 100 })
        #expect(pieces.joined(separator: ",").split(separator: ",").map { UInt32($0)! } == scattered)
    }
}
