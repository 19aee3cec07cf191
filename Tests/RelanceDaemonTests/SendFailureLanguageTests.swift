import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

/// Through the daemon: a message given up on, a policy refusal that pauses the outbox and the
/// purge of processed files are journaled, and their tasks titled, in the creditor's language
/// (#13) — `acme` is French unless its configuration says `language = "en"`.
@Suite struct SendFailureLanguageTests {
    /// Answers every message with the same outcome.
    actor SameAnswer: MailTransport {
        let outcome: DeliveryOutcome
        init(_ outcome: DeliveryOutcome) { self.outcome = outcome }
        func deliver(_ message: OutboxMessage) async -> DeliveryOutcome { outcome }
    }

    static func runtime(_ fixture: DaemonFixture, answering outcome: DeliveryOutcome) throws -> RelanceRuntime {
        try fixture.drop("open.csv", DaemonFixture.csv("C1;Client Un;c1@client.example;F-1;01/09/2026;01/10/2026;100,00"))
        let transport = SameAnswer(outcome)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try RelanceRuntime(configuration: try fixture.configuration, clock: fixture.clock, logger: logger,
                                  secrets: SecretStore(environment: [:]), transportOverride: { _ in transport })
    }

    static let acme = CreditorID("acme")!
    static let later = DeliveryOutcome.temporaryFailure(reason: .reported("451 4.3.0 try again later"))

    /// Refused for now, then still refused four days on: past the maximum age, it fails.
    static func givenUp(_ fixture: DaemonFixture) async throws -> (task: WorkTask, failed: String) {
        let runtime = try Self.runtime(fixture, answering: Self.later)
        #expect(try await runtime.runOnce().sending.retrying == 1)
        fixture.clock.advance(by: 4 * 86_400)
        #expect(try await runtime.runOnce().sending.failed == 1)
        let task = try #require(try await runtime.store.tasks(of: Self.acme, state: .open).first { $0.kind == .reviewMessage })
        let failed = try #require(try await runtime.store.recentEvents(of: Self.acme, limit: 100).first { $0.event.kind == "message.failed" })
        return (task, failed.event.summary)
    }

    @Test func aMessageGivenUpOnOpensAFrenchTaskForAFrenchCreditor() async throws {
        let (task, failed) = try await Self.givenUp(try DaemonFixture())
        // The title says that Relance gave up, the detail the last failure: each said once.
        #expect(task.title == "La relance n°\u{00A0}1 n'a pas pu être envoyée : abandon après 2 tentatives")
        #expect(failed == "Message n°\u{00A0}1 en échec : abandon après 2 tentatives ; dernière erreur : «\u{00A0}451 4.3.0 try again later\u{00A0}»")
        #expect(task.detail["reason"] == "«\u{00A0}451 4.3.0 try again later\u{00A0}»")
    }

    @Test func aMessageGivenUpOnKeepsItsEnglishTaskForAnEnglishCreditor() async throws {
        let (task, failed) = try await Self.givenUp(try DaemonFixture(extraCreditorSettings: "language = \"en\""))
        #expect(task.title == "Reminder #1 could not be sent: gave up after 2 attempts")
        #expect(failed == "Message #1 failed: gave up after 2 attempts: 451 4.3.0 try again later")
        #expect(task.detail["reason"] == "451 4.3.0 try again later")
    }

    @Test func aPolicyRefusalPausesTheOutboxInFrench() async throws {
        let refusal = RecipientReply(address: "c1@client.example", reply: "550 5.7.1 sender not allowed", verdict: .ourProblem)
        let fixture = try DaemonFixture()  // kept: its folder goes with it
        let runtime = try Self.runtime(fixture, answering: .deliveredTo(serverReply: "250 ok", recipients: [refusal]))
        #expect(try await runtime.runOnce().sending.paused == [Self.acme])
        let pause = try #require(try await runtime.store.standingOutboxPause(of: Self.acme))
        #expect(pause.reason == "le serveur a refusé l'adresse c1@client.example : «\u{00A0}550 5.7.1 sender not allowed\u{00A0}»")
        let task = try #require(try await runtime.store.tasks(of: Self.acme, state: .open).first { $0.kind == .fixConfiguration })
        #expect(task.title == "Les envois du créancier acme sont en pause : le serveur a refusé l'adresse c1@client.example : «\u{00A0}550 5.7.1 sender not allowed\u{00A0}»")
        // Loaded again: the journal says why the outbox is tried again, in French too.
        try await runtime.startSending(because: .configurationReloaded)
        let resumed = try #require(try await runtime.store.recentEvents(of: Self.acme, limit: 100).first { $0.event.kind == "outbox.resumed" })
        #expect(resumed.event.summary == "Les envois du créancier acme, en pause depuis le 30/11/2026, sont tentés à nouveau : la configuration a été rechargée.")
    }

    @Test func thePurgeOfProcessedFilesIsJournaledInFrench() async throws {
        let fixture = try DaemonFixture()
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        try fixture.workspace.write("drop/processed/2025-01-06/open.csv", "customer\n")
        _ = try await runtime.purge()
        let purged = try #require(try await runtime.store.recentEvents(of: Self.acme, limit: 100).first { $0.event.kind == "purge.files" })
        #expect(purged.event.summary == "Fichiers traités le 06/01/2025 supprimés (dossier processed/2025-01-06, conservés plus de 400 jours).")
    }
}
