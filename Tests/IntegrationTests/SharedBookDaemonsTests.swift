import CurlMail
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
@testable import RelancePostgres
import RelancePostgresTesting
import RelanceTesting
import Testing

// Mailbox users: t41 sends (SMTP AUTH on 587), t42 the archive (evidence after a crash),
// t43 the customers (t43+cN@…).

/// Several `relance run` daemons on one PostgreSQL book and the real Postfix/Dovecot (issue #16):
/// killed with SIGKILL at random moments and restarted, they import the dropped file once, queue
/// each reminder once and deliver each exactly once. `RELANCE_SHARED_BOOK_REMINDERS` and
/// `RELANCE_SHARED_BOOK_KILLS` make the run longer (`scripts/shared-book-kills.sh`: 300 and 50).
@Suite(.mailStack, .serialized, .enabled(if: PostgresTestDatabase.shouldRun)) struct SharedBookDaemonsTests {
    static var reminders: Int { ProcessInfo.processInfo.environment["RELANCE_SHARED_BOOK_REMINDERS"].flatMap(Int.init) ?? 60 }
    static var kills: Int { ProcessInfo.processInfo.environment["RELANCE_SHARED_BOOK_KILLS"].flatMap(Int.init) ?? 12 }

    @Test func threeDaemonsKilledAtRandomDeliverEveryReminderExactlyOnce() async throws {
        let stack = try MailStack.require()
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let fixture = try Fixture(stack: stack, settings: settings, customers: Self.reminders, perMinute: 300)
            var daemons = try (0..<3).map { try fixture.startDaemon(index: $0) }
            let observer = try await PostgresStore.open(settings, daemonID: "observer", logger: PostgresTestDatabase.logger)
            var killed = 0
            var sentAtKills: [Int] = []
            do {
                // Kill while the work flows: a quarter during start, import and plan, the rest once
                // the sending has begun (a daemon needs a moment to start again: kills spaced so).
                var generator = SystemRandomNumberGenerator()
                while killed < Self.kills {
                    if killed == Self.kills / 4 {
                        let sending = ContinuousClock.now + .seconds(60)
                        while (try await observer.outboxCounts()[.sent] ?? 0) == 0, ContinuousClock.now < sending {
                            try await Task.sleep(for: .milliseconds(50))
                        }
                    }
                    try await Task.sleep(for: .milliseconds(Int.random(in: killed < Self.kills / 4 ? 50...400 : 200...900, using: &generator)))
                    let victim = Int.random(in: 0..<daemons.count, using: &generator)
                    kill(daemons[victim].processIdentifier, SIGKILL)
                    daemons[victim].waitUntilExit()
                    killed += 1
                    sentAtKills.append(try await observer.outboxCounts()[.sent] ?? 0)
                    daemons[victim] = try fixture.startDaemon(index: victim)
                }
                // Then let them finish: a dead daemon's claims are settled from the archive by
                // another once they expire (claim_seconds = 10).
                try await Fixture.waitUntilAllSent(Self.reminders, observer: observer, atMost: .seconds(240))
            } catch {
                for daemon in daemons { kill(daemon.processIdentifier, SIGKILL) }
                await observer.close()
                throw error
            }
            Fixture.stop(daemons)
            let counts = try await observer.outboxCounts()
            let events = try await observer.recentEvents(of: nil, limit: 100_000).map(\.event)
            let daemonsSeen = try await observer.daemons()
            await observer.close()

            #expect(counts == [.sent: Self.reminders], "outbox: \(counts); logs in \(fixture.workspace.url("logs").path)")
            let queued = events.filter { $0.kind == "message.queued" }.compactMap { $0.detail["message_id"] }
            #expect(queued.count == Self.reminders && Set(queued).count == Self.reminders, "each reminder queued once: \(queued.count)")
            #expect(events.filter { $0.kind == "import.applied" }.count == 1, "the dropped file applied once")
            #expect(try fixture.workspace.files(in: "drop").filter { $0.hasSuffix(".csv") }.isEmpty, "the file left the drop folder")
            let copies = try await fixture.deliveredCopies(of: queued)
            #expect(copies.values.allSatisfy { $0 == 1 },
                    "\(killed) kills (sent at each: \(sentAtKills)); copies per Message-ID not 1: \(copies.filter { $0.value != 1 })")
            #expect(killed == Self.kills && sentAtKills.contains { $0 > 0 && $0 < Self.reminders },
                    "some kills must fall while sending: \(sentAtKills)")
            // Every daemon that ran beat at least once: 3 first, one more per restart.
            #expect(daemonsSeen.count >= 3)
        }
    }

    /// A daemon stopped (SIGSTOP) in the middle of the work for longer than its leases and claims
    /// (6 s and 10 s here), then resumed: the others took its work over meanwhile, and what it
    /// had in hand when it froze is refused when it wakes — every reminder still arrives once.
    @Test func aDaemonPausedPastItsLeasesAndClaimsWritesNothingStaleWhenItWakes() async throws {
        let stack = try MailStack.require()
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let reminders = 40
            let fixture = try Fixture(stack: stack, settings: settings, customers: reminders, perMinute: 120, leaseSeconds: 6)
            let daemons = try (0..<3).map { try fixture.startDaemon(index: $0) }
            let observer = try await PostgresStore.open(settings, daemonID: "observer", logger: PostgresTestDatabase.logger)
            var sentAtPause = 0
            do {
                // Freeze one daemon once the sending has begun, while it most likely holds a claim.
                let started = ContinuousClock.now + .seconds(60)
                while (try await observer.outboxCounts()[.sent] ?? 0) < 3, ContinuousClock.now < started {
                    try await Task.sleep(for: .milliseconds(50))
                }
                sentAtPause = try await observer.outboxCounts()[.sent] ?? 0
                kill(daemons[0].processIdentifier, SIGSTOP)
                try await Task.sleep(for: .seconds(16))
                kill(daemons[0].processIdentifier, SIGCONT)
                try await Fixture.waitUntilAllSent(reminders, observer: observer, atMost: .seconds(180))
            } catch {
                for daemon in daemons { kill(daemon.processIdentifier, SIGCONT); kill(daemon.processIdentifier, SIGKILL) }
                await observer.close()
                throw error
            }
            Fixture.stop(daemons)
            let counts = try await observer.outboxCounts()
            let events = try await observer.recentEvents(of: nil, limit: 100_000).map(\.event)
            await observer.close()
            #expect(sentAtPause < reminders, "the pause fell after the sending: it proved nothing")
            #expect(counts == [.sent: reminders], "outbox: \(counts); logs in \(fixture.workspace.url("logs").path)")
            let queued = events.filter { $0.kind == "message.queued" }.compactMap { $0.detail["message_id"] }
            #expect(queued.count == reminders && Set(queued).count == reminders)
            let copies = try await fixture.deliveredCopies(of: queued)
            #expect(copies.values.allSatisfy { $0 == 1 }, "copies per Message-ID not 1: \(copies.filter { $0.value != 1 })")
        }
    }

    struct Fixture {
        let workspace: TemporaryWorkspace
        let process: RelanceProcess
        let stack: MailStack

        /// `perMinute`: each daemon's pace, so that the sending lasts long enough for kills and
        /// pauses to fall in it (a paced creditor's daemon claims one message at a time).
        init(stack: MailStack, settings: PostgresStoreSettings, customers: Int, perMinute: Int, leaseSeconds: Int = 60) throws {
            self.stack = stack
            workspace = try TemporaryWorkspace("relance-shared-book")
            let evidence = """
                archive_bcc = "\(stack.address("t42"))"
                evidence_delay_seconds = 1
                max_messages_per_minute = \(perMinute)

                \(IntegrationConfiguration.imap(stack, user: "t42", section: "archive_imap", credential: "archive-password"))
                """
            let store = """

                [store]
                url = "\(settings.redactedURL)"
                password_credential = "postgres-password"
                sslmode = "verify-full"
                sslrootcert = "\(settings.rootCertificatePath ?? "")"
                claim_seconds = 10
                lease_seconds = \(leaseSeconds)
                """
            try workspace.write("relance.toml", IntegrationConfiguration.toml(sender: stack.address("t41"), creditorSettings: evidence,
                                                                                 smtp: IntegrationConfiguration.submission(stack, user: "t41")) + store)
            let rows = (1...customers).map { "C\($0);Client \($0);t43+c\($0)@\(stack.domain);F-\($0);01/09/2026;01/10/2026;\($0)0,00" }
            try workspace.write("drop/open.csv", (["customer;name;email;invoice;issue_date;due_date;amount"] + rows).joined(separator: "\n") + "\n")
            try FileManager.default.createDirectory(at: workspace.url("logs"), withIntermediateDirectories: true)
            process = RelanceProcess(configuration: workspace.url("relance.toml"), environment: [
                SecretStore.variableName(for: "smtp-password"): stack.password,
                SecretStore.variableName(for: "archive-password"): stack.password,
                SecretStore.variableName(for: "postgres-password"): settings.password ?? "",
            ])
        }

        /// A `relance run` daemon, its output appended to logs/daemon-N.log (never a pipe nobody reads).
        func startDaemon(index: Int) throws -> Process {
            let daemon = Process()
            daemon.executableURL = RelanceProcess.executable
            daemon.arguments = ["run", "--config", process.configuration.path, "--now", "2026-11-30"]
            daemon.environment = ProcessInfo.processInfo.environment.merging(process.environment) { $1 }
            let log = workspace.url("logs/daemon-\(index).log")
            if !FileManager.default.fileExists(atPath: log.path) { FileManager.default.createFile(atPath: log.path, contents: nil) }
            let handle = try FileHandle(forWritingTo: log)
            try handle.seekToEnd()
            daemon.standardOutput = handle
            daemon.standardError = handle
            try daemon.run()
            return daemon
        }

        /// How many copies of each message reached the customers' mailbox (t43).
        func deliveredCopies(of messageIDs: [String]) async throws -> [String: Int] {
            try await DeliveredCopies(stack: stack, user: "t43").delivered(messageIDs, waitingAtMost: .seconds(60))
        }

        /// Waits until the outbox holds `count` messages, all sent (or the deadline passes).
        static func waitUntilAllSent(_ count: Int, observer: PostgresStore, atMost wait: Duration) async throws {
            let deadline = ContinuousClock.now + wait
            while ContinuousClock.now < deadline {
                let counts = try await observer.outboxCounts()
                if counts[.sent] == count && counts.values.reduce(0, +) == count { return }
                try await Task.sleep(for: .milliseconds(500))
            }
        }

        /// SIGTERM to each daemon (resumed first, if stopped), and wait for it to end.
        static func stop(_ daemons: [Process]) {
            for daemon in daemons {
                kill(daemon.processIdentifier, SIGCONT)
                kill(daemon.processIdentifier, SIGTERM)
                daemon.waitUntilExit()
            }
        }
    }
}
