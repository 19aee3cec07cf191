import CurlMail
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceMail
import RelanceTesting
import Testing

// Mailbox users: t57 the creditor (sends the digest, reads replies over IMAP); t58 one of its
// people (gets the digest and answers it).

/// Issue #13, record by email, when the reply cannot be recorded: a person on the creditor's
/// `people` list answers the digest with lines that are unreadable or refused; the poll reads
/// them through Postfix and Dovecot, records nothing for them, and the next digest of this
/// French creditor says so — in French, with no English word, in its text and HTML parts.
@Suite(.mailStack, .serialized) struct RefusedReplyIntegrationTests {
    @Test func aRefusedEmailedOutcomeIsAcknowledgedInFrenchInTheNextDigest() async throws {
        let stack = try MailStack.require()
        try MailboxPollIntegrationTests.empty("t57", folders: ["INBOX"], stack: stack)
        try MailboxPollIntegrationTests.empty("t58", folders: ["INBOX"], stack: stack)
        let workspace = try TemporaryWorkspace("relance-refused-reply")
        try workspace.write("relance.toml", IntegrationConfiguration.toml(sender: stack.address("t57"), creditorSettings: """
            people = ["\(stack.address("t58"))"]
            \(IntegrationConfiguration.imap(stack, user: "t57", extra: ""))
            [creditors.acme.digest]
            recipients = ["\(stack.address("t58"))"]
            """, smtp: IntegrationConfiguration.submission(stack, user: "t57")))
        try workspace.write("drop/balance.csv", """
            Code client;Raison sociale;Email;N° facture;Date facture;Échéance;Reste dû
            C1;Client Un SA;compta@client-un.invalid;F-100;01/11/2026;30/11/2026;912,00

            """)
        var logger = Logger(label: "refused-reply")
        logger.logLevel = .critical
        let secrets = SecretStore(environment: [
            SecretStore.variableName(for: "smtp-password"): stack.password,
            SecretStore.variableName(for: "imap-password"): stack.password,
        ])
        let clock = ManualWallClock("2026-12-07T09:00:00+01:00")
        let runtime = try RelanceRuntime(configuration: try ConfigurationLoader.load(from: workspace.url("relance.toml")),
                                         clock: clock, logger: logger, secrets: secrets)
        try await runtime.prepare()
        let creditor = CreditorID("acme")!
        #expect(runtime.creditors[0].configuration.language == .french)
        _ = try await runtime.creditors[0].intake.scan()
        let customer = try #require(try await runtime.store.customerID(external: "C1", of: creditor))
        let invoice = try #require(try await runtime.store.openReceivables(of: creditor).first)
        let call = try await runtime.store.openLadderTask(NewTask(
            creditor: creditor, customerID: customer, kind: .call, title: "Appeler Client Un SA", dedupKey: "step:\(customer):phone-call",
            step: "phone-call", invoiceIDs: [invoice.invoiceID]), on: CivilDate(iso8601: "2026-12-07")!, at: clock.now())

        let day = CivilDate(iso8601: "2026-12-07")!
        let sender = try #require(runtime.digestSenders.first)
        #expect(try await sender.send(on: day))
        let digestID = sender.messageID(on: day)
        let personBox = try IMAPClient(endpoint: stack.imap("t58"))
        _ = try await personBox.waitForMessage(messageID: "<\(digestID)>")

        // Four lines, none recordable: no outcome named, a promise already past, no dispute to
        // resolve, a task that does not exist.
        let lines = ["#\(call.taskID) peut-être", "#\(call.taskID) promis 01/12/2026", "#\(call.taskID) litige résolu", "#999 fait"]
        let reply = SampleInboundMail.reply(from: stack.address("t58"), to: stack.address("t57"), inReplyTo: digestID,
                                            text: lines.joined(separator: "\n"), id: "\(UUID().uuidString)@t58")
        _ = try await SMTPConnection(endpoint: stack.submission("t58"))
            .send(envelopeFrom: stack.address("t58"), recipients: [stack.address("t57")],
                  message: Array(reply.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let creditorBox = try IMAPClient(endpoint: stack.imap("t57"))
        try await MailboxPollIntegrationTests.waitUntil(creditorBox, holds: 1)

        let poll = try #require(try await runtime.creditors[0].poller?.poll())
        #expect(poll.failures.isEmpty)
        #expect(poll.recorded == 1)
        // Nothing was recorded: the call is still open.
        #expect(try await runtime.store.tasks(of: creditor, state: .open).contains { $0.id == call.taskID })
        #expect(try await runtime.store.recordedOutcomes(of: creditor, since: .distantPast).isEmpty)

        // The next digest says what was not recorded, and why, in French.
        clock.set(to: try Date("2026-12-08T09:00:00+01:00", strategy: .iso8601))
        let next = try #require(try await sender.content(on: CivilDate(iso8601: "2026-12-08")!).digest.sections.first)
        #expect(next.title == "Enregistré d'après vos réponses")
        #expect(next.items.count == 4, "\(next.items.map(\.headline))")
        for item in next.items {
            #expect(LanguageLeaks.englishIn(item.headline).isEmpty, "\(item.headline) — \(LanguageLeaks.englishIn(item.headline))")
            #expect(item.headline.contains("non lue") || item.headline.contains("non enregistré"), "\(item.headline)")
        }
        #expect(next.items.contains { $0.headline.contains("aucune issue reconnue") })
        #expect(next.items.contains { $0.headline.contains("la date promise 01/12/2026 est déjà passée (nous sommes le 07/12/2026)") })
        #expect(next.items.contains { $0.headline.contains("aucun litige à résoudre") })
        #expect(next.items.contains { $0.headline.contains("la tâche n° 999 n'existe pas") })

        // The digest as the person receives it: its text part reads the same, with no English.
        let second = CivilDate(iso8601: "2026-12-08")!
        #expect(try await sender.send(on: second))
        let uid = try await personBox.waitForMessage(messageID: "<\(sender.messageID(on: second))>")
        let status = try await personBox.examine("INBOX")
        let message = MIMEMessage.parse(try await personBox.fetch("INBOX", uidValidity: status.uidValidity, uid: uid))
        let text = try #require(message.root.allParts.first { $0.contentType == "text/plain" }?.text)
        let acknowledgements = try #require(text.range(of: "Enregistré d'après vos réponses")).upperBound
        let section = String(text[acknowledgements...].prefix(2_000))
        #expect(section.contains("aucune issue reconnue") && section.contains("la tâche n° 999 n'existe pas"), "\(section)")
        let english = LanguageLeaks.englishIn(text)
        #expect(english.isEmpty, "English in the French digest: \(english)\n\(text)")
        withExtendedLifetime(workspace) {}
    }
}
