import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// Several daemons on one PostgreSQL book record outcomes and open the ladder's tasks at the same
/// moment: a task is closed once (the other daemon is refused, in words), a customer's call is
/// opened once. Each race is staged: the contenders are let go only once all of them wait on the
/// same lock, so they truly meet whatever the machine's speed.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresTaskConcurrencyTests {
    typealias F = StoreFixtures

    /// Two daemons' stores on one fresh database, the creditor registered and the ledger seeded,
    /// and a third session (the referee) that stages their races.
    func withTwoDaemons(_ body: (PostgresStore, PostgresStore, [SeededInvoice], PostgresStore) async throws -> Void) async throws {
        try await PostgresTestDatabase.withFreshDatabase { settings in
            let first = try await PostgresStore.open(settings, daemonID: "daemon-a", logger: PostgresTestDatabase.logger)
            let second = try await PostgresStore.open(settings, daemonID: "daemon-b", logger: PostgresTestDatabase.logger)
            let referee = try await PostgresStore.open(settings, daemonID: "referee", logger: PostgresTestDatabase.logger)
            let outcome = await Result {
                try await first.registerCreditor(F.creditor, language: .french, at: F.time)
                let items = (1...6).map { F.item(String(format: "F-%03d", $0), customer: String(format: "C%03d", $0), open: Int64($0) * 100) }
                try await body(first, second, try await PostgresBook(store: first).seed(items), referee)
            }
            await first.close()
            await second.close()
            await referee.close()
            try outcome.get()
        }
    }

    /// Runs the contenders while another transaction holds `lock`; lets them go once every one of
    /// them waits for a lock (PostgreSQL says so in pg_stat_activity), and returns how each ended.
    func race<T: Sendable>(holding lock: String, on store: PostgresStore,
                                   _ contenders: [@Sendable () async throws -> T]) async throws -> [Result<T, any Error>] {
        let running: [Task<T, any Error>] = try await store.connection { connection in
            try await connection.query("BEGIN", logger: store.logger)
            try await connection.query(PostgresQuery(unsafeSQL: lock), logger: store.logger)
            let running = contenders.map { body in Task { try await body() } }
            var waiting: Int64 = 0
            var polls = 0
            // Bounded, not timed: a contender that never reaches the lock fails the test below.
            while waiting < Int64(contenders.count), polls < 500 {
                polls += 1
                try await Task.sleep(for: .milliseconds(10))
                let rows = try await connection.query("""
                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                    """, logger: store.logger)
                for try await count in rows.decode(Int64.self) { waiting = count }
            }
            if waiting < Int64(contenders.count) {
                var sessions: [String] = []
                let rows = try await connection.query("""
                    SELECT coalesce(application_name, '') || ' ' || coalesce(state, '') || ' ' || coalesce(wait_event_type, '') || '/'
                           || coalesce(wait_event, '') || ' ' || left(coalesce(query, ''), 80)
                    FROM pg_stat_activity WHERE datname = current_database()
                    """, logger: store.logger)
                for try await session in rows.decode(String.self) { sessions.append(session) }
                Issue.record("the contenders never all waited for the lock: \(sessions)")
            }
            try await connection.query("COMMIT", logger: store.logger)
            return running
        }
        var results: [Result<T, any Error>] = []
        for task in running { results.append(await task.result) }
        return results
    }

    @Test func twoDaemonsClosingTheSameTaskAtOnceOneWinsTheOtherIsToldItIsClosed() async throws {
        try await withTwoDaemons { first, second, invoices, referee in
            let invoice = invoices[0]
            let call = try await first.openLadderTask(NewTask(creditor: F.creditor, customerID: invoice.customerID, kind: .call,
                                                              title: "Appeler", step: "phone-call", invoiceIDs: [invoice.invoiceID]),
                                                      on: F.date("2026-12-01"), at: F.time).taskID
            // Both decided on the same read, while the call was open: each decision is valid.
            func decided(_ outcome: TaskOutcome, by person: String, in store: PostgresStore) async throws -> TaskOutcomeApplication {
                let found = try await store.taskOutcomeFacts(call)
                let facts = try #require(found)
                return try TaskOutcomeDecision.decide(TaskOutcomeRequest(taskID: call, outcome: outcome, recordedBy: person, channel: .console),
                                                      facts: facts, today: F.date("2026-12-02"),
                                                      settings: TaskOutcomeSettings(language: .french), calendar: FrenchBusinessCalendar())
            }
            let done = try await decided(.done(note: "réglé au téléphone"), by: "marie", in: first)
            let promise = try await decided(.promisedToPay(on: F.date("2026-12-15")), by: "paul", in: second)
            let results = try await race(holding: "SELECT id FROM task WHERE id = \(call) FOR UPDATE", on: referee, [
                { @Sendable in try await first.applyTaskOutcome(done, at: F.time) },
                { @Sendable in try await second.applyTaskOutcome(promise, at: F.time) },
            ])
            let refusals = results.compactMap { result -> TaskOutcomeError? in
                if case .failure(let error) = result { return error as? TaskOutcomeError }
                return nil
            }
            #expect(results.filter { (try? $0.get()) != nil }.count == 1, "\(results)")
            #expect(refusals.count == 1 && refusals.first?.code == .closed, "\(results)")
            #expect(refusals.first?.message.hasPrefix("la tâche n°\u{00A0}\(call) est déjà faite") == true, "\(refusals)")
            // One outcome, one closing line, and only the winner's consequences (no promise's hold if marie won).
            #expect(try await first.recordedOutcomes(of: F.creditor, since: .distantPast).count == 1)
            #expect(try await second.events(of: F.creditor, kinds: ["task.closed"], since: .distantPast).count == 1)
            let closed = try #require(try await second.tasks(of: F.creditor, state: .done).first)
            let holds = try await first.liveHolds(of: F.creditor).filter { $0.kind == .promise }
            #expect(holds.count == (closed.outcome?.code == "promised" ? 1 : 0))
        }
    }

    @Test func twoPlannersOpeningACustomersCallAtOnceOpenItOnce() async throws {
        try await withTwoDaemons { first, second, invoices, referee in
            let calls = invoices.map { invoice in
                NewTask(creditor: F.creditor, customerID: invoice.customerID, kind: .call, title: "Appeler \(invoice.number)",
                        step: "phone-call", invoiceIDs: [invoice.invoiceID])
            }
            @Sendable func plan(_ store: PostgresStore) async throws -> [LadderTaskChange] {
                var changes: [LadderTaskChange] = []
                for call in calls { changes.append(try await store.openLadderTask(call, on: F.date("2026-12-01"), at: F.time)) }
                return changes
            }
            let results = try await race(holding: "SELECT pg_advisory_xact_lock(hashtext('task-opening:acme'))", on: referee, [
                { @Sendable in try await plan(first) }, { @Sendable in try await plan(second) },
            ])
            let changes = try results.map { try $0.get() }
            let opened = changes.flatMap { $0 }.filter { if case .opened = $0 { true } else { false } }
            let unchanged = changes.flatMap { $0 }.filter { if case .unchanged = $0 { true } else { false } }
            #expect(opened.count == invoices.count && unchanged.count == invoices.count, "\(changes)")
            #expect(Set(opened.map(\.taskID)) == Set(unchanged.map(\.taskID)))
            let open = try await first.tasks(of: F.creditor, state: .open)
            #expect(open.count == invoices.count && Set(open.compactMap(\.customerID)) == Set(invoices.map(\.customerID)))
            #expect(try await second.events(of: F.creditor, kinds: ["task.opened"], since: .distantPast).count == invoices.count)
        }
    }

    /// The same wrong address seen by two daemons at once (a bounce each): one task, found by both.
    @Test func twoDaemonsOpeningTheSameDedupKeyedTaskAtOnceOpenItOnce() async throws {
        try await withTwoDaemons { first, second, _, referee in
            let task = NewTask(creditor: F.creditor, customerID: nil, kind: .fixConfiguration, title: "Vérifier le mot de passe SMTP",
                               dedupKey: "smtp-auth")
            let results = try await race(holding: "SELECT pg_advisory_xact_lock(hashtext('task-opening:acme'))", on: referee, [
                { @Sendable in try await first.openTask(task, at: F.time) }, { @Sendable in try await second.openTask(task, at: F.time) },
            ])
            let opened = try results.map { try $0.get() }
            #expect(opened.filter(\.isNew).count == 1 && Set(opened.map(\.id)).count == 1, "\(opened)")
            #expect(try await first.tasks(of: F.creditor, state: .open).count == 1)
        }
    }
}
