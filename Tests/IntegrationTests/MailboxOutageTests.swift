import CurlMail
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

// Mailbox user: t39 (the creditor's mailbox).

/// The IMAP server down for a while (the real Dovecot behind a relay the test stops): the poll
/// fails cleanly, the mark stays where it was, and the next poll once it is back picks up the
/// mail that arrived meanwhile.
@Suite(.mailStack, .serialized) struct MailboxOutageTests {
    @Test func pollsFailCleanlyWhileTheServerIsDownAndResumeAtTheRightMark() async throws {
        let stack = try MailStack.require()
        try MailboxPollIntegrationTests.empty("t39", folders: ["INBOX"], stack: stack)
        let relay = TCPRelay(to: stack.imapPort)
        try relay.start()
        let workspace = try TemporaryWorkspace("relance-imap-outage")
        try workspace.write("relance.toml", IntegrationConfiguration.toml(
            sender: stack.address("t39"), creditorSettings: IntegrationConfiguration.imap(stack, user: "t39", port: Int(relay.port)),
            smtp: IntegrationConfiguration.submission(stack, user: "t39", credential: "imap-password")))
        var logger = Logger(label: "imap-outage")
        logger.logLevel = .critical
        let runtime = try RelanceRuntime(configuration: try ConfigurationLoader.load(from: workspace.url("relance.toml")),
                                         clock: SystemWallClock(), logger: logger,
                                         secrets: SecretStore(environment: [SecretStore.variableName(for: "imap-password"): stack.password]))
        try await runtime.prepare()
        let poller = try #require(runtime.creditors.first?.poller)
        let acme = CreditorID("acme")!
        let smtp = try SMTPConnection(endpoint: SMTPEndpoint(
            host: stack.host, port: stack.submissionPort, security: .startTLS,
            credentials: .password(user: stack.address("t39"), password: stack.password), caFile: stack.caFile,
            ehloName: "client.relance.test"))
        let imap = try IMAPClient(endpoint: IMAPEndpoint(host: stack.host, port: stack.imapPort, security: .startTLS,
                                                         credentials: .password(user: stack.address("t39"), password: stack.password),
                                                         caFile: stack.caFile))
        func deliver(_ subject: String) async throws {
            let message = "From: someone@relance.test\r\nTo: \(stack.address("t39"))\r\nSubject: \(subject)\r\nMessage-ID: <\(UUID().uuidString)@relance.test>\r\n\r\nhello\r\n"
            _ = try await smtp.send(envelopeFrom: "someone@relance.test", recipients: [stack.address("t39")], message: Array(message.utf8))
        }

        try await deliver("before the outage")
        try await MailboxPollIntegrationTests.waitUntil(imap, holds: 1)
        let first = try await poller.poll()
        #expect(first.failures.isEmpty)
        let markBefore = try #require(try await runtime.store.mailboxMark(of: acme, folder: "INBOX"))

        relay.stop()   // Dovecot "goes down" for Relance
        try await deliver("during the outage")
        try await MailboxPollIntegrationTests.waitUntil(imap, holds: 2)
        let down = try await poller.poll()
        #expect(down.failures["INBOX"] != nil)
        #expect(try await runtime.store.mailboxMark(of: acme, folder: "INBOX")?.lastUID == markBefore.lastUID)

        try relay.start()   // back, on the same port
        let back = try await poller.poll()
        #expect(back.failures.isEmpty)
        let markAfter = try #require(try await runtime.store.mailboxMark(of: acme, folder: "INBOX"))
        #expect(markAfter.uidValidity == markBefore.uidValidity)
        #expect(markAfter.lastUID > markBefore.lastUID)   // the message that arrived meanwhile was read
        withExtendedLifetime(relay) {}
    }
}
