import Foundation
import Glibc
import RelanceTesting
import Testing
@testable import CurlMail

/// A one-connection IMAP server on loopback that answers from a script, writing its answers in
/// small pieces: the shape of an odd server, to drive `IMAPReader` over a real socket (libcurl
/// connects and logs in, the rest is ours).
final class ScriptedIMAPServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var commands: [String] = []
    /// What to answer to a command (without its tag); the tag is appended to the completion.
    private let answer: @Sendable (String) -> (untagged: String, completion: String)

    init(answer: @escaping @Sendable (String) -> (untagged: String, completion: String)) throws {
        let (fd, port) = try LoopbackSocket.listen()
        listener = fd
        self.port = Int(port)
        self.answer = answer
        Thread.detachNewThread { [self] in serve() }
    }

    deinit { close(listener) }

    var received: [String] { lock.withLock { commands } }

    private func serve() {
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { close(connection) }
        write(connection, "* OK [CAPABILITY IMAP4rev1] scripted server ready\r\n")
        var pending: [UInt8] = []
        var byte: UInt8 = 0
        while read(connection, &byte, 1) == 1 {
            guard byte == UInt8(ascii: "\n") else { pending.append(byte); continue }
            let line = String(decoding: pending, as: UTF8.self).trimmingCharacters(in: .newlines)
            pending = []
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let (tag, command) = (String(parts[0]), String(parts[1]))
            lock.withLock { commands.append(command) }
            let reply: (untagged: String, completion: String) = switch command.uppercased() {
            case "CAPABILITY": ("* CAPABILITY IMAP4rev1\r\n", "OK done")
            case let text where text.hasPrefix("LOGIN"): ("", "OK logged in")
            case "LOGOUT": ("* BYE see you\r\n", "OK bye")
            default: answer(command)
            }
            // Seven bytes at a time: literals, markers and line ends arrive split.
            let bytes = Array((reply.untagged + (reply.completion.isEmpty ? "" : "\(tag) \(reply.completion)\r\n")).utf8)
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + 7, bytes.count)
                _ = bytes[offset..<end].withUnsafeBytes { Glibc.write(connection, $0.baseAddress, $0.count) }
                offset = end
            }
            if command.uppercased() == "LOGOUT" { return }
        }
    }

    private func write(_ fd: Int32, _ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}

@Suite("IMAP reader over a scripted server")
struct IMAPReaderTests {
    static let examine = "* 3 EXISTS\r\n* OK [UIDVALIDITY 7] UIDs valid\r\n* OK [UIDNEXT 10] next\r\n"

    static func reader(_ server: ScriptedIMAPServer, maximum: Int = 1 << 20) throws -> IMAPReader {
        try IMAPReader(endpoint: IMAPEndpoint(host: "127.0.0.1", port: server.port, security: .plain,
                                              credentials: .password(user: "u", password: "secret-password"),
                                              timeouts: MailTimeouts(connect: .seconds(5), operation: .seconds(5))),
                       maximumMessageBytes: maximum)
    }

