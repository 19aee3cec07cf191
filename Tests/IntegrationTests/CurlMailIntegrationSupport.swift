import CurlMail
import Foundation
import Testing

// Mailbox users of the CurlMail integration tests. Each test owns its user, so tests that run
// in parallel never see each other's messages:
//   t01  SMTP 25 plain (explicit opt-in) + IMAP 143 STARTTLS read-back, removeSeen
//   t02  SMTP 587 STARTTLS + AUTH, transcript redaction
//   t03  SMTP 465 implicit TLS + AUTH + IMAPS 993 read-back
//   t04  30 messages over one reused SMTP connection (587 STARTTLS + AUTH)
//   t05  wrong password (SMTP 587, IMAP 993)
//   t06  no CA given: certificate verification fails (SMTP 465, IMAP 993)
//   t07  SMTP 2525: unknown recipient refused at RCPT, t07 accepted
//   t08  tempfail@ refused with 450 4.2.0 next to t08; tempfail@ alone
//   t09  policy@ refused with 550 5.7.1, full@ with 552 5.2.2
//   t10  envelope address with CR LF refused before any byte is sent
//   t11  IMAP APPEND to Sent, then found, fetched, byte for byte
//   t12  IMAP errors: unknown mailbox, stale UIDVALIDITY, unknown UID, refused criteria
//   t13  IMAP UID n:* includes the highest UID
//   t59  several messages in one hand-over to the SMTP connection (withTransactions), envelopes ahead
//   t60  an envelope written ahead, then not followed: nothing delivered for it

/// Endpoints for the CurlMail integration tests. `trustTestCA: false` leaves the CA file out,
/// so that the server's certificate must fail verification.
extension MailStack {
    func submission(_ user: String, password: String? = nil, trustTestCA: Bool = true) -> SMTPEndpoint {
        SMTPEndpoint(
            host: host, port: submissionPort, security: .startTLS,
            credentials: .password(user: address(user), password: password ?? self.password),
            caFile: trustTestCA ? caFile : nil, ehloName: "client.relance.test")
    }

    func smtps(_ user: String, password: String? = nil, trustTestCA: Bool = true) -> SMTPEndpoint {
        SMTPEndpoint(
            host: host, port: smtpsPort, security: .implicitTLS,
            credentials: .password(user: address(user), password: password ?? self.password),
            caFile: trustTestCA ? caFile : nil, ehloName: "client.relance.test")
    }

    /// Port 25 without TLS: the explicit opt-in `.plain`.
    func relay(port: Int? = nil) -> SMTPEndpoint {
        SMTPEndpoint(host: host, port: port ?? smtpPort, security: .plain, ehloName: "client.relance.test")
    }

    func imap(_ user: String, security: MailSecurity = .startTLS, password: String? = nil, trustTestCA: Bool = true) -> IMAPEndpoint {
        IMAPEndpoint(
            host: host, port: security == .implicitTLS ? imapsPort : imapPort, security: security,
            credentials: .password(user: address(user), password: password ?? self.password),
            caFile: trustTestCA ? caFile : nil)
    }
}

/// A message with a unique Message-ID, CR LF line ends, and body lines that need
/// dot-stuffing, so that reading it back proves the transport kept every byte.
struct TestMessage {
    let messageID: String
    let bytes: [UInt8]

    init(from: String, to: String, subject: String) {
        messageID = "<\(UUID().uuidString.lowercased())@client.relance.test>"
        let lines = [
            "From: \(from)",
            "To: \(to)",
            "Subject: \(subject)",
            "Message-ID: \(messageID)",
            "Date: Sun, 29 Nov 2026 01:00:00 +0000",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=us-ascii",
            "",
            "Bonjour,",
            ".a line that starts with a dot",
            "..and one with two",
            ".",
            "end of test " + subject,
        ]
        bytes = Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// The bytes after the header/body separator.
    static func body(of message: [UInt8]) -> ArraySlice<UInt8> {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let start = message.indices.dropLast(3).first(where: { Array(message[$0..<$0 + 4]) == separator }) else { return [] }
        return message[(start + 4)...]
    }

    var body: ArraySlice<UInt8> { Self.body(of: bytes) }
}

extension IMAPClient {
    /// Local delivery happens after Postfix answered 250: poll until the message is there.
    func waitForMessage(_ mailbox: String = "INBOX", messageID: String, timeout: Duration = .seconds(30)) async throws -> UInt32 {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let uid = try await uidSearch(mailbox, criteria: "HEADER Message-ID \"\(messageID)\"").first { return uid }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw DeliveryTimeout(messageID: messageID, mailbox: mailbox)
    }
}

struct DeliveryTimeout: Error, CustomStringConvertible {
    let messageID: String
    let mailbox: String
    var description: String { "message \(messageID) did not arrive in \(mailbox); see /var/log/postfix.log" }
}

/// Collects protocol lines from a log sink. `@unchecked Sendable`: `lines` is only touched under `lock`.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [ProtocolLine] = []

    func append(_ line: ProtocolLine) { lock.withLock { lines.append(line) } }

    var all: [ProtocolLine] { lock.withLock { lines } }
}
