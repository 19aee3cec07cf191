import CurlMail
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import RelanceTesting
import Testing

// Mailbox users (CurlMail's tests use t01…t13, the slice t30…t33):
//   t14  sends (SMTP AUTH on 587)     t15  the archive, read back after a crash
//   t16  the customers (t16+cN@…, plus addressing lands in t16)

/// "Exactly once" against the real Postfix and Dovecot: `relance run --once` is killed at each
/// named point of the sending path (and with SIGKILL at random moments), restarted, and the
/// customers' real mailbox must hold every reminder exactly once.
@Suite(.mailStack, .serialized) struct OutboxCrashTests {
    struct Fixture {
        let workspace: TemporaryWorkspace
        let process: RelanceProcess
        let stack: MailStack

        init(stack: MailStack, customers: Int, evidence: String? = nil) throws {
            self.stack = stack
            workspace = try TemporaryWorkspace("relance-crash")
            let evidenceSettings = evidence ?? """
                archive_bcc = "\(stack.address("t15"))"
                evidence_delay_seconds = 1

                \(IntegrationConfiguration.imap(stack, user: "t15", section: "archive_imap", credential: "archive-password"))
                """
            try workspace.write("relance.toml", IntegrationConfiguration.toml(sender: stack.address("t14"), creditorSettings: evidenceSettings,
                                                                                 smtp: IntegrationConfiguration.submission(stack, user: "t14")))
            let rows = (1...customers).map { "C\($0);Client \($0);t16+c\($0)@\(stack.domain);F-\($0);01/09/2026;01/10/2026;\($0)0,00" }
            try workspace.write("drop/open.csv", (["customer;name;email;invoice;issue_date;due_date;amount"] + rows).joined(separator: "\n") + "\n")
            process = RelanceProcess(configuration: workspace.url("relance.toml"), environment: [
                SecretStore.variableName(for: "smtp-password"): stack.password,
                SecretStore.variableName(for: "archive-password"): stack.password,
            ])
        }

        /// The store as the daemon left it.
        func runtime() throws -> RelanceRuntime {
            var logger = Logger(label: "crash-test")
            logger.logLevel = .critical
            return try RelanceRuntime(configuration: try ConfigurationLoader.load(from: workspace.url("relance.toml")),
                                      clock: ManualWallClock("2026-11-30T10:00:00+01:00"), logger: logger,
                                      secrets: SecretStore(environment: process.environment))
        }

        /// The Message-ID of every reminder the store ever queued.
        func queuedMessageIDs() async throws -> [String] {
            try await runtime().store.recentEvents(of: nil, limit: 10_000)
                .filter { $0.event.kind == "message.queued" }.compactMap { $0.event.detail["message_id"] }
        }

        func events(_ kind: String) async throws -> [NewEvent] {
            try await runtime().store.recentEvents(of: nil, limit: 10_000).map(\.event).filter { $0.kind == kind }
        }

        /// How many copies of each message reached the customers' mailbox (t16).
        func deliveredCopies(of messageIDs: [String]) async throws -> [String: Int] {
            try await DeliveredCopies(stack: stack, user: "t16").delivered(messageIDs)
        }

        /// How many copies of each message are in the customers' mailbox now, without waiting
        /// (for messages that must not have arrived; ask `deliveredCopies` first for the others).
        func copiesNow(of messageIDs: [String]) async throws -> [String: Int] {
            try await DeliveredCopies(stack: stack, user: "t16").now(messageIDs)
        }
    }

    /// With an archive the sender claims its messages in batches (issue #17): the four reminders
    /// are all `sending` from the first claim, so a crash leaves the whole batch to settle, each
    /// message by its own Message-ID. `reached` is how many had reached the server at the crash.
    @Test(arguments: [
        ("before-connect:1", "the first connection", 0),
        // The second message's envelope leaves with the first one's content (PIPELINING), so its
        // claim is checked, and the process dies, before that content is written.
        ("after-claim:2", "the second message taken from the batch", 0),
        ("after-mail-from:2", "MAIL FROM of the second message", 1),
        ("after-data:3", "the server's 250 to the third message's content", 3),
        ("before-mark-sent:3", "the store update of the third message", 3),
    ])
    func aCrashAtANamedPointStillDeliversEveryReminderExactlyOnce(point: String, where _: String, reached: Int) async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(stack: stack, customers: 4)

        let crashed = try fixture.process.run(["run", "--once"], extra: [CrashPoints.variable: point])
        #expect(crashed.status == CrashPoints.exitStatus, "\(crashed.output)")
        let interrupted = try await fixture.runtime().store.interruptedSends().count
        #expect(interrupted == 4, "the whole batch is claimed before the first byte")
        let restarted = try fixture.process.run(["run", "--once"])
        #expect(restarted.status == 0, "\(restarted.output)")

