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
        // The real Postfix behind a relay the test stops and starts: for Relance, the server
        // goes down and comes back on the same address, while the other tests keep using it.
        let relay = TCPRelay(to: stack.submissionPort)
        try relay.start()
        let workspace = try TemporaryWorkspace("relance-outage")
        try workspace.write("relance.toml", IntegrationConfiguration.toml(
            sender: stack.address("t20"), smtp: IntegrationConfiguration.submission(stack, user: "t20", port: Int(relay.port))))
        try workspace.write("drop/open.csv", """
            customer;email;invoice;issue_date;due_date;amount
            C1;\(stack.address("t21"));F-OUT-1;15/09/2026;15/10/2026;100,00

            """)
        let clock = ManualWallClock("2026-11-30T10:00:00+01:00")
        let secrets = SecretStore(environment: [SecretStore.variableName(for: "smtp-password"): stack.password])
        var logger = Logger(label: "outage")
        logger.logLevel = .critical
        let runtime = try RelanceRuntime(configuration: try ConfigurationLoader.load(from: workspace.url("relance.toml")),
                                         clock: clock, logger: logger, secrets: secrets)

        relay.stop()   // Postfix is "down"
        let first = try await runtime.runOnce()
        #expect(first.sending.sent == 0)
        #expect(first.sending.retrying == 1)
        #expect(try await runtime.store.outboxCounts() == [.retry: 1])
        // Still down at the next attempt: still waiting, not failed.
        clock.advance(by: 600)
        #expect(try await runtime.drainer.drain().retrying == 1)

        try relay.start()   // back, on the same port
        #expect(try await runtime.drainer.drain().sent == 0)   // not before its time
        clock.advance(by: 3 * 3600)
        #expect(try await runtime.drainer.drain().sent == 1)
        #expect(try await runtime.drainer.drain().sent == 0)

        let events = try await runtime.store.recentEvents(of: nil, limit: 30)
        let messageID = try #require(events.first { $0.event.kind == "message.queued" }?.event.detail["message_id"])
        let received = try await ReminderSliceTests.waitFor(messageID, in: "t21", stack: stack)
        #expect(received.count == 1)
        withExtendedLifetime(relay) {}
    }
}
