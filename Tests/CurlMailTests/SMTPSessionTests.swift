@testable import CurlMail
import Testing

/// The pure parts of our own SMTP transactions (issue #17): the content on the wire, whether the
/// server offers PIPELINING, and the bounds on what a server may send back.
@Suite struct SMTPSessionTests {
    @Test func aLineStartingWithADotIsDoubledAndTheDataEndsWithALoneDot() {
        let message = Array("Subject: x\r\n\r\n.hidden\r\nline\r\n..two\r\n.".utf8)
        let block = String(decoding: SMTPSession.dataBlock(message), as: UTF8.self)
        #expect(block == "Subject: x\r\n\r\n..hidden\r\nline\r\n...two\r\n..\r\n.\r\n")
    }

    @Test func aMessageWithoutAFinalLineBreakGetsOneBeforeTheDot() {
        #expect(SMTPSession.dataBlock(Array("a\r\nb".utf8)) == Array("a\r\nb\r\n.\r\n".utf8))
        #expect(SMTPSession.dataBlock(Array("a\r\n".utf8)) == Array("a\r\n.\r\n".utf8))
        #expect(SMTPSession.dataBlock(Array(".".utf8)) == Array("..\r\n.\r\n".utf8))
    }

    /// The content is copied in runs between the lines that start with a dot; the result must be
    /// byte for byte what stuffing one byte at a time gives, whatever the bytes.
    @Test func dotStuffingByRunsEqualsStuffingByteByByte() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("..\r\n\nab.".utf8)
        for length in [0, 1, 2, 3, 5, 64, 4_300] {
            for _ in 0..<50 {
                let message = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                #expect(SMTPSession.dataBlock(message) == Self.stuffedByteByByte(message), "\(message)")
            }
        }
    }

    private static func stuffedByteByByte(_ message: [UInt8]) -> [UInt8] {
        var block: [UInt8] = []
        var atLineStart = true
        for byte in message {
            if atLineStart && byte == UInt8(ascii: ".") { block.append(UInt8(ascii: ".")) }
            block.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !message.isEmpty && !atLineStart { block.append(contentsOf: [13, 10]) }
        return block + Array(".\r\n".utf8)
    }

    private static func lines(_ text: [String]) -> [ProtocolLine] {
        text.map { line in
            ProtocolLine(direction: line.hasPrefix("C: ") ? .client : .server, text: String(line.dropFirst(3)))
        }
    }

    @Test func pipeliningCountsOnlyInTheLastEHLOReply() {
        // Before STARTTLS the server offers it; after, it does not: the second list is the one that holds.
        let withdrawn = Self.lines([
            "S: 220 mail.relance.test ESMTP", "C: EHLO relance.example",
            "S: 250-mail.relance.test", "S: 250-PIPELINING", "S: 250 STARTTLS",
            "C: STARTTLS", "S: 220 2.0.0 Ready to start TLS", "C: EHLO relance.example",
            "S: 250-mail.relance.test", "S: 250-SIZE 10240000", "S: 250 AUTH PLAIN",
        ])
        #expect(!SMTPSession.offersPipelining(withdrawn))
        let offered = Self.lines([
            "S: 220 mail.relance.test ESMTP", "C: EHLO relance.example",
            "S: 250-mail.relance.test", "S: 250-pipelining", "S: 250 8BITMIME",
            "C: AUTH PLAIN [redacted]", "S: 235 2.7.0 Authentication successful",
        ])
        #expect(SMTPSession.offersPipelining(offered))
        // The greeting's own text never counts.
        #expect(!SMTPSession.offersPipelining(Self.lines(["S: 220 PIPELINING", "C: HELO relance.example", "S: 250 PIPELINING"])))
    }

    @Test func repliesAreCutIntoLinesAndAnEndlessLineIsRefused() throws {
        var reader = SMTPLineReader()
        let text = Array("250-first\r\n250 second\nrest".utf8)
        text.withUnsafeBytes { reader.append($0) }
        #expect(try reader.nextLine() == "250-first")
        #expect(try reader.nextLine() == "250 second")
        #expect(try reader.nextLine() == nil)
        var flooded = SMTPLineReader()
        let endless = [UInt8](repeating: UInt8(ascii: "2"), count: SMTPLineReader.maximumLineBytes + 1)
        endless.withUnsafeBytes { flooded.append($0) }
        #expect(throws: CurlStream.Failure.self) { try flooded.nextLine() }
    }
}
