import Foundation
import Testing
@testable import CurlMail

@Suite("Credentials never reach a transcript")
struct ProtocolRedactorTests {
    private func run(_ lines: [ProtocolLine]) -> [String] {
        var redactor = ProtocolRedactor()
        return lines.map { redactor.redact($0).description }
    }

    @Test("SMTP AUTH PLAIN with an initial response")
    func authPlain() {
        let result = run([
            ProtocolLine(direction: .client, text: "AUTH PLAIN AHQwNUByZWxhbmNlLnRlc3QAcmVsYW5jZS10ZXN0"),
            ProtocolLine(direction: .server, text: "235 2.7.0 Authentication successful"),
            ProtocolLine(direction: .client, text: "MAIL FROM:<t05@relance.test>"),
        ])
        #expect(result == ["C: AUTH PLAIN [credentials redacted]", "S: 235 2.7.0 Authentication successful", "C: MAIL FROM:<t05@relance.test>"])
    }

    @Test("SMTP AUTH LOGIN: the answers to 334 challenges are hidden until the final reply")
    func authLogin() {
        let result = run([
            ProtocolLine(direction: .client, text: "AUTH LOGIN"),
            ProtocolLine(direction: .server, text: "334 VXNlcm5hbWU6"),
            ProtocolLine(direction: .client, text: "dDA1QHJlbGFuY2UudGVzdA=="),
            ProtocolLine(direction: .server, text: "334 UGFzc3dvcmQ6"),
            ProtocolLine(direction: .client, text: "cmVsYW5jZS10ZXN0"),
            ProtocolLine(direction: .server, text: "535 5.7.8 Error: authentication failed"),
            ProtocolLine(direction: .client, text: "QUIT"),
        ])
        #expect(!result.joined().contains("cmVsYW5jZS10ZXN0"))
        #expect(!result.joined().contains("dDA1QHJlbGFuY2UudGVzdA=="))
        #expect(result[0] == "C: AUTH LOGIN [credentials redacted]")
        #expect(result[2] == "C: [credentials redacted]")
        #expect(result[6] == "C: QUIT")
    }

    @Test("IMAP LOGIN and AUTHENTICATE")
    func imap() {
        let result = run([
            ProtocolLine(direction: .client, text: "A001 LOGIN t05@relance.test relance-test"),
            ProtocolLine(direction: .server, text: "A001 OK Logged in"),
            ProtocolLine(direction: .client, text: "A002 AUTHENTICATE XOAUTH2 dXNlcj10MDUBYXV0aD1CZWFyZXIgdG9rZW4BAQ=="),
            ProtocolLine(direction: .server, text: "A002 NO [AUTHENTICATIONFAILED] failed"),
            ProtocolLine(direction: .client, text: "A003 SELECT INBOX"),
        ])
        #expect(result == [
            "C: A001 LOGIN [credentials redacted]", "S: A001 OK Logged in",
            "C: A002 AUTHENTICATE XOAUTH2 [credentials redacted]", "S: A002 NO [AUTHENTICATIONFAILED] failed",
            "C: A003 SELECT INBOX",
        ])
    }
}

@Suite("Transfer context")
struct TransferContextTests {
    @Test("lines split across callbacks are joined, CR LF removed, credentials redacted, sink called")
    func lines() {
        let collected = LineCollector()
        let context = TransferContext(sink: { collected.append($0) }, cancellation: nil)
        for chunk in ["250-mail.rel", "ance.test\r\n250 AUTH PLAIN\r\n"] {
            Array(chunk.utf8).withUnsafeBytes { context.record($0, direction: .server) }
        }
        Array("AUTH PLAIN c2VjcmV0\r\n".utf8).withUnsafeBytes { context.record($0, direction: .client) }
        #expect(context.transcript.map(\.description) == [
            "S: 250-mail.relance.test", "S: 250 AUTH PLAIN", "C: AUTH PLAIN [credentials redacted]",
        ])
        #expect(collected.lines == context.transcript)
    }

    @Test("the upload is handed out in buffer-sized chunks, then 0")
    func upload() {
        let message = Array("Subject: x\r\n\r\nbody\r\n".utf8)
        let context = TransferContext(upload: message, sink: nil, cancellation: nil)
        var sent: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 7, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = context.readUpload(into: buffer)
            if count == 0 { break }
            sent += buffer[0..<count]
        }
        #expect(sent == message)
    }
}

/// Collects sink output. `@unchecked Sendable`: `collected` is only touched under `lock`.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [ProtocolLine] = []

    func append(_ line: ProtocolLine) { lock.withLock { collected.append(line) } }

    var lines: [ProtocolLine] { lock.withLock { collected } }
}
