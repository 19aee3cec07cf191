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
    /// Each daemon's pace (messages a minute); 0 sends unpaced, the daemons claiming in batches.
    static var perMinute: Int { ProcessInfo.processInfo.environment["RELANCE_SHARED_BOOK_PER_MINUTE"].flatMap(Int.init) ?? 300 }

    @Test func threeDaemonsKilledAtRandomDeliverEveryReminderExactlyOnce() async throws {
        let stack = try MailStack.require()
        // The kills follow the outbox's progress: the test must wake when the daemons send, not
        // when the cooperative pool, busy with the other tests, has a thread free.
        try await withTaskExecutorPreference(Self.killer) {
            try await PostgresTestDatabase.withFreshDatabase { settings in
                let fixture = try Fixture(stack: stack, settings: settings, customers: Self.reminders, perMinute: Self.perMinute, bouncing: 10)
                var daemons = try (0..<3).map { try fixture.startDaemon(index: $0) }
                let observer = try await PostgresStore.open(settings, daemonID: "observer", logger: PostgresTestDatabase.logger)
                var killed = 0
                var sentAtKills: [Int] = []
                do {
                    // Kill while the work flows: a quarter during start, import and plan, the rest spread
                    // over the sending by its progress (the k-th waits for k/(rest+1) of the reminders
                    // sent), so that kills fall in the sending whatever its pace on a loaded machine.
                    var generator = SystemRandomNumberGenerator()
                    let early = Self.kills / 4
                    while killed < Self.kills {
                        if killed < early {
                            try await Task.sleep(for: .milliseconds(Int.random(in: 50...400, using: &generator)))
                        } else {
                            let target = Self.reminders * (killed - early + 1) / (Self.kills - early + 1)
                            try await fixture.waitUntilSent(atLeast: target, observer: observer, atMost: .seconds(60))
                            try await Task.sleep(for: .milliseconds(Int.random(in: 0...300, using: &generator)))
                        }
                        let victim = Int.random(in: 0..<daemons.count, using: &generator)
                        kill(daemons[victim].processIdentifier, SIGKILL)
                        daemons[victim].waitUntilExit()
                        killed += 1
                        sentAtKills.append(try await fixture.sentCount(observer))
                        daemons[victim] = try fixture.startDaemon(index: victim)
                    }
                    // Then let them finish: a dead daemon's claims are settled from the archive by
                    // another once they expire (claim_seconds = 10), and the bounces are read.
                    try await Fixture.waitUntilAllSent(Self.reminders, observer: observer, atMost: .seconds(240))
                    try await fixture.waitUntilBouncesRead(observer: observer, atMost: .seconds(120))
                } catch {
                    for daemon in daemons { kill(daemon.processIdentifier, SIGKILL) }
                    await observer.close()
                    throw error
                }
                Fixture.stop(daemons)
                let counts = try await observer.outboxCounts()
                let events = try await observer.recentEvents(of: nil, limit: 100_000).map(\.event)
                let daemonsSeen = try await observer.daemons()
                let tasks = try await observer.tasks(of: Fixture.creditor, state: nil)
                let invalid = try await observer.invalidAddresses(of: Fixture.creditor)

                #expect(counts == [.sent: Self.reminders], "outbox: \(counts); logs in \(fixture.workspace.url("logs").path)")
                let queued = events.filter { $0.kind == "message.queued" }.compactMap { $0.detail["message_id"] }
                #expect(queued.count == Self.reminders && Set(queued).count == Self.reminders, "each reminder queued once: \(queued.count)")
                #expect(events.filter { $0.kind == "import.applied" }.count == 1, "the dropped file applied once")
                #expect(fixture.workspace.files(in: "drop").filter { $0.hasSuffix(".csv") }.isEmpty, "the file left the drop folder")
                // Every reminder to a real mailbox arrived once; each one to an address that does not exist
                // came back as a bounce, which was acted on once: one call task, the address marked invalid.
                let bouncedCustomers = try await fixture.bouncedCustomerIDs(observer)
                await observer.close()
                let delivered = events.filter { $0.kind == "message.queued" && !bouncedCustomers.keys.contains($0.customerID ?? -1) }
                    .compactMap { $0.detail["message_id"] }
                #expect(delivered.count == Self.reminders - fixture.bounced.count)
                let copies = try await fixture.deliveredCopies(of: delivered)
                #expect(copies.values.allSatisfy { $0 == 1 },
                        "\(killed) kills (sent at each: \(sentAtKills)); copies per Message-ID not 1: \(copies.filter { $0.value != 1 })")
                let calls = tasks.filter { $0.kind == .call && $0.detail["bounced_address"] != nil }
                #expect(calls.count == fixture.bounced.count && Set(calls.compactMap { $0.detail["bounced_address"] }) == Set(bouncedCustomers.values),
                        "call tasks for the bounced addresses: \(calls.map { $0.detail["bounced_address"] ?? "" })")
                #expect(Set(invalid.map(\.address.value)) == Set(bouncedCustomers.values) && invalid.count == fixture.bounced.count)
                #expect(killed == Self.kills && sentAtKills.contains { $0 > 0 && $0 < Self.reminders },
                        "some kills must fall while sending: \(sentAtKills)")
                // Every daemon that ran beat at least once: 3 first, one more per restart.
                #expect(daemonsSeen.count >= 3)
            }
        }
    }

    /// A daemon stopped (SIGSTOP) in the middle of the work for longer than its leases and claims
    /// (6 s and 10 s here), then resumed: the others took its work over meanwhile, and what it
    /// had in hand when it froze is refused when it wakes — every reminder still arrives once.
    @Test func aDaemonPausedPastItsLeasesAndClaimsWritesNothingStaleWhenItWakes() async throws {
        let stack = try MailStack.require()
        try await withTaskExecutorPreference(Self.killer) {
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
    }

    /// Where the tests' kills and pauses are decided (see `DedicatedThreadExecutor`).
    static let killer = DedicatedThreadExecutor(label: "relance.tests.shared-book")

    struct Fixture {
        static let creditor = CreditorID("acme")!
        let workspace: TemporaryWorkspace
        let process: RelanceProcess
        let stack: MailStack
        /// The customers (by number) whose address does not exist: their reminders bounce.
        let bounced: Set<Int>

        /// `perMinute`: each daemon's pace, so that the sending lasts long enough for kills and
        /// pauses to fall in it (a paced creditor's daemon claims one message at a time); 0: unpaced.
        /// `bouncing`: one customer in that many has an address Postfix does not know; its DSN comes
        /// back to the creditor's mailbox (t41, VERP), which the daemons poll every 10 s.
        init(stack: MailStack, settings: PostgresStoreSettings, customers: Int, perMinute: Int, leaseSeconds: Int = 60,
             bouncing oneIn: Int? = nil) throws {
            self.stack = stack
            workspace = try TemporaryWorkspace("relance-shared-book")
            let bounced = Set((1...customers).filter { customer in oneIn.map { customer % $0 == 0 } ?? false })
            self.bounced = bounced
            try MailboxPollIntegrationTests.empty("t41", folders: ["INBOX"], remove: ["Relance"], stack: stack)
            let evidence = """
                archive_bcc = "\(stack.address("t42"))"
                evidence_delay_seconds = 1
                \(perMinute > 0 ? "max_messages_per_minute = \(perMinute)" : "")
                bounce_address = "\(stack.address("t41"))"
                verp = true

                \(IntegrationConfiguration.imap(stack, user: "t42", section: "archive_imap", credential: "archive-password"))

                \(IntegrationConfiguration.imap(stack, user: "t41", extra: """
                    move_handled_to = "Relance"
                    poll_interval_seconds = 10
                    """))
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
            let rows = (1...customers).map { "C\($0);Client \($0);\(Self.address(of: $0, bounced: bounced, stack: stack));F-\($0);01/09/2026;01/10/2026;\($0)0,00" }
            try workspace.write("drop/open.csv", (["customer;name;email;invoice;issue_date;due_date;amount"] + rows).joined(separator: "\n") + "\n")
            try FileManager.default.createDirectory(at: workspace.url("logs"), withIntermediateDirectories: true)
            process = RelanceProcess(configuration: workspace.url("relance.toml"), environment: [
                SecretStore.variableName(for: "smtp-password"): stack.password,
                SecretStore.variableName(for: "archive-password"): stack.password,
                SecretStore.variableName(for: "imap-password"): stack.password,
                SecretStore.variableName(for: "postgres-password"): settings.password ?? "",
            ])
        }

        static func address(of customer: Int, bounced: Set<Int>, stack: MailStack) -> String {
            bounced.contains(customer) ? "nobody-shared-book-c\(customer)@\(stack.domain)" : "t43+c\(customer)@\(stack.domain)"
        }

        /// The bounced customers' ids in the book, with their address.
        func bouncedCustomerIDs(_ observer: PostgresStore) async throws -> [Int64: String] {
            var ids: [Int64: String] = [:]
            for customer in bounced {
                let id = try #require(try await observer.customerID(external: "C\(customer)", of: Self.creditor))
                ids[id] = Self.address(of: customer, bounced: bounced, stack: stack)
            }
            return ids
        }

        func sentCount(_ observer: PostgresStore) async throws -> Int {
            try await observer.outboxCounts()[.sent] ?? 0
        }

        /// Waits until at least `count` reminders are sent (or the deadline passes: a kill then
        /// falls wherever the work is).
        func waitUntilSent(atLeast count: Int, observer: PostgresStore, atMost wait: Duration) async throws {
            let deadline = ContinuousClock.now + wait
            while try await sentCount(observer) < count, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
        }

        /// Waits until every bounce is recorded, then one poll interval more, so that a bounce
        /// recorded twice would show.
        func waitUntilBouncesRead(observer: PostgresStore, atMost wait: Duration) async throws {
            guard !bounced.isEmpty else { return }
            let deadline = ContinuousClock.now + wait
            while ContinuousClock.now < deadline {
                let events = try await observer.recentEvents(of: Self.creditor, limit: 100_000).map(\.event)
                if events.filter({ $0.kind == "mail.received" && $0.detail["kind"] == "bounce" }).count >= bounced.count { break }
                try await Task.sleep(for: .seconds(1))
            }
            try await Task.sleep(for: .seconds(12))
        }

        /// A `relance run` daemon, its output appended to logs/daemon-N.log (never a pipe nobody reads).
        func startDaemon(index: Int) throws -> Process {
            let daemon = Process()
            daemon.executableURL = RelanceProcess.executable
            daemon.arguments = ["run", "--config", process.configuration.path, "--now", "2026-11-30"]
            daemon.environment = ProcessInfo.processInfo.environment.merging(process.environment) { $1 }
            let log = workspace.url("logs/daemon-\(index).log")
            if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
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
