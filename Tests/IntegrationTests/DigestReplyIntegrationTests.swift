import CurlMail
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

// Mailbox users: t34 the creditor (sends the digest, reads replies over IMAP); t40 one of its
// people (gets the digest and answers it from their mail program).

/// Issue #13, record by email, end to end through Postfix and Dovecot: the digest goes out with
/// a signed Message-ID; a person answers it with `#N promis 15/01/2027 912,00`; the next poll
/// records the promise on the call task, by the one path the CLI takes, and the next digest
/// acknowledges it. A reply quoting a digest id that does not verify records nothing.
@Suite(.mailStack, .serialized) struct DigestReplyIntegrationTests {
    @Test func aPersonRecordsAPromiseByAnsweringTheDigest() async throws {
        let stack = try MailStack.require()
        try MailboxPollIntegrationTests.empty("t34", folders: ["INBOX"], stack: stack)
        try MailboxPollIntegrationTests.empty("t40", folders: ["INBOX"], stack: stack)
        let workspace = try TemporaryWorkspace("relance-digest-reply")
        try workspace.write("relance.toml", IntegrationConfiguration.toml(sender: stack.address("t34"), creditorSettings: """
            people = ["\(stack.address("t40"))"]
            \(IntegrationConfiguration.imap(stack, user: "t34", extra: ""))
            [creditors.acme.digest]
            recipients = ["\(stack.address("t40"))"]
            """, smtp: IntegrationConfiguration.submission(stack, user: "t34")))
        try workspace.write("drop/balance.csv", """
            Code client;Raison sociale;Email;N° facture;Date facture;Échéance;Reste dû
            C1;Client Un SA;compta@client-un.invalid;F-100;01/11/2026;30/11/2026;912,00

            """)
        var logger = Logger(label: "digest-reply")
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
        _ = try await runtime.creditors[0].intake.scan()
        let customer = try #require(try await runtime.store.customerID(external: "C1", of: creditor))
        let invoice = try #require(try await runtime.store.openReceivables(of: creditor).first)
        let call = try await runtime.store.openLadderTask(NewTask(
            creditor: creditor, customerID: customer, kind: .call, title: "Appeler Client Un SA", dedupKey: "step:\(customer):phone-call",
            step: "phone-call", invoiceIDs: [invoice.invoiceID]), on: CivilDate(iso8601: "2026-12-07")!, at: clock.now())

        // The digest, with its signed Message-ID, reaches the person.
        let day = CivilDate(iso8601: "2026-12-07")!
        let sender = try #require(runtime.digestSenders.first)
        #expect(try await sender.send(on: day))
        let digestID = sender.messageID(on: day)
        let personBox = try IMAPClient(endpoint: stack.imap("t40"))
        _ = try await personBox.waitForMessage(messageID: "<\(digestID)>")

        // The person answers from their phone; a second reply quotes a digest id nobody signed.
        let reply = SampleInboundMail.reply(from: stack.address("t40"), to: stack.address("t34"), inReplyTo: digestID,
                                            text: "#\(call.taskID) promis 15/01/2027 912,00\n#999 fait", id: "\(UUID().uuidString)@t40")
        let forged = SampleInboundMail.reply(from: stack.address("t40"), to: stack.address("t34"),
                                             inReplyTo: "relance.digest.aaaaaaaaaaaaaaaaaaaaaaaaaa@relance.test",
                                             text: "#\(call.taskID) annulé", id: "\(UUID().uuidString)@t40")
        for message in [reply, forged] {
            _ = try await SMTPConnection(endpoint: stack.submission("t40"))
                .send(envelopeFrom: stack.address("t40"), recipients: [stack.address("t34")],
                      message: Array(message.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        }
        let creditorBox = try IMAPClient(endpoint: stack.imap("t34"))
        try await MailboxPollIntegrationTests.waitUntil(creditorBox, holds: 2)

        let poll = try #require(try await runtime.creditors[0].poller?.poll())
        #expect(poll.failures.isEmpty)
        #expect(poll.recorded == 2)
        let closed = try #require(try await runtime.store.tasks(of: creditor, state: .done).first { $0.id == call.taskID })
        #expect(closed.outcome == .promisedToPay(on: CivilDate(iso8601: "2027-01-15")!, amount: Money(minorUnits: 91_200, currency: .euro)))
        let recorded = try await runtime.store.recordedOutcomes(of: creditor, since: .distantPast)
        #expect(recorded.map(\.recordedBy) == [stack.address("t40")] && recorded.map(\.channel) == [.email])
        #expect(try await runtime.store.liveHolds(of: creditor).contains { $0.kind == .promise && $0.until == CivilDate(iso8601: "2027-01-15") })

        // The next digest says what was recorded, and what was not (task #999 does not exist).
        clock.set(to: try Date("2026-12-08T09:00:00+01:00", strategy: .iso8601))
        let next = try #require(try await sender.content(on: CivilDate(iso8601: "2026-12-08")!).digest.sections.first)
        #expect(next.title == "Enregistré d'après vos réponses")
        #expect(next.items.contains { $0.number == "#\(call.taskID)"
            && $0.reason == "Promesse de paiement au 15/01/2027 de 912,00\u{00A0}€ — enregistré d'après la réponse de \(stack.address("t40"))" })
        #expect(next.items.contains { $0.headline.contains("n° 999") })
        #expect(try await sender.send(on: CivilDate(iso8601: "2026-12-08")!))
        #expect(try await runtime.store.unacknowledgedEmailOutcomes(of: creditor).isEmpty)
        withExtendedLifetime(workspace) {}
    }
}