    @Test("a batch with unsolicited updates, an unasked UID, a repeat and an oversized literal")
    func oddBatch() async throws {
        let server = try ScriptedIMAPServer { command in
            if command.hasPrefix("EXAMINE") { return (IMAPReaderTests.examine, "OK [READ-ONLY] done") }
            if command.hasPrefix("UID FETCH") {
                return ("* 1 FETCH (FLAGS (\\Seen))\r\n"
                    + "* 2 FETCH (RFC822.SIZE 5 UID 4 BODY[]<0> {5}\r\nhello FLAGS ())\r\n"
                    + "* 5 EXPUNGE\r\n"
                    + "* 9 FETCH (UID 99 BODY[]<0> {3}\r\nbad)\r\n"
                    + "* 2 FETCH (UID 4 BODY[]<0> {5}\r\nXXXXX)\r\n"
                    + "* 3 FETCH (UID 6 FLAGS (\\Seen) RFC822.SIZE 40 BODY[]<0> {40}\r\n0123456789012345678901234567890123456789)\r\n",
                        "OK Fetch completed")
            }
            return ("", "BAD unexpected")
        }
        let reader = try Self.reader(server, maximum: 16)
        let messages = try await reader.messages("INBOX", uidValidity: 7, uids: [4, 5, 6])
        #expect(messages.map(\.uid) == [4, 6])
        #expect(messages[0].bytes == Array("hello".utf8))
        #expect(!messages[0].isTruncated)
        #expect(messages[1].bytes == Array("0123456789012345".utf8))
        #expect(messages[1].isTruncated)
        #expect(messages[1].size == 40)
        #expect(messages[1].flags == ["\\Seen"])
        await reader.close()
        // Read-only and peeked: the only commands after logging in.
        let sent = server.received.filter { !$0.hasPrefix("CAPABILITY") && !$0.hasPrefix("LOGIN") && !$0.hasPrefix("AUTHENTICATE") }
        #expect(sent == ["EXAMINE \"INBOX\"", "UID FETCH 4:6 (UID FLAGS RFC822.SIZE BODY.PEEK[]<0.16>)", "LOGOUT"])
    }

    @Test("another UIDVALIDITY: nothing is fetched")
    func uidValidity() async throws {
        let server = try ScriptedIMAPServer { command in
            command.hasPrefix("EXAMINE") ? (IMAPReaderTests.examine, "OK [READ-ONLY] done") : ("", "BAD unexpected")
        }
        let reader = try Self.reader(server)
        let error = try await #require(throws: IMAPError.self) { try await reader.messages("INBOX", uidValidity: 8, uids: [4]) }
        #expect(error.code == .uidValidityChanged)
        #expect(!server.received.contains { $0.hasPrefix("UID FETCH") })
    }

    @Test("a BYE in the middle of a batch is a lost connection; a NO to EXAMINE a missing folder")
    func byeAndMissingFolder() async throws {
        let server = try ScriptedIMAPServer { command in
            if command.hasPrefix("EXAMINE \"Nope\"") { return ("", "NO Mailbox doesn't exist: Nope") }
            if command.hasPrefix("EXAMINE") { return (IMAPReaderTests.examine, "OK [READ-ONLY] done") }
            return ("* 1 FETCH (UID 4 BODY[]<0> {5}\r\nhello)\r\n* BYE shutting down\r\n", "")
        }
        let reader = try Self.reader(server)
        let missing = try await #require(throws: IMAPError.self) { try await reader.examine("Nope") }
        #expect(missing.code == .mailboxNotFound)
        let lost = try await #require(throws: IMAPError.self) { try await reader.messages("INBOX", uidValidity: 7, uids: [4, 5]) }
        #expect(lost.code == .connectionLost)
        #expect(lost.serverResponse?.status == .bye)
    }

    @Test("a server that stops in the middle of a literal times out, and the password never shows")
    func stalledLiteral() async throws {
        let server = try ScriptedIMAPServer { command in
            if command.hasPrefix("EXAMINE") { return (IMAPReaderTests.examine, "OK [READ-ONLY] done") }
            return ("* 1 FETCH (UID 4 BODY[]<0> {500}\r\nonly a little", "")
        }
        let lines = LockedLines()
        let reader = try IMAPReader(endpoint: IMAPEndpoint(host: "127.0.0.1", port: server.port, security: .plain,
                                                           credentials: .password(user: "u", password: "secret-password"),
                                                           timeouts: MailTimeouts(connect: .seconds(5), operation: .seconds(1))),
                                    log: { lines.append($0) })
        let error = try await #require(throws: IMAPError.self) { try await reader.messages("INBOX", uidValidity: 7, uids: [4]) }
        #expect(error.code == .timeout)
        #expect(!lines.all.contains { $0.text.contains("secret-password") })
        #expect(lines.all.contains { $0.text.hasPrefix("R2 UID FETCH 4 ") })
    }
}

final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [ProtocolLine] = []
    func append(_ line: ProtocolLine) { lock.withLock { lines.append(line) } }
    var all: [ProtocolLine] { lock.withLock { lines } }
}
