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
                let fixture = try SharedBookFixture(stack: stack, settings: settings, customers: Self.reminders, perMinute: Self.perMinute, bouncing: 10)
                var daemons = try (0..<3).map { try fixture.startDaemon(index: $0) }
                let observer = try await PostgresStore.open(settings, daemonID: "observer", logger: PostgresTestDatabase.logger, runningOn: Self.killer)
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
                    try await SharedBookFixture.waitUntilAllSent(Self.reminders, observer: observer, atMost: .seconds(240))
                    try await fixture.waitUntilBouncesRead(observer: observer, atMost: .seconds(120))
                } catch {
                    for daemon in daemons { kill(daemon.processIdentifier, SIGKILL) }
                    await observer.close()
                    throw error
                }
                SharedBookFixture.stop(daemons)
                let counts = try await observer.outboxCounts()
                let events = try await observer.recentEvents(of: nil, limit: 100_000).map(\.event)
                let daemonsSeen = try await observer.daemons()
                let tasks = try await observer.tasks(of: SharedBookFixture.creditor, state: nil)
                let invalid = try await observer.invalidAddresses(of: SharedBookFixture.creditor)

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
                let fixture = try SharedBookFixture(stack: stack, settings: settings, customers: reminders, perMinute: 120, leaseSeconds: 6)
                let daemons = try (0..<3).map { try fixture.startDaemon(index: $0) }
                let observer = try await PostgresStore.open(settings, daemonID: "observer", logger: PostgresTestDatabase.logger, runningOn: Self.killer)
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
                    try await SharedBookFixture.waitUntilAllSent(reminders, observer: observer, atMost: .seconds(180))
                } catch {
                    for daemon in daemons { kill(daemon.processIdentifier, SIGCONT); kill(daemon.processIdentifier, SIGKILL) }
                    await observer.close()
                    throw error
                }
                SharedBookFixture.stop(daemons)
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
}
