import CurlMail
import Foundation
import RelanceTesting

/// Counts the copies of messages, by Message-ID, in one test mailbox of the real Dovecot: the
/// exactly-once check of the crash and shared-book tests.
struct DeliveredCopies {
    let stack: MailStack
    /// The mailbox user (t16, t43…).
    let user: String

    /// How many copies of each message reached the mailbox, once Postfix has delivered what it
    /// accepted (it hands mail to Dovecot asynchronously); looked at again after a pause, since a
    /// duplicate would arrive moments after the first copy.
    func delivered(_ messageIDs: [String], waitingAtMost wait: Duration = .seconds(30)) async throws -> [String: Int] {
        let client = try mailbox()
        var counts: [String: Int] = [:]
        let deadline = ContinuousClock.now + wait
        for id in messageIDs {
            repeat {
                counts[id] = try await Self.count(id, in: client)
                if counts[id]! > 0 { break }
                try await Task.sleep(for: .milliseconds(100))
            } while ContinuousClock.now < deadline
        }
        try await Task.sleep(for: .seconds(1))
        for id in messageIDs { counts[id] = try await Self.count(id, in: client) }
        return counts
    }

    /// How many copies are there now, without waiting (for messages that must not have arrived).
    func now(_ messageIDs: [String]) async throws -> [String: Int] {
        let client = try mailbox()
        var counts: [String: Int] = [:]
        for id in messageIDs { counts[id] = try await Self.count(id, in: client) }
        return counts
    }

    private static func count(_ messageID: String, in client: IMAPClient) async throws -> Int {
        try await client.uidSearch("INBOX", criteria: "HEADER Message-ID \"\(messageID)\"").count
    }

    private func mailbox() throws -> IMAPClient {
        try IMAPClient(endpoint: IMAPEndpoint(host: stack.host, port: stack.imapPort, security: .startTLS,
                                              credentials: .password(user: stack.address(user), password: stack.password), caFile: stack.caFile))
    }
}
