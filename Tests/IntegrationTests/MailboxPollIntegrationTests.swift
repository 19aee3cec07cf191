import CurlMail
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

// Mailbox users of the poller's integration tests:
//   t35  the creditor: sends the reminders (587 AUTH), receives the bounces (VERP t35+TOKEN@) and replies (IMAP)
//   t36  the customer who replies;   t37  a colleague whose unrelated mail must stay unread
//   t38  the creditor whose IMAP password is wrong

/// Issue 6 end to end: a reminder to an unknown user of the test domain makes Postfix send a
/// real DSN to the VERP envelope sender; a customer replies to a reminder; a colleague's mail
/// sits unread in the same mailbox. The poll turns the DSN into one call task, the reply into
/// a pause and a read task, and leaves the colleague's mail unread.
@Suite(.mailStack, .serialized) struct MailboxPollIntegrationTests {
    static let unknownCustomer = "nobody-poller@relance.test"

    static func workspace(stack: MailStack, creditor user: String, imapPassword: String? = nil,
                          trustTestCA: Bool = true) throws -> (TemporaryWorkspace, RelanceRuntime) {
        let workspace = try TemporaryWorkspace("relance-poller")
        try workspace.write("relance.toml", IntegrationConfiguration.toml(sender: stack.address(user), creditorSettings: """
            bounce_address = "\(stack.address(user))"
            verp = true
            \(IntegrationConfiguration.imap(stack, user: user, trustTestCA: trustTestCA, extra: """
                move_handled_to = "Relance"
                reply_pause_days = 10
                """))
            """, smtp: IntegrationConfiguration.submission(stack, user: user)))
        try workspace.write("drop/balance.csv", """
            Code client;Raison sociale;Email;N° facture;Date facture;Échéance;Reste dû
            C1;Adresse Fausse SARL;\(unknownCustomer);F-100;01/09/2026;01/10/2026;500,00
            C2;Client Qui Répond SA;\(stack.address("t36"));F-200;01/09/2026;01/10/2026;750,00

            """)
        let configuration = try ConfigurationLoader.load(from: workspace.url("relance.toml"))
        var logger = Logger(label: "poller-integration")
        logger.logLevel = .critical
        let secrets = SecretStore(environment: [
            SecretStore.variableName(for: "smtp-password"): stack.password,
            SecretStore.variableName(for: "imap-password"): imapPassword ?? stack.password,
        ])
        let runtime = try RelanceRuntime(configuration: configuration, clock: ManualWallClock("2026-11-30T10:00:00+01:00"),
                                         logger: logger, secrets: secrets)
        return (workspace, runtime)
    }

