import Foundation
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
        let scene = try await DigestReplyScene(stack: try MailStack.require(), creditorUser: "t34", personUser: "t40", label: "digest-reply")
        let (stack, runtime, clock, creditor, call, sender) = (scene.stack, scene.runtime, scene.clock, scene.creditor, scene.call, scene.sender)

        // The person answers from their phone; a second reply quotes a digest id nobody signed.
        let reply = SampleInboundMail.reply(from: stack.address("t40"), to: stack.address("t34"), inReplyTo: scene.digestID,
                                            text: "#\(call.taskID) promis 15/01/2027 912,00\n#999 fait", id: "\(UUID().uuidString)@t40")
        let forged = SampleInboundMail.reply(from: stack.address("t40"), to: stack.address("t34"),
                                             inReplyTo: "relance.digest.aaaaaaaaaaaaaaaaaaaaaaaaaa@relance.test",
                                             text: "#\(call.taskID) annulé", id: "\(UUID().uuidString)@t40")
        for message in [reply, forged] { try await scene.personSends(message) }

        let poll = try await scene.poll(once: 2)
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
            && $0.reason == "Promesse de paiement de 912,00\u{00A0}€ pour le 15/01/2027 — résultat enregistré d'après la réponse de \(stack.address("t40"))" })
        #expect(next.items.contains { $0.headline.contains("n°\u{00A0}999") })
        #expect(try await sender.send(on: CivilDate(iso8601: "2026-12-08")!))
        #expect(try await runtime.store.unacknowledgedEmailOutcomes(of: creditor).isEmpty)
        withExtendedLifetime(scene.workspace) {}
    }
}
