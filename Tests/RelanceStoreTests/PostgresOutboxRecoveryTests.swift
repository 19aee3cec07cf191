import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// A daemon dies mid-send with PostgreSQL shared by two: its claims are recovered by the other
/// once their lease has expired — from the evidence, never sent blindly — and a claim still
/// leased is never touched, whoever asks.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresOutboxRecoveryTests {
    typealias F = StoreFixtures

    private func draft(_ invoice: SeededInvoice) -> MessageDraft {
        MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder", plannedOn: F.date("2026-11-23"),
                     invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                     to: invoice.emails)
    }

    /// Daemons A and B on one fresh database, three reminders queued.
    private func withTwoDaemons(_ body: (PostgresStore, PostgresStore, [Int64]) async throws -> Void) async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let a = try await PostgresStore.open(settings, daemonID: "daemon-a", logger: PostgresTestDatabase.logger)
            let b = try await PostgresStore.open(settings, daemonID: "daemon-b", logger: PostgresTestDatabase.logger)
            let outcome = await Result {
                try await a.registerCreditor(F.creditor, language: nil, at: F.time)
                let invoices = try await PostgresBook(store: a).seed([
                    F.item("F-1", customer: "C001", open: 100), F.item("F-2", customer: "C002", open: 200), F.item("F-3", customer: "C003", open: 300),
                ])
                let results = try await a.enqueue(invoices.map { PendingMessage(draft($0), compose: F.composed) }, at: F.time)
                try await body(a, b, try results.map { try #require(try $0.get()) })
            }
            await a.close()
            await b.close()
            try outcome.get()
        }
    }

    /// What the database says of a message: its state, claimer and attempts.
    private func claim(of id: Int64, in store: PostgresStore) async throws -> (state: String, claimer: String?, attempts: Int64) {
        try await store.connection { connection in
            let rows = try await connection.query("SELECT state, claimed_by, attempts FROM message WHERE id = \(id)", logger: store.logger)
            for try await row in rows.decode((String, String?, Int64).self) { return row }
            throw PostgresStoreError(.notFound, "no message #\(id)")
        }
    }

    /// The lease runs out (five minutes in real life): A is dead, or paused past it.
    private func expireClaims(of daemon: String, in store: PostgresStore) async throws {
        try await store.connection { connection in
            try await connection.query("""
                UPDATE message SET claim_expires_at = clock_timestamp() - interval '1 second' WHERE claimed_by = \(daemon)
                """, logger: store.logger)
        }
    }

    @Test func anExpiredClaimOfADeadDaemonIsRecoveredByAnotherFromTheEvidence() async throws {
        try await withTwoDaemons { a, b, ids in
            // A claims a batch of two, sends the first, and dies before recording anything.
            let batch = try await a.claimMessages(now: F.time, skipping: [], limit: 2)
            #expect(batch.map(\.id) == [ids[0], ids[1]])
            try await expireClaims(of: "daemon-a", in: a)

            let interrupted = try await b.interruptedSends()
            #expect(interrupted.map(\.id) == [ids[0], ids[1]])
            #expect(interrupted.map(\.messageID) == ["<relance.\(ids[0])@acme.example>", "<relance.\(ids[1])@acme.example>"])
            #expect(interrupted.allSatisfy { $0.attemptStartedAt == F.time })
            // Taken over: B holds them now (a new lease), so nobody else recovers them meanwhile…
            #expect(try await claim(of: ids[0], in: a).claimer == "daemon-b")
            #expect(try await a.interruptedSends().isEmpty)
            // …and A, waking up, cannot record what it may or may not have sent.
            await #expect { try await a.markSent(ids[0], at: F.time, serverReply: "250 Ok") } throws: {
                ($0 as? PostgresStoreError)?.code == .notClaimer
            }

            // The archive holds the first (found → sent), not the second (→ queued again).
            try await b.confirmSent(ids[0], at: F.time, evidence: .copyFound(messageID: interrupted[0].messageID, source: "the archive"))
            try await b.requeueUnsent(ids[1], at: F.time, evidence: .noCopy(messageID: interrupted[1].messageID, source: "the archive",
                                                                                afterSeconds: 120))
            #expect(try await claim(of: ids[0], in: a) == ("sent", "daemon-b", 1))
            #expect(try await claim(of: ids[1], in: a) == ("queued", nil, 1))
            #expect(try await a.outboxCounts() == [.sent: 1, .queued: 2])
            let sent = try #require(try await a.events(of: F.creditor, kinds: ["message.sent"], since: F.time).first)
            #expect(sent.event.messageID == ids[0] && sent.event.detail["evidence"] == "copy-found")

            // The requeued one goes out again once, through an ordinary claim.
            let again = try await b.claimMessages(now: F.time, skipping: [], limit: 5)
            #expect(again.map(\.id) == [ids[1], ids[2]])
            #expect(again.first?.attempts == 2)
        }
    }

    @Test func aClaimStillLeasedIsNeverTouchedByRecovery() async throws {
        try await withTwoDaemons { a, b, ids in
            let claimed = try #require(try await a.claimNextMessage(now: F.time, skipping: []))
            #expect(claimed.id == ids[0])
            // A is alive and sending: B finds nothing to recover, and none of its decisions passes.
            #expect(try await b.interruptedSends().isEmpty)
            let evidence = InterruptionEvidence.copyFound(messageID: claimed.messageID, source: "the archive")
            for decide in [
                { try await b.confirmSent(ids[0], at: F.time, evidence: evidence) },
                { try await b.requeueUnsent(ids[0], at: F.time, evidence: .noCopy(messageID: claimed.messageID, source: "the archive",
                                                                                   afterSeconds: 120)) },
                { try await b.holdForReview(ids[0], at: F.time, reason: .noEvidenceSource) },
                { try await b.markDelivered(ids[0], at: F.time, serverReply: "250 Ok", recipients: [], copyToSent: false) },
            ] as [@Sendable () async throws -> Void] {
                await #expect { try await decide() } throws: { ($0 as? PostgresStoreError)?.code == .notClaimer }
            }
            // A's own recovery leaves it alone too: its claim is live.
            #expect(try await a.interruptedSends().isEmpty)
            #expect(try await claim(of: ids[0], in: a) == ("sending", "daemon-a", 1))
            #expect(try await a.events(of: F.creditor, kinds: ["message.sent", "message.requeued", "message.held"], since: F.time).isEmpty)
            // A records its delivery as usual.
            try await a.markDelivered(ids[0], at: F.time, serverReply: "250 Ok", recipients: [], copyToSent: false)
            #expect(try await claim(of: ids[0], in: a) == ("sent", "daemon-a", 1))
        }
    }

    /// A wakes past its claims, which B took over meanwhile, and puts back the message it had not
    /// sent (its hand-over deadline passed): that message is B's now, so the put-back changes
    /// nothing, and it does not undo A's own put-back of a message still its own.
    @Test func aPutBackOfAMessageAnotherDaemonTookOverChangesNothing() async throws {
        try await withTwoDaemons { a, b, ids in
            let batch = try await a.claimMessages(now: F.time, skipping: [], limit: 2)
            #expect(batch.map(\.id) == [ids[0], ids[1]])
            try await store(a, runs: "UPDATE message SET claim_expires_at = clock_timestamp() - interval '1 second' WHERE id = \(ids[0])")
            #expect(try await b.interruptedSends().map(\.id) == [ids[0]])

            let next = try await a.settleBatch(delivered: [], unclaimed: [ids[0], ids[1]], at: F.time, claimingNext: 0, skipping: [])
            #expect(next.isEmpty)
            #expect(try await claim(of: ids[0], in: a) == ("sending", "daemon-b", 1))
            #expect(try await claim(of: ids[1], in: a) == ("queued", nil, 0))
            let unclaimed = try await a.events(of: F.creditor, kinds: ["message.unclaimed"], since: F.time)
            #expect(unclaimed.map(\.event.messageID) == [ids[1]])
        }
    }

    private func store(_ store: PostgresStore, runs sql: String) async throws {
        try await store.connection { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: store.logger)
        }
    }

    @Test func twoDaemonsRecoveringAtOnceTakeEachExpiredClaimOnce() async throws {
        try await withTwoDaemons { a, b, ids in
            _ = try await a.claimMessages(now: F.time, skipping: [], limit: 3)
            try await expireClaims(of: "daemon-a", in: a)
            async let first = a.interruptedSends()
            async let second = b.interruptedSends()
            let (found, other) = try await (first, second)
            #expect(Set(found.map(\.id)).isDisjoint(with: other.map(\.id)))
            #expect(Set(found.map(\.id)).union(other.map(\.id)) == Set(ids))
        }
    }
}