    /// Empties a user's folders with Dovecot's own tool, so that earlier runs cannot leak in;
    /// `remove` folders are deleted, so that the poller must create them.
    static func empty(_ user: String, folders: [String], remove: [String] = [], stack: MailStack) throws {
        func doveadm(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/doveadm")
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
        for folder in folders + remove { try doveadm(["expunge", "-u", stack.address(user), "mailbox", folder, "all"]) }
        for folder in remove { try doveadm(["mailbox", "delete", "-u", stack.address(user), folder]) }
    }

    static func waitUntil(_ client: IMAPClient, holds count: UInt32, timeout: Duration = .seconds(30)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if try await client.status("INBOX").messages >= count { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("INBOX did not reach \(count) messages in \(timeout); see /var/log/postfix.log")
    }

    @Test func aRealBounceBecomesOneCallTaskAndAReplyPausesTheCustomer() async throws {
        let stack = try MailStack.require()
        try Self.empty("t35", folders: ["INBOX"], remove: ["Relance"], stack: stack)
        try Self.empty("t36", folders: ["INBOX"], stack: stack)
        let (workspace, runtime) = try Self.workspace(stack: stack, creditor: "t35")
        let creditor = CreditorID("acme")!

        // Reminders go out: one to a user that does not exist, one to the customer who will reply.
        let first = try await runtime.runOnce()
        #expect(first.sending.sent == 2)
        #expect(first.inbound[creditor]?.failures.isEmpty == true)

        // A colleague's message, unread, in the same mailbox.
        let colleague = TestMessage(from: stack.address("t37"), to: stack.address("t35"), subject: "Déjeuner vendredi ?")
        _ = try await SMTPConnection(endpoint: stack.submission("t37"))
            .send(envelopeFrom: stack.address("t37"), recipients: [stack.address("t35")], message: colleague.bytes)

        // The customer answers the reminder it received, from its own mail program.
        let customer = try #require(try await runtime.store.customerID(external: "C2", of: creditor))
        let events = try await runtime.store.recentEvents(of: creditor, limit: 100)
        let reminderID = try #require(events.first { $0.event.kind == "message.queued" && $0.event.customerID == customer }?.event.detail["message_id"])
        let customerBox = try IMAPClient(endpoint: stack.imap("t36"))
        _ = try await customerBox.waitForMessage(messageID: reminderID)
        let reply = SampleInboundMail.reply(from: stack.address("t36"), to: stack.address("t35"),
                                            inReplyTo: String(reminderID.dropFirst().dropLast()),
                                            text: "Bonjour, nous réglerons la facture F-200 le 15/12/2026.", id: "\(UUID().uuidString)@t36")
        _ = try await SMTPConnection(endpoint: stack.submission("t36"))
            .send(envelopeFrom: stack.address("t36"), recipients: [stack.address("t35")],
                  message: Array(reply.replacingOccurrences(of: "\n", with: "\r\n").utf8))

        // The DSN, the colleague's message and the reply.
        let creditorBox = try IMAPClient(endpoint: stack.imap("t35"))
        try await Self.waitUntil(creditorBox, holds: 3)

        let poll = try #require(try await runtime.creditors[0].poller?.poll())
        #expect(poll.failures.isEmpty)
        #expect(poll.recorded == 2)
        #expect(poll.ignored == 1)
        #expect(poll.moved == 1)

        let tasks = try await runtime.store.tasks(of: creditor, state: .open)
        let call = try #require(tasks.first { $0.kind == .call })
        #expect(tasks.filter { $0.kind == .call }.count == 1)
        #expect(call.detail["bounced_address"] == Self.unknownCustomer)
        #expect(call.detail["reason"] == "la boîte aux lettres n'existe pas")
        #expect(call.detail["invoices"] == "F-100")
        #expect(call.detail["amount_due"] == "500.00 EUR")
        let invalid = try await runtime.store.invalidAddresses(of: creditor)
        #expect(invalid.map(\.address.value) == [Self.unknownCustomer])

        let read = try #require(tasks.first { $0.kind == .readReply })
        #expect(read.customerID == customer)
        #expect(read.detail["excerpt"]?.contains("nous réglerons la facture F-200 le 15/12/2026") == true)
        #expect(read.detail["hints"] == "promise:2026-12-15")
        let holds = try await runtime.store.liveHolds(of: creditor)
        #expect(Set(holds.filter { $0.customerID == customer }.map(\.kind)) == [.reply, .promise])

        // The colleague's message is still unread; the bounce went to the "handled" folder.
        let colleagueUID = try #require(try await creditorBox.uidSearch("INBOX", criteria: "HEADER Message-ID \"\(colleague.messageID)\"").first)
        #expect(try await creditorBox.uidSearch("INBOX", criteria: "UNSEEN").contains(colleagueUID))
        #expect(try await creditorBox.status("Relance").messages == 1)

        // Polling again: idle, still one call task.
        let again = try #require(try await runtime.creditors[0].poller?.poll())
        #expect(again.fetched == 0)
        #expect(try await runtime.store.tasks(of: creditor, state: .open).count == 2)
        withExtendedLifetime(workspace) {}
    }

    @Test func aWrongIMAPPasswordIsReportedAndNothingIsLost() async throws {
        let stack = try MailStack.require()
        let (workspace, runtime) = try Self.workspace(stack: stack, creditor: "t38", imapPassword: "not-the-password")
        try await runtime.prepare()
        let report = try #require(try await runtime.creditors[0].poller?.poll())
        let failure = try #require(report.failures["INBOX"])
        #expect(failure.code == .authentication)
        #expect(!failure.message.contains("not-the-password"))
        #expect(try await runtime.store.mailboxMark(of: CreditorID("acme")!, folder: "INBOX") == nil)
        withExtendedLifetime(workspace) {}
    }

    @Test func anUntrustedCertificateIsReportedAsATLSProblem() async throws {
        let stack = try MailStack.require()
        let (workspace, runtime) = try Self.workspace(stack: stack, creditor: "t38", trustTestCA: false)
        try await runtime.prepare()
        let report = try #require(try await runtime.creditors[0].poller?.poll())
        #expect(report.failures["INBOX"]?.code == .tls)
        #expect(try await runtime.store.mailboxMark(of: CreditorID("acme")!, folder: "INBOX") == nil)
        withExtendedLifetime(workspace) {}
    }
}
