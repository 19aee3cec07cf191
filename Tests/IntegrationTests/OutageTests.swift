import CurlMail
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

// Mailbox users: t20 sends, t21 receives.

/// The mail server down for a while: the reminder waits, is retried, and goes out once,
/// exactly once, when the server is back.
@Suite(.mailStack) struct OutageTests {
    @Test func aReminderWaitsForTheServerAndGoesOutOnceItIsBack() async throws {
        let stack = try MailStack.require()
        let workspace = try TemporaryWorkspace("relance-outage")
        func configuration(port: Int) throws -> RelanceConfiguration {
            try workspace.write("relance.toml", """
                drop_folder = "drop"
                state_folder = "state"
                templates_folder = "\(RepositoryPaths.mailTemplates.path)"
                stable_after_seconds = 0
                [creditors.acme]
                legal_name = "ACME SAS"
                sender = "\(stack.address("t20"))"
                active = true
                [creditors.acme.smtp]
                host = "\(stack.host)"
                port = \(port)
                username = "\(stack.address("t20"))"
                password_credential = "smtp-password"
                ca_file = "\(stack.caFile)"
                """)
            return try ConfigurationLoader.load(from: workspace.url("relance.toml"))
        }
        try workspace.write("drop/open.csv", """
            customer;email;invoice;issue_date;due_date;amount
            C1;\(stack.address("t21"));F-OUT-1;15/09/2026;15/10/2026;100,00

            """)
        let clock = ManualWallClock("2026-11-30T10:00:00+01:00")
        let secrets = SecretStore(environment: [SecretStore.variableName(for: "smtp-password"): stack.password])
        var logger = Logger(label: "outage")
        logger.logLevel = .critical

        // Nothing listens on this port: the server is "down".
        let down = try RelanceRuntime(configuration: try configuration(port: 2599), clock: clock, logger: logger, secrets: secrets)
        let first = try await down.runOnce()
        #expect(first.sending.sent == 0)
        #expect(first.sending.retrying == 1)
        #expect(try await down.store.outboxCounts() == [.retry: 1])
        // Still down at the next attempt: still waiting, not failed.
        clock.advance(by: 600)
        #expect(try await down.drainer.drain().retrying == 1)

        // The server is back (the configuration now reaches it); the retry comes due.
        let up = try RelanceRuntime(configuration: try configuration(port: stack.submissionPort), clock: clock, logger: logger, secrets: secrets)
        #expect(try await up.drainer.drain().sent == 0)   // not before its time
        clock.advance(by: 3 * 3600)
        #expect(try await up.drainer.drain().sent == 1)
        #expect(try await up.drainer.drain().sent == 0)

        let events = try await up.store.recentEvents(of: nil, limit: 30)
        let messageID = try #require(events.first { $0.event.kind == "message.queued" }?.event.detail["message_id"])
        let received = try await ReminderSliceTests.waitFor(messageID, in: "t21", stack: stack)
        #expect(received.count == 1)
    }
}
