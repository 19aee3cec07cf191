import CurlMail
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

/// The scene both digest-reply tests start from, on the real mail stack: a French creditor
/// (mailbox `creditorUser`) with one overdue invoice and an open call task, whose digest of
/// 7 Dec 2026 has reached one of its people (mailbox `personUser`), ready to be answered.
struct DigestReplyScene {
    let stack: MailStack
    let workspace: TemporaryWorkspace
    let runtime: RelanceRuntime
    let clock: ManualWallClock
    let creditor = CreditorID("acme")!
    let call: LadderTaskChange
    let sender: DigestSender
    /// The digest's Message-ID, without brackets: what a reply quotes.
    let digestID: String
    let personBox: IMAPClient
    let creditorUser: String
    let personUser: String

    init(stack: MailStack, creditorUser: String, personUser: String, label: String) async throws {
        self.stack = stack
        self.creditorUser = creditorUser
        self.personUser = personUser
        try MailboxPollIntegrationTests.empty(creditorUser, folders: ["INBOX"], stack: stack)
        try MailboxPollIntegrationTests.empty(personUser, folders: ["INBOX"], stack: stack)
        workspace = try TemporaryWorkspace("relance-\(label)")
        try workspace.write("relance.toml", IntegrationConfiguration.toml(sender: stack.address(creditorUser), creditorSettings: """
            people = ["\(stack.address(personUser))"]
            \(IntegrationConfiguration.imap(stack, user: creditorUser, extra: ""))
            [creditors.acme.digest]
            recipients = ["\(stack.address(personUser))"]
            """, smtp: IntegrationConfiguration.submission(stack, user: creditorUser)))
        try workspace.write("drop/balance.csv", """
            Code client;Raison sociale;Email;N° facture;Date facture;Échéance;Reste dû
            C1;Client Un SA;compta@client-un.invalid;F-100;01/11/2026;30/11/2026;912,00

            """)
        var logger = Logger(label: label)
        logger.logLevel = .critical
        let secrets = SecretStore(environment: [
            SecretStore.variableName(for: "smtp-password"): stack.password,
            SecretStore.variableName(for: "imap-password"): stack.password,
        ])
        clock = ManualWallClock("2026-12-07T09:00:00+01:00")
        runtime = try RelanceRuntime(configuration: try ConfigurationLoader.load(from: workspace.url("relance.toml")),
                                     clock: clock, logger: logger, secrets: secrets)
        try await runtime.prepare()
        _ = try await runtime.creditors[0].intake.scan()
        let customer = try #require(try await runtime.store.customerID(external: "C1", of: creditor))
        let invoice = try #require(try await runtime.store.openReceivables(of: creditor).first)
        let day = CivilDate(iso8601: "2026-12-07")!
        call = try await runtime.store.openLadderTask(NewTask(
            creditor: creditor, customerID: customer, kind: .call, title: "Appeler Client Un SA", dedupKey: "step:\(customer):phone-call",
            step: "phone-call", invoiceIDs: [invoice.invoiceID]), on: day, at: clock.now())

        // The digest, with its signed Message-ID, reaches the person.
        sender = try #require(runtime.digestSenders.first)
        #expect(try await sender.send(on: day))
        digestID = sender.messageID(on: day)
        personBox = try IMAPClient(endpoint: stack.imap(personUser))
        _ = try await personBox.waitForMessage(messageID: "<\(digestID)>")
    }

    /// A reply written by the person, sent through Postfix to the creditor's mailbox.
    func personSends(_ message: String) async throws {
        _ = try await SMTPConnection(endpoint: stack.submission(personUser))
            .send(envelopeFrom: stack.address(personUser), recipients: [stack.address(creditorUser)],
                  message: Array(message.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    /// Waits until the creditor's mailbox holds `count` messages, then polls it once.
    func poll(once count: UInt32) async throws -> MailboxPoller.Report {
        try await MailboxPollIntegrationTests.waitUntil(try IMAPClient(endpoint: stack.imap(creditorUser)), holds: count)
        return try #require(try await runtime.creditors[0].poller?.poll())
    }
}
