import CurlMail
import Foundation
import Testing

/// IMAP against the real Dovecot of scripts/mailstack.sh. Mailbox users: see CurlMailIntegrationSupport.swift.
@Suite("IMAP over libcurl against Dovecot", .mailStack)
struct IMAPIntegrationTests {
    @Test("APPEND to Sent, then find it by UID SEARCH and fetch it byte for byte")
    func appendToSent() async throws {
        let stack = try MailStack.require()
        let imap = try IMAPClient(endpoint: stack.imap("t11", security: .implicitTLS))
        let message = TestMessage(from: stack.address("t11"), to: stack.address("bob"), subject: "copy in Sent")
        let before = try await imap.status("Sent")

        let appended = try await imap.append("Sent", message: message.bytes)
        let placement = try #require(appended, "Dovecot supports UIDPLUS")
        #expect(placement.uidValidity == before.uidValidity)
        #expect(placement.uid >= before.uidNext)

        let found = try await imap.uidSearch("Sent", criteria: "HEADER Message-ID \"\(message.messageID)\"")
        #expect(found == [placement.uid])
        let fetched = try await imap.fetch("Sent", uidValidity: placement.uidValidity, uid: placement.uid)
        #expect(fetched == message.bytes)

        let after = try await imap.status("Sent")
        #expect(after.messages == before.messages + 1)
        #expect(after.uidNext > placement.uid)
    }

    @Test("UID n:* returns the highest UID even when nothing is newer (left to the caller)")
    func uidRangeIncludesHighest() async throws {
        let stack = try MailStack.require()
        let imap = try IMAPClient(endpoint: stack.imap("t13"))
        _ = try await imap.append("INBOX", message: TestMessage(from: stack.address("bob"), to: stack.address("t13"), subject: "range").bytes)
        let status = try await imap.examine("INBOX")
        let newer = try await imap.uidSearch("INBOX", criteria: "UID \(status.uidNext):*")
        #expect(newer == [status.uidNext - 1])
        #expect(newer.filter { $0 >= status.uidNext }.isEmpty)
    }

    @Test("errors: unknown mailbox, stale UIDVALIDITY, unknown UID, refused search criteria")
    func errors() async throws {
        let stack = try MailStack.require()
        let imap = try IMAPClient(endpoint: stack.imap("t12"))
        _ = try await imap.append("INBOX", message: TestMessage(from: stack.address("bob"), to: stack.address("t12"), subject: "errors").bytes)
        let status = try await imap.status("INBOX")

        let missing = try await #require(throws: IMAPError.self) { try await imap.uidSearch("No such folder", criteria: "ALL") }
        #expect(missing.code == .mailboxNotFound)
        let missingStatus = try await #require(throws: IMAPError.self) { try await imap.status("No such folder") }
        #expect(missingStatus.code == .mailboxNotFound, "\(missingStatus)")

        let stale = try await #require(throws: IMAPError.self) {
            try await imap.fetch("INBOX", uidValidity: status.uidValidity &+ 1, uid: status.uidNext - 1)
        }
        #expect(stale.code == .uidValidityChanged)

        let unknown = try await #require(throws: IMAPError.self) {
            try await imap.fetch("INBOX", uidValidity: status.uidValidity, uid: status.uidNext + 1000)
        }
        #expect(unknown.code == .messageNotFound)

        let injected = try await #require(throws: IMAPError.self) {
            try await imap.uidSearch("INBOX", criteria: "ALL\r\nA1 DELETE INBOX")
        }
        #expect(injected.code == .invalidArgument)
        #expect(try await imap.status("INBOX").messages == status.messages)
    }

    @Test("a wrong password and a missing CA are reported as such")
    func connectionErrors() async throws {
        let stack = try MailStack.require()
        let wrongPassword = try IMAPClient(endpoint: stack.imap("t05", security: .implicitTLS, password: "not-the-password"))
        let denied = try await #require(throws: IMAPError.self) { try await wrongPassword.status("INBOX") }
        #expect(denied.code == .authenticationFailed, "\(denied)")
        #expect(!denied.transcript.map(\.text).joined().contains("not-the-password"))

        let noCA = try IMAPClient(endpoint: stack.imap("t06", security: .implicitTLS, trustTestCA: false))
        let untrusted = try await #require(throws: IMAPError.self) { try await noCA.status("INBOX") }
        #expect(untrusted.code == .certificateUntrusted, "\(untrusted)")
    }
}
