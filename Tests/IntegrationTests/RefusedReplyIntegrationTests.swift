import Foundation
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
        let scene = try await DigestReplyScene(stack: try MailStack.require(), creditorUser: "t57", personUser: "t58", label: "refused-reply")
        let (stack, runtime, clock, creditor, call, sender) = (scene.stack, scene.runtime, scene.clock, scene.creditor, scene.call, scene.sender)
        #expect(runtime.creditors[0].configuration.language == .french)

        // Four lines, none recordable: no outcome named, a promise already past, no dispute to
        // resolve, a task that does not exist.
        let lines = ["#\(call.taskID) peut-être", "#\(call.taskID) promis 01/12/2026", "#\(call.taskID) litige résolu", "#999 fait"]
        let reply = SampleInboundMail.reply(from: stack.address("t58"), to: stack.address("t57"), inReplyTo: scene.digestID,
                                            text: lines.joined(separator: "\n"), id: "\(UUID().uuidString)@t58")
        try await scene.personSends(reply)

        let poll = try await scene.poll(once: 1)
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
        #expect(next.items.contains { $0.headline.contains("la tâche n°\u{00A0}999 n'existe pas") })

        // The digest as the person receives it: its text part reads the same, with no English.
        let second = CivilDate(iso8601: "2026-12-08")!
        #expect(try await sender.send(on: second))
        let uid = try await scene.personBox.waitForMessage(messageID: "<\(sender.messageID(on: second))>")
        let status = try await scene.personBox.examine("INBOX")
        let message = MIMEMessage.parse(try await scene.personBox.fetch("INBOX", uidValidity: status.uidValidity, uid: uid))
        let text = try #require(message.root.allParts.first { $0.contentType == "text/plain" }?.text)
        let acknowledgements = try #require(text.range(of: "Enregistré d'après vos réponses")).upperBound
        let section = String(text[acknowledgements...].prefix(2_000))
        #expect(section.contains("aucune issue reconnue") && section.contains("la tâche n°\u{00A0}999 n'existe pas"), "\(section)")
        let english = LanguageLeaks.englishIn(text)
        #expect(english.isEmpty, "English in the French digest: \(english)\n\(text)")
        withExtendedLifetime(scene.workspace) {}
    }
}
