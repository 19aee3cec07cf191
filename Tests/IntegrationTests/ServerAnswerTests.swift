import CurlMail
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

// Mailbox users: t17 sender with a wrong password; t18, t19, t20 customers; t22/t23 Sent
// copy; t24/t25 provider-copy evidence; t26/t27 parallel connections; t28/t29 archive.

/// Issue #5's server answers against the real Postfix: each gives the right outcome, a clear
/// event, and only a wrong address ever counts against the customer.
@Suite(.mailStack, .serialized) struct ServerAnswerTests {
    struct Fixture {
        let workspace: TemporaryWorkspace
        let runtime: RelanceRuntime
        let clock = ManualWallClock("2026-11-30T10:00:00+01:00")

        /// `emails`: one customer per entry (an entry may list several addresses).
        init(smtp: String, emails: [String], settings: String = "", password: String? = nil, stack: MailStack) throws {
            workspace = try TemporaryWorkspace("relance-answers")
            try workspace.write("relance.toml", IntegrationConfiguration.toml(sender: stack.address("t17"), creditorSettings: settings, smtp: smtp))
            let rows = emails.enumerated().map { "C\($0.offset);Client \($0.offset);\"\($0.element)\";F-\($0.offset);01/09/2026;01/10/2026;1\($0.offset),00" }
            try workspace.write("drop/open.csv", (["customer;name;email;invoice;issue_date;due_date;amount"] + rows).joined(separator: "\n") + "\n")
            // The outcomes are read from the events; the log lines would only clutter the test output.
            let logger = Logger(label: "answers", factory: { _ in SwiftLogNoOpLogHandler() })
            runtime = try RelanceRuntime(configuration: try ConfigurationLoader.load(from: workspace.url("relance.toml")),
                                         clock: clock, logger: logger,
                                         secrets: SecretStore(environment: [SecretStore.variableName(for: "smtp-password"): password ?? stack.password]))
        }

        func events(_ kind: String) async throws -> [NewEvent] {
            try await runtime.store.recentEvents(of: nil, limit: 1_000).map(\.event).filter { $0.kind == kind }
        }

        func messageIDs() async throws -> [String] {
            try await events("message.queued").compactMap { $0.detail["message_id"] }
        }

        /// The Message-IDs of the messages recorded as sent.
        func sentMessageIDs() async throws -> [String] {
            let sent = Set(try await events("message.sent").compactMap(\.messageID))
            return try await events("message.queued").filter { $0.messageID.map(sent.contains) == true }
                .compactMap { $0.detail["message_id"] }
        }
    }

    static func relay(_ stack: MailStack, port: Int) -> String {
        "host = \"\(stack.host)\"\nport = \(port)\nca_file = \"\(stack.caFile)\""
    }

    static func count(_ messageID: String, in user: String, folder: String = "INBOX", stack: MailStack) async throws -> Int {
        let client = try IMAPClient(endpoint: IMAPEndpoint(
            host: stack.host, port: stack.imapPort, security: .startTLS,
            credentials: .password(user: stack.address(user), password: stack.password), caFile: stack.caFile))
        for _ in 0..<100 {
            let found = try await client.uidSearch(folder, criteria: "HEADER Message-ID \"\(messageID)\"").count
            if found > 0 { return found }
            try await Task.sleep(for: .milliseconds(100))
        }
        return 0
    }

    static func unique() -> String { String(UInt32.random(in: 0...UInt32.max), radix: 36) }

