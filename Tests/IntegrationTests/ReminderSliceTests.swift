import CurlMail
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

// Mailbox users of the daemon's integration tests (CurlMail's own tests use t01…t13):
//   t30  sends the reminders (SMTP AUTH on 587);  t31  the customer who receives them
//   t32  the customer of the restart test;        t33  sender of the restart test

/// Issue #2's slice against the real servers: an export dropped in the folder, a reminder
/// sent through Postfix (STARTTLS + AUTH, certificate verified), read back from Dovecot over
/// IMAP with the curl layer, and never sent twice.
@Suite(.mailStack, .serialized) struct ReminderSliceTests {
    static func workspace(stack: MailStack, sender: String, customer: String,
                          password: String? = nil, settings: String = "") throws -> (TemporaryWorkspace, RelanceRuntime) {
        let workspace = try TemporaryWorkspace("relance-slice")
        try workspace.write("relance.toml", IntegrationConfiguration.toml(
            sender: stack.address(sender), legalName: "ACME Équipements SAS", creditorSettings: """
                sender_name = "ACME — Comptabilité"
                bounce_address = "\(stack.address("bounces"))"
                verp = true
                \(settings)
                """, smtp: IntegrationConfiguration.submission(stack, user: sender)))
        try workspace.write("drop/balance.csv", """
            Balance âgée au 27/11/2026
            Code client;Raison sociale;Email;N° facture;Date facture;Échéance;Reste dû
            C1;Société Générale de Tests;\(stack.address(customer));F-2026-001;15/09/2026;15/10/2026;1 234,56
            C1;Société Générale de Tests;\(stack.address(customer));F-2026-002;15/11/2026;15/12/2026;99,00

            """)
        let configuration = try ConfigurationLoader.load(from: workspace.url("relance.toml"))
        var logger = Logger(label: "slice")
        logger.logLevel = .warning
        let secrets = SecretStore(environment: [SecretStore.variableName(for: "smtp-password"): password ?? stack.password])
        let runtime = try RelanceRuntime(configuration: configuration, clock: ManualWallClock("2026-11-30T10:00:00+01:00"),
                                         logger: logger, secrets: secrets)
        return (workspace, runtime)
    }

    /// Every message in `user`'s INBOX whose Message-ID is `messageID`.
    static func find(_ messageID: String, in user: String, stack: MailStack) async throws -> [[UInt8]] {
        let client = try IMAPClient(endpoint: IMAPEndpoint(
            host: stack.host, port: stack.imapPort, security: .startTLS,
            credentials: .password(user: stack.address(user), password: stack.password), caFile: stack.caFile))
        let status = try await client.status("INBOX")
        let uids = try await client.uidSearch("INBOX", criteria: "HEADER Message-ID \"\(messageID)\"")
        var messages: [[UInt8]] = []
        for uid in uids {
            messages.append(try await client.fetch("INBOX", uidValidity: status.uidValidity, uid: uid))
        }
        return messages
    }

    /// Postfix hands mail to Dovecot asynchronously: poll briefly.
    static func waitFor(_ messageID: String, in user: String, stack: MailStack, count: Int = 1) async throws -> [[UInt8]] {
        for _ in 0..<100 {
            let found = try await find(messageID, in: user, stack: stack)
            if found.count >= count { return found }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await find(messageID, in: user, stack: stack)
    }

    @Test func aDroppedExportBecomesOneReminderInTheCustomersMailbox() async throws {
        let stack = try MailStack.require()
        let (workspace, runtime) = try Self.workspace(stack: stack, sender: "t30", customer: "t31")

        let first = try await runtime.runOnce()
        #expect(first.sending.sent == 1)
        #expect(first.sending.failed == 0)
        #expect(workspace.files(in: "drop/processed/2026-11-30") == ["balance.csv"])

        let events = try await runtime.store.recentEvents(of: nil, limit: 50)
        let queued = try #require(events.first { $0.event.kind == "message.queued" })
        let messageID = try #require(queued.event.detail["message_id"])
        let sent = try #require(events.first { $0.event.kind == "message.sent" })
        #expect(sent.event.summary.contains("250"))

        let received = try await Self.waitFor(messageID, in: "t31", stack: stack)
        #expect(received.count == 1)
        let text = String(decoding: try #require(received.first), as: UTF8.self)
        #expect(text.contains("Message-ID: \(messageID)"))
        #expect(text.contains("To: =?utf-8?"))   // the customer's accented name, RFC 2047 encoded
        #expect(text.contains("Auto-Submitted: auto-generated"))
        #expect(text.contains("F-2026-001"))
        #expect(!text.contains("F-2026-002 "))   // not yet due: not claimed in this reminder
        // VERP: Postfix recorded our signed envelope sender as the Return-Path.
        #expect(text.contains("Return-Path: <bounces+"))

        // A second pass sends nothing: the store knows the step was taken.
        let second = try await runtime.runOnce()
        #expect(second.sending.sent == 0)
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await Self.find(messageID, in: "t31", stack: stack).count == 1)
    }

    @Test func aWrongPasswordPausesTheOutboxInsteadOfFailingTheCustomer() async throws {
        let stack = try MailStack.require()
        let (workspace, runtime) = try Self.workspace(stack: stack, sender: "t33", customer: "t32", password: "not-the-password")
        let report = try await runtime.runOnce()
        #expect(report.sending.sent == 0)
        #expect(report.sending.paused == [CreditorID("acme")!])
        #expect(try await runtime.store.outboxCounts() == [.retry: 1])
        let events = try await runtime.store.recentEvents(of: nil, limit: 20)
        let retry = try #require(events.first { $0.event.kind == "message.retry" })
        #expect(retry.event.summary.contains("authentication"))
        #expect(!retry.event.summary.contains("not-the-password"))
        withExtendedLifetime(workspace) {}
    }
}
