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
            let fixture = try SharedBookFixture(stack: stack, settings: settings, customers: Self.reminders, perMinute: 300)
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
                try await SharedBookFixture.waitUntilAllSent(Self.reminders, observer: observer, atMost: .seconds(240))
            } catch {
                for daemon in daemons { kill(daemon.processIdentifier, SIGKILL) }
                await observer.close()
                throw error
            }
            SharedBookFixture.stop(daemons)
            let daemonsSeen = try await observer.daemons()
            let outcome = try await fixture.outcome(observer: observer)
            await observer.close()

            #expect(outcome.counts == [.sent: Self.reminders], "outbox: \(outcome.counts); logs in \(fixture.workspace.url("logs").path)")
            #expect(outcome.queued.count == Self.reminders && Set(outcome.queued).count == Self.reminders,
                    "each reminder queued once: \(outcome.queued.count)")
            #expect(outcome.importsApplied == 1, "the dropped file applied once")
            #expect(outcome.filesLeftInDrop.isEmpty, "the file left the drop folder")
            #expect(outcome.copies.values.allSatisfy { $0 == 1 },
                    "\(killed) kills (sent at each: \(sentAtKills)); copies per Message-ID not 1: \(outcome.copies.filter { $0.value != 1 })")
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
            let fixture = try SharedBookFixture(stack: stack, settings: settings, customers: reminders, perMinute: 120, leaseSeconds: 6)
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
                try await SharedBookFixture.waitUntilAllSent(reminders, observer: observer, atMost: .seconds(180))
            } catch {
                for daemon in daemons { kill(daemon.processIdentifier, SIGCONT); kill(daemon.processIdentifier, SIGKILL) }
                await observer.close()
                throw error
            }
            SharedBookFixture.stop(daemons)
            let outcome = try await fixture.outcome(observer: observer)
            await observer.close()
            #expect(sentAtPause < reminders, "the pause fell after the sending: it proved nothing")
            #expect(outcome.counts == [.sent: reminders], "outbox: \(outcome.counts); logs in \(fixture.workspace.url("logs").path)")
            #expect(outcome.queued.count == reminders && Set(outcome.queued).count == reminders)
            #expect(outcome.copies.values.allSatisfy { $0 == 1 }, "copies per Message-ID not 1: \(outcome.copies.filter { $0.value != 1 })")
        }
    }
}