    @Test func aWrongPasswordPausesTheOutboxWithOneAlertWhateverTheNumberOfMessages() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: IntegrationConfiguration.submission(stack, user: "t17"), emails: [stack.address("t18"), stack.address("t18+b")],
                                  password: "not-the-password", stack: stack)
        let first = try await fixture.runtime.runOnce()
        #expect(first.sending.paused == [CreditorID("acme")!])
        #expect(try await fixture.runtime.store.outboxCounts() == [.retry: 1, .queued: 1])
        fixture.clock.advance(by: 6 * 3600)   // 16:00: still inside the 09:00–17:00 send window
        let second = try await fixture.runtime.runOnce()
        #expect(second.sending.paused == [CreditorID("acme")!])
        let alerts = try await fixture.events("outbox.paused")
        #expect(alerts.count == 1)
        #expect(alerts.first?.summary.contains("authentication") == true)
        #expect(alerts.first?.summary.contains("not-the-password") == false)
        #expect(try await fixture.events("address.refused").isEmpty)
    }

    @Test func aServerWithoutSTARTTLSGetsNeitherPasswordNorMail() async throws {
        let stack = try MailStack.require()
        let server = try #require(PlainSMTPServer())
        let fixture = try Fixture(smtp: """
            host = "127.0.0.1"
            port = \(server.port)
            security = "starttls"
            username = "\(stack.address("t17"))"
            password_credential = "smtp-password"
            """, emails: [stack.address("t18")], stack: stack)
        let report = try await fixture.runtime.runOnce()
        #expect(report.sending.paused == [CreditorID("acme")!])
        let alert = try #require(try await fixture.events("outbox.paused").first)
        #expect(alert.summary.contains("STARTTLS"))
        #expect(server.commands.contains { $0.uppercased().hasPrefix("EHLO") })
        #expect(!server.commands.contains { $0.uppercased().hasPrefix("AUTH") || $0.uppercased().hasPrefix("MAIL") })
    }

    @Test func anUntrustedCertificatePausesTheOutbox() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: IntegrationConfiguration.submission(stack, user: "t17", trustTestCA: false), emails: [stack.address("t18")], stack: stack)
        let report = try await fixture.runtime.runOnce()
        #expect(report.sending.paused == [CreditorID("acme")!])
        #expect(try await fixture.events("outbox.paused").first?.summary.contains("certificate") == true)
        #expect(try await fixture.runtime.store.outboxCounts() == [.retry: 1])
    }

    @Test func aTemporaryRefusalIsRetriedLaterAndBlamesNobody() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: Self.relay(stack, port: stack.smtpPort), emails: [stack.address("tempfail")], stack: stack)
        let report = try await fixture.runtime.runOnce()
        #expect(report.sending.retrying == 1)
        #expect(report.sending.paused.isEmpty)
        #expect(try await fixture.runtime.store.outboxCounts() == [.retry: 1])
        #expect(try await fixture.events("message.retry").first?.summary.contains("450 4.2.0") == true)
        #expect(try await fixture.events("address.refused").isEmpty)
        #expect(try await fixture.events("outbox.paused").isEmpty)

        // Still refused four days later: past the maximum age, it fails and a person is asked.
        fixture.clock.advance(by: 4 * 86_400)
        let late = try await fixture.runtime.runOnce()
        #expect(late.sending.failed == 1)
        #expect(try await fixture.runtime.store.outboxCounts() == [.failed: 1])
        let task = try #require(try await fixture.runtime.store.tasks(of: CreditorID("acme")!, state: .open).first)
        #expect(task.kind == .reviewMessage)
        // `acme` is French (the default language): the title is French and says that Relance gave
        // up; the detail is the last failure, the server's reply quoted as it came.
        #expect(task.title.hasPrefix("La relance n°\u{00A0}") && task.title.hasSuffix(" n'a pas pu être envoyée : abandon après 2 tentatives"),
                "\(task.title)")
        let reason = task.detail["reason"] ?? ""
        #expect(reason.hasPrefix("SMTP : le serveur SMTP a refusé ") && reason.contains("«\u{00A0}450 4.2.0"), "\(reason)")
    }

    @Test func aCreditorsOwnRetryPeriodDecidesWhenARefusedMessageFails() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: Self.relay(stack, port: stack.smtpPort), emails: [stack.address("tempfail")],
                                  settings: "retry_for_hours = 6", stack: stack)
        #expect(try await fixture.runtime.runOnce().sending.retrying == 1)
        // Six and a half hours on (16:30, still inside the sending hours), well within the default
        // three days: the next attempt would come more than this creditor's six hours after the first.
        fixture.clock.advance(by: 6.5 * 3600)
        #expect(try await fixture.runtime.runOnce().sending.failed == 1)
        #expect(try await fixture.runtime.store.outboxCounts() == [.failed: 1])
    }

    @Test func anUnknownMailboxIsWrongAddressEvidenceAndSparesTheOtherAddress() async throws {
        let stack = try MailStack.require()
        let missing = "nosuch-\(Self.unique())"
        let alsoMissing = "nosuch-\(Self.unique())"
        let fixture = try Fixture(smtp: Self.relay(stack, port: stack.smtpRejectPort),
                                  emails: [stack.address(missing), "\(stack.address("t19")), \(stack.address(alsoMissing))"], stack: stack)
        let report = try await fixture.runtime.runOnce()
        #expect(report.sending.sent == 1)
        #expect(report.sending.failed == 1)
        #expect(report.sending.paused.isEmpty)
        let refused = try await fixture.events("address.refused")
        #expect(Set(refused.compactMap { $0.detail["address"] }) == [stack.address(missing), stack.address(alsoMissing)])
        #expect(refused.allSatisfy { $0.detail["reply"]?.hasPrefix("550 5.1.1") == true && $0.detail["role"] == "to" })
        #expect(refused.allSatisfy { $0.customerID != nil && $0.creditor == CreditorID("acme") })
        #expect(try await fixture.events("outbox.paused").isEmpty)
        // The good address of the second customer got its reminder.
        let sent = try await fixture.sentMessageIDs()
        #expect(sent.count == 1)
        for id in sent { #expect(try await Self.count(id, in: "t19", stack: stack) == 1) }
    }

    @Test func aPolicyRefusalPausesTheOutboxOnceAndIsNotTheCustomersFault() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: Self.relay(stack, port: stack.smtpPort),
                                  emails: [stack.address("policy+a"), stack.address("policy+b")], stack: stack)
        let report = try await fixture.runtime.runOnce()
        #expect(report.sending.paused == [CreditorID("acme")!])
        #expect(try await fixture.runtime.store.outboxCounts() == [.retry: 1, .queued: 1])
        let alerts = try await fixture.events("outbox.paused")
        #expect(alerts.count == 1)
        #expect(alerts.first?.summary.contains("5.7.1") == true)
        #expect(try await fixture.events("address.refused").isEmpty)
    }

    @Test func aLineBreakInAContactAddressNeverReachesTheServer() async throws {
        let stack = try MailStack.require()
        let attacker = "t20+evil\(Self.unique())"
        let fixture = try Fixture(smtp: Self.relay(stack, port: stack.smtpPort), emails: [
            "\(stack.address("t19"))\r\nRCPT TO:<\(stack.address(attacker))>", stack.address("t19+ok"),
        ], stack: stack)
        let report = try await fixture.runtime.runOnce()
        #expect(report.sending.sent >= 1)
        for id in try await fixture.sentMessageIDs() { _ = try await Self.count(id, in: "t19", stack: stack) }
        try await Task.sleep(for: .milliseconds(500))
        let log = try String(contentsOfFile: "/var/log/postfix.log", encoding: .utf8)
        #expect(!log.contains(attacker), "Postfix saw the injected recipient")
    }

    @Test func aCopyOfEachSentMessageLandsInTheSentFolder() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: IntegrationConfiguration.submission(stack, user: "t22"), emails: [stack.address("t23")], settings: """
            copy_to_sent = true
            sent_folder = "Sent"

            \(IntegrationConfiguration.imap(stack, user: "t22", credential: "smtp-password"))
            """, stack: stack)
        let report = try await fixture.runtime.runOnce()
        #expect(report.sending.sent == 1)
        let id = try #require(try await fixture.messageIDs().first)
        #expect(try await Self.count(id, in: "t22", folder: "Sent", stack: stack) == 1)
        #expect(try await fixture.events("message.copied-to-sent").count == 1)
    }

    @Test func theProvidersSentCopySettlesInterruptedSendsBothWays() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: IntegrationConfiguration.submission(stack, user: "t24"), emails: [stack.address("t25+a"), stack.address("t25+b")],
                                  settings: """
            sent_copy_lookup = true
            evidence_delay_seconds = 0

            \(IntegrationConfiguration.imap(stack, user: "t24", credential: "smtp-password"))
            """, stack: stack)
        let runtime = fixture.runtime
        try await runtime.prepare()
        let creditor = try #require(runtime.creditors.first)
        _ = try await creditor.intake.scan()
        _ = try await creditor.scheduler.run(on: runtime.today(for: creditor), at: fixture.clock.now())
        // Both claimed, then the process "dies"; the provider kept a copy of the first only.
        let first = try #require(try await runtime.store.claimNextMessage(now: fixture.clock.now(), skipping: []))
        let second = try #require(try await runtime.store.claimNextMessage(now: fixture.clock.now(), skipping: []))
        let provider = try IMAPClient(endpoint: IMAPEndpoint(
            host: stack.host, port: stack.imapPort, security: .startTLS,
            credentials: .password(user: stack.address("t24"), password: stack.password), caFile: stack.caFile))
        try await provider.append("Sent", message: first.bytes)

        let settled = try await runtime.recovery.run()
        #expect(settled.confirmedSent == [first.id])
        #expect(settled.requeued == [second.id])
        let report = try await runtime.drainer.drain()
        #expect(report.sent == 1)
        #expect(try await runtime.store.outboxCounts() == [.sent: 2])
        #expect(try await Self.count(second.messageID, in: "t25", stack: stack) == 1)
    }

    @Test func parallelConnectionsAndARateLimitStillSendEachReminderOnce() async throws {
        let stack = try MailStack.require()
        let emails = (1...6).map { stack.address("t26+c\($0)") }
        let fixture = try Fixture(smtp: IntegrationConfiguration.submission(stack, user: "t27"), emails: emails, settings: """
            smtp_connections = 3
            max_messages_per_minute = 600
            """, stack: stack)
        let started = ContinuousClock.now
        let report = try await fixture.runtime.runOnce()
        let elapsed = ContinuousClock.now - started
        #expect(report.sending.sent == 6)
        #expect(elapsed >= .milliseconds(500), "600 per minute spaces six messages by 100 ms")
        for id in try await fixture.messageIDs() {
            #expect(try await Self.count(id, in: "t26", stack: stack) == 1)
        }
    }

    @Test func theArchiveGetsItsCopyFromTheEnvelopeAloneNeverFromAHeader() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: IntegrationConfiguration.submission(stack, user: "t17"), emails: [stack.address("t29")], settings: """
            archive_bcc = "\(stack.address("t28"))"

            \(IntegrationConfiguration.imap(stack, user: "t28", section: "archive_imap", credential: "smtp-password"))
            """, stack: stack)
        let report = try await fixture.runtime.runOnce()
        #expect(report.sending.sent == 1)
        let id = try #require(try await fixture.messageIDs().first)
        #expect(try await Self.count(id, in: "t28", stack: stack) == 1)
        #expect(try await Self.count(id, in: "t29", stack: stack) == 1)
        let client = try IMAPClient(endpoint: IMAPEndpoint(
            host: stack.host, port: stack.imapPort, security: .startTLS,
            credentials: .password(user: stack.address("t29"), password: stack.password), caFile: stack.caFile))
        let status = try await client.status("INBOX")
        let uid = try #require(try await client.uidSearch("INBOX", criteria: "HEADER Message-ID \"\(id)\"").first)
        let received = String(decoding: try await client.fetch("INBOX", uidValidity: status.uidValidity, uid: uid), as: UTF8.self)
        let headers = received.components(separatedBy: "\r\n\r\n").first ?? ""
        #expect(!headers.lowercased().contains("t28"), "the archive address leaked into the customer's copy")
        // Only the recipient's own address is accepted per recipient; the archive's reply is not the customer's.
        #expect(try await fixture.events("address.refused").isEmpty)
    }

    @Test func aRefusedArchiveAddressPausesTheOutboxButNeverCountsAgainstTheCustomer() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: Self.relay(stack, port: stack.smtpRejectPort), emails: [stack.address("t29"), stack.address("t29")],
                                  settings: """
            archive_bcc = "nosuch-archive-\(Self.unique())@\(stack.domain)"

            \(IntegrationConfiguration.imap(stack, user: "t28", section: "archive_imap", credential: "smtp-password"))
            """, stack: stack)
        let report = try await fixture.runtime.runOnce()
        // The first reminder reached the customer; without an archive copy a crash would resend
        // it, so the outbox stops before the second until the archive is fixed.
        #expect(report.sending.sent == 1)
        #expect(report.sending.paused == [CreditorID("acme")!])
        #expect(try await fixture.runtime.store.outboxCounts() == [.sent: 1, .queued: 1])
        let alert = try #require(try await fixture.events("outbox.paused").first)
        #expect(alert.summary.contains("archive_bcc") && alert.summary.contains("5.1.1"))
        #expect(try await fixture.events("address.refused").isEmpty)
    }

    @Test func aSentCopyThatCannotBeMadeNeverHoldsTheSendingUp() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(smtp: IntegrationConfiguration.submission(stack, user: "t22"), emails: [stack.address("t23")], settings: """
            copy_to_sent = true

            \(IntegrationConfiguration.imap(stack, user: "t22"))
            """, stack: stack)
        // No imap-password credential: every copy fails, the message still goes out.
        let report = try await fixture.runtime.runOnce()
        #expect(report.sending.sent == 1)
        #expect(try await fixture.events("message.copied-to-sent").isEmpty)
        #expect(try await fixture.runtime.store.pendingSentCopies(of: CreditorID("acme")!, limit: 10).count == 1)
    }
}
