import CurlMail
import Foundation
import Logging
import RelanceCore
import RelanceDaemon
import PostgresNIO
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// A SQLite book whose daemon died in the middle of a batch, moved to PostgreSQL with
/// `relance store copy`, and recovered there: the archive on the real Dovecot decides each
/// interrupted reminder by its Message-ID, on PostgreSQL's outbox (issue #16), and nothing the
/// server already took is sent again.
@Suite(.mailStack, .serialized, .enabled(if: PostgresTestDatabase.shouldRun)) struct MovedBookRecoveryTests {
    @Test func interruptedSendsOfAMovedBookAreSettledFromTheArchiveOnPostgreSQL() async throws {
        let stack = try MailStack.require()
        let fixture = try OutboxCrashTests.Fixture(stack: stack, customers: 4)
        // The server took three of the four reminders of the batch, then the daemon died.
        let crashed = try fixture.process.run(["run", "--once"], extra: [CrashPoints.variable: "after-data:3"])
        #expect(crashed.status == CrashPoints.exitStatus, "\(crashed.output)")
        let ids = try await fixture.queuedMessageIDs()
        #expect(ids.count == 4)
        let configuration = try ConfigurationLoader.load(from: fixture.workspace.url("relance.toml"))
        var logger = Logger(label: "moved-book-recovery")
        logger.logLevel = .critical

        let (taken, notTaken) = try await PostgresTestDatabase.withFreshDatabase { settings in
            let copied = try await StoreMove.copy(sqliteFile: configuration.storeFile,
                                                  into: PostgresStoreConfiguration(settings: settings, passwordCredential: nil),
                                                  secrets: SecretStore(environment: [:]), logger: logger)
            #expect(copied.tables.contains { $0.name == "message" && $0.rows == 4 })
            let store = try await PostgresStore.open(settings, daemonID: "moved-daemon", logger: logger)
            let outcome: Result<([String], [String]), any Error>
            do {
                // Read beneath the port: `interruptedSends` takes the expired claims over (for five
                // minutes) and is the recovery's own first step.
                #expect(try await store.outboxCounts() == [.sending: 4], "the whole batch was claimed before the first byte")
                let interrupted = try await Self.sendingMessages(store)
                let recovery = InterruptedSendRecovery(
                    store: store, settings: Dictionary(uniqueKeysWithValues: configuration.creditors.map { ($0.id, $0.sending) }),
                    secrets: SecretStore(environment: fixture.process.environment), clock: SystemWallClock(), logger: logger)
                let report = try await recovery.run()
                #expect(report.confirmedSent.count == 3 && report.requeued.count == 1, "\(report)")
                #expect(report.held.isEmpty && report.undecided.isEmpty)
                #expect(try await store.outboxCounts() == [.sent: 3, .queued: 1])
                let journal = try await store.recentEvents(of: nil, limit: 1_000).map(\.event)
                let found = journal.filter { $0.kind == "message.sent" && $0.detail["evidence"] == "copy-found" }
                #expect(found.count == 3 && found.allSatisfy { $0.detail["source"]?.contains("archive") == true })
                #expect(journal.filter { $0.kind == "message.requeued" }.count == 1)
                // A second recovery (another daemon starting) finds nothing left to decide.
                #expect(try await store.interruptedSends().isEmpty)
                #expect(Set(interrupted.map(\.id)) == Set(report.confirmedSent + report.requeued))
                let confirmed = Set(report.confirmedSent)
                outcome = .success((interrupted.filter { confirmed.contains($0.id) }.map(\.messageID),
                                    interrupted.filter { !confirmed.contains($0.id) }.map(\.messageID)))
            } catch {
                outcome = .failure(error)
            }
            await store.close()
            return try outcome.get()
        }
        // The three the server took arrived once each; the fourth, queued again, never arrived.
        let copies = try await fixture.deliveredCopies(of: taken)
        #expect(copies.count == 3 && copies.values.allSatisfy { $0 == 1 }, "copies per Message-ID: \(copies)")
        #expect(Set(taken + notTaken) == Set(ids) && notTaken.count == 1)
        let never = try await fixture.copiesNow(of: notTaken)
        #expect(never.count == 1 && never.values.allSatisfy { $0 == 0 }, "\(never)")
    }

    /// The messages left `sending`, by id and Message-ID, read without claiming them.
    static func sendingMessages(_ store: PostgresStore) async throws -> [(id: Int64, messageID: String)] {
        try await store.connection { connection in
            var messages: [(id: Int64, messageID: String)] = []
            let rows = try await connection.query("SELECT id, rfc_message_id FROM message WHERE state = 'sending' ORDER BY id",
                                                  logger: store.logger)
            for try await (id, messageID) in rows.decode((Int64, String).self) { messages.append((id, messageID)) }
            return messages
        }
    }
}