        let ids = try await fixture.queuedMessageIDs()
        #expect(ids.count == 4)
        let copies = try await fixture.deliveredCopies(of: ids)
        #expect(copies.values.allSatisfy { $0 == 1 }, "copies per Message-ID: \(copies)")
        #expect(try await fixture.runtime().store.outboxCounts() == [.sent: 4])
        // Every interrupted message was settled from the archive, in the direction the point implies:
        // those the server took are found there and not sent again, the others are sent again.
        let found = try await fixture.events("message.sent").filter {
            $0.detail["evidence"] == "copy-found" && $0.detail["source"]?.contains("archive") == true
        }.count
        let requeued = try await fixture.events("message.requeued").count
        #expect(found == reached)
        #expect(requeued == interrupted - reached)
    }

    /// SIGKILL at fifty moments (a sample of 18 in the test command; `KillMoments`) of a 30-reminder batch, each then restarted and counted in the
    /// real Dovecot mailbox: while the planner is still queueing (a negative `moment`: once
    /// -moment reminders are queued), or in the middle of the sending (once the store shows
    /// `moment` messages sent, plus a random few milliseconds). The whole run takes well under a
    /// second here, so the kill follows the store, not a timer: a timer would often fire after
    /// the run ended.
    @Test(arguments: KillMoments.sample(Array(-25...(-1)), count: 8) + KillMoments.sample(Array(1...25), count: 10))
    func sigkillAtFiftyMomentsOfABatchNeverLosesNorDuplicatesAReminder(moment: Int) async throws {
        let stack = try MailStack.require()
        let sentBeforeKill = max(0, moment)
        // The whole run lasts a few tens of milliseconds: now and then it ends between the moment
        // seen in the store and the kill. Such a try proves nothing, so it is made again on a
        // fresh store (three tries); a run that is never killed still fails the test.
        var fixture = try Fixture(stack: stack, customers: 30)
        var killed = false
        for attempt in 1...3 where !killed {
            if attempt > 1 { fixture = try Fixture(stack: stack, customers: 30) }
            let observer = try fixture.runtime()
            let (daemon, _) = try fixture.process.start(["run", "--once"])
            let deadline = ContinuousClock.now + .seconds(30)
            if moment < 0 {
                let queued = -moment
                while try await observer.store.outboxCounts().values.reduce(0, +) < queued, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(2))
                }
            } else {
                while try await observer.store.outboxCounts()[.sent, default: 0] < sentBeforeKill, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(2))
                }
                try await Task.sleep(for: .microseconds(Int.random(in: 0...3_000)))
            }
            kill(daemon.processIdentifier, SIGKILL)
            daemon.waitUntilExit()
            killed = daemon.terminationReason == .uncaughtSignal
        }
        #expect(killed, "the run ended before the kill three times: the test proved nothing")

        let restarted = try fixture.process.run(["run", "--once"])
        #expect(restarted.status == 0, "\(restarted.output)")
        let ids = try await fixture.queuedMessageIDs()
        #expect(ids.count == 30)
        let copies = try await fixture.deliveredCopies(of: ids)
        #expect(copies.count == 30)
        #expect(copies.values.allSatisfy { $0 == 1 }, "killed after \(sentBeforeKill) sent, copies per Message-ID: \(copies.filter { $0.value != 1 })")
        #expect(try await fixture.runtime().store.outboxCounts() == [.sent: 30])
    }

    @Test func withoutAnEvidenceSourceAnInterruptedMessageIsHeldNotResent() async throws {
        let stack = try MailStack.require()
        let fixture = try Fixture(stack: stack, customers: 2, evidence: "")
        let crashed = try fixture.process.run(["run", "--once"], extra: [CrashPoints.variable: "before-mark-sent:1"])
        #expect(crashed.status == CrashPoints.exitStatus)
        let restarted = try fixture.process.run(["run", "--once"])
        #expect(restarted.status == 0, "\(restarted.output)")
        #expect(restarted.output.contains("held for review"))
        #expect(try await fixture.runtime().store.outboxCounts() == [.sent: 1, .held: 1])
        let held = try #require(try await fixture.events("message.held").first)
        #expect(held.summary.contains("retenu plutôt que renvoyé à l'aveugle"))
        let copies = try await fixture.deliveredCopies(of: try await fixture.queuedMessageIDs())
        #expect(copies.values.allSatisfy { $0 == 1 }, "\(copies)")
    }
}
