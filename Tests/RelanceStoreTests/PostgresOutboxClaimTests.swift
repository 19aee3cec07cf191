import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// Several daemons on one PostgreSQL outbox: claims never overlap, and a delivery is recorded
/// by the daemon that claimed the message only.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresOutboxClaimTests {
    typealias F = StoreFixtures

    private func draft(_ invoice: SeededInvoice) -> MessageDraft {
        MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder", plannedOn: F.date("2026-11-23"),
                     invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                     to: invoice.emails)
    }

    /// Two daemons claim from the same outbox as fast as they can: every message is claimed by
    /// exactly one of them, and each records its own deliveries.
    @Test func twoConcurrentClaimersNeverClaimTheSameMessage() async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let first = try await PostgresStore.open(settings, daemonID: "daemon-a", logger: PostgresTestDatabase.logger)
            let second = try await PostgresStore.open(settings, daemonID: "daemon-b", logger: PostgresTestDatabase.logger)
            let outcome = await Result {
                try await first.registerCreditor(F.creditor, language: .french, at: F.time)
                let items = (1...80).map { F.item(String(format: "F-%03d", $0), customer: String(format: "C%03d", $0 % 17), open: Int64($0) * 100) }
                let invoices = try await PostgresBook(store: first).seed(items)
                let results = try await first.enqueue(invoices.map { PendingMessage(draft($0), compose: F.composed) }, at: F.time)
                let queued = Set(try results.map { try #require(try $0.get()) })
                #expect(queued.count == 80)

                let claims = try await withThrowingTaskGroup(of: (String, [Int64]).self) { group in
                    for store in [first, second] {
                        group.addTask {
                            var mine: [Int64] = []
                            while let message = try await store.claimNextMessage(now: F.time, skipping: []) {
                                mine.append(message.id)
                                try await store.markSent(message.id, at: F.time, serverReply: "250 2.0.0 Ok: \(store.daemonID)")
                            }
                            return (store.daemonID, mine)
                        }
                    }
                    var claims: [String: [Int64]] = [:]
                    for try await (daemon, ids) in group { claims[daemon] = ids }
                    return claims
                }
                let a = claims["daemon-a", default: []], b = claims["daemon-b", default: []]
                #expect(Set(a).isDisjoint(with: b))
                #expect(a.count + b.count == 80)
                #expect(Set(a).union(b) == queued)
                #expect(try await first.outboxCounts() == [.sent: 80])
                // The claimer of each message is the daemon that recorded it.
                let recorded = try await first.connection { connection in
                    var recorded: [Int64: String] = [:]
                    let rows = try await connection.query("SELECT id, claimed_by FROM message", logger: first.logger)
                    for try await (id, claimer) in rows.decode((Int64, String).self) { recorded[id] = claimer }
                    return recorded
                }
                #expect(a.allSatisfy { recorded[$0] == "daemon-a" } && b.allSatisfy { recorded[$0] == "daemon-b" })
                // One "message.sending" event per message: no message was attempted twice.
                let sending = try await first.events(of: F.creditor, kinds: ["message.sending"], since: F.time)
                #expect(sending.count == 80 && Set(sending.compactMap(\.event.messageID)) == queued)
            }
            await first.close()
            await second.close()
            try outcome.get()
        }
    }

    @Test func aDeliveryIsRecordedOnlyByTheDaemonThatClaimedTheMessage() async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let first = try await PostgresStore.open(settings, daemonID: "daemon-a", logger: PostgresTestDatabase.logger)
            let second = try await PostgresStore.open(settings, daemonID: "daemon-b", logger: PostgresTestDatabase.logger)
            let outcome = await Result {
                try await first.registerCreditor(F.creditor, language: nil, at: F.time)
                let invoice = try #require(try await PostgresBook(store: first).seed([F.item("F-1", open: 100)]).first)
                let id = try #require(try await first.enqueue(draft(invoice), at: F.time, compose: F.composed))
                #expect(try await first.claimNextMessage(now: F.time, skipping: [])?.id == id)
                #expect(try await second.claimNextMessage(now: F.time, skipping: []) == nil)
                await #expect { try await second.markSent(id, at: F.time, serverReply: "250 Ok") } throws: {
                    ($0 as? PostgresStoreError)?.code == .notClaimer
                }
                await #expect { try await second.markForRetry(id, at: F.time, retryAt: F.time, reason: "x") } throws: {
                    ($0 as? PostgresStoreError)?.code == .notClaimer
                }
                #expect(try await first.outboxCounts() == [.sending: 1])
                try await first.markSent(id, at: F.time, serverReply: "250 Ok")
                #expect(try await second.outboxCounts() == [.sent: 1])
            }
            await first.close()
            await second.close()
            try outcome.get()
        }
    }
}

extension Result where Failure == any Error {
    /// The outcome of an async body, so that the stores are closed whatever happened.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
