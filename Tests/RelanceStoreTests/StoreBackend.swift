import Foundation
import GRDB
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
@testable import RelanceStore
import Testing

/// The backends a port's tests run against, as Swift Testing arguments: the same test, both
/// stores. PostgreSQL joins when its test cluster is there (always under RELANCE_REQUIRE_POSTGRES=1).
enum StoreBackend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    static var all: [StoreBackend] { PostgresTestDatabase.shouldRun ? [.sqlite, .postgresql] : [.sqlite] }

    var testDescription: String { rawValue }

    /// A fresh book with the creditor of the fixtures registered, handed to `body`; for
    /// PostgreSQL on a database of its own, dropped afterwards.
    func withBook(_ body: (any BookUnderTest) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            try await body(SQLiteBook(store: try await StoreFixtures.freshStore()))
        case .postgresql:
            try await PostgresTestDatabase.withStore { store in
                try await store.registerCreditor(StoreFixtures.creditor, language: nil, at: StoreFixtures.time)
                try await body(PostgresBook(store: store))
            }
        }
    }
}

/// An invoice as a test needs it to write a reminder: its ids, number, open amount and addresses.
struct SeededInvoice: Sendable {
    var invoiceID: Int64
    var customerID: Int64
    var number: String
    var open: Money
    var emails: [EmailAddress]
}

/// A task as the tests look at it, whichever the store.
struct BookTask: Sendable, Hashable {
    var kind: WorkTask.Kind
    var state: WorkTask.State
    var title: String
    var customerID: Int64? = nil
    var detail: [String: String] = [:]
}

/// What the outbox and journal tests need of a book beyond the ports under test: a ledger to
/// remind about, which both stores get through their import (`importSnapshot`).
protocol BookUnderTest: Sendable {
    /// The imports and the receivables they leave.
    var receivables: any ReceivablesStore & ImportReviewStore { get }
    var correctedAddresses: any CorrectedAddressStore { get }
    var profiles: any CustomerProfileStore { get }
    var outbox: any OutboxStore { get }
    var batches: any OutboxBatchStore { get }
    var recovery: any OutboxRecoveryStore { get }
    var journal: any EventJournal { get }
    /// The daemon sending the book's `sending` messages dies: SQLite's single daemon restarts
    /// (nothing to change), PostgreSQL's claims are left by another daemon and have expired.
    func claimerDied() async throws
    var review: any MessageReviewStore { get }
    var inspection: any MessageInspectionStore { get }
    var mailLog: any MailLogStore { get }
    var inbound: any InboundStore { get }
    /// The kinds of the creditor's live customer holds, oldest first.
    func liveHoldKinds() async throws -> [CustomerHold.Kind]
    /// A message read from the mailbox, stored as the inbound port stores it (no effects); its id.
    func receive(_ record: InboundRecord, at time: Date) async throws -> Int64
    /// The tasks in `state` (all when nil), oldest first: their kind, state and title.
    func tasks(_ state: WorkTask.State?) async throws -> [BookTask]
    /// The ledger's first snapshot: these open items (customers created on the way).
    func seed(_ items: [OpenItem]) async throws -> [SeededInvoice]
    /// A later authoritative snapshot: invoices absent from it are settled, amounts changed.
    func reimport(_ items: [OpenItem]) async throws
    /// The steps an invoice has reached (live messages), oldest first.
    func stepsReached(_ number: String) async throws -> [String]
    /// Whether `error` is the store refusing an operation on a message in the wrong state.
    func isInvalidState(_ error: any Error) -> Bool
    // The people's half of the book.
    var taskStore: any TaskStore { get }
    var outcomes: any TaskOutcomeStore { get }
    var people: any CustomerStateStore { get }
    var doNotRemind: any DoNotRemindStore { get }
    var taskReport: any TaskReportStore { get }
    var planning: any PlanningFactsStore { get }
    /// The bank's half: statements, payments, receipts.
    var bank: any BankPaymentStore & BankReceiptStore { get }
    /// The creditor's language, as the configuration registers it at start.
    func register(language: Language) async throws
    /// One statement of the store's own SQL, as a test that checks a constraint writes it.
    func execute(_ sql: String) async throws
    /// The rows of a query of the store's own SQL whose one column is text (NULL as "∅").
    func texts(_ sql: String) async throws -> [String]
    /// Whether `error` is the store saying that what was asked for does not exist.
    func isNotFound(_ error: any Error) -> Bool
}

extension BookUnderTest {
    /// Through the import port, on both stores.
    func seed(_ items: [OpenItem]) async throws -> [SeededInvoice] {
        _ = try await receivables.importSnapshot(StoreFixtures.file("a.csv"), StoreFixtures.snapshot(items), at: StoreFixtures.time)
        return try await receivables.openReceivables(of: StoreFixtures.creditor).sorted { $0.number < $1.number }.map {
            SeededInvoice(invoiceID: $0.invoiceID, customerID: $0.customer.id, number: $0.number, open: $0.open, emails: $0.customer.emails)
        }
    }

    func reimport(_ items: [OpenItem]) async throws {
        _ = try await receivables.importSnapshot(StoreFixtures.file("b.csv", sha: "b"), StoreFixtures.snapshot(items, asOf: "2026-11-21"),
                                                 at: StoreFixtures.time)
    }

    /// The customer's phone numbers, as the contacts file gives them.
    func setPhones(_ phones: [String], of customerID: Int64) async throws {
        let json = String(decoding: try JSONEncoder().encode(phones), as: UTF8.self).replacingOccurrences(of: "'", with: "''")
        try await execute("UPDATE customer SET phones = '\(json)' WHERE id = \(customerID)")
    }

    /// The one outcome path, on this book (`StoreFixtures.recordOutcome`).
    @discardableResult
    func record(_ outcome: TaskOutcome, on taskID: Int64, by person: String = "marie", channel: TaskOutcomeRequest.Channel = .cli,
                language: Language = .english) async throws -> TaskOutcomeApplication? {
        try await StoreFixtures.recordOutcome(outcome, on: taskID, in: outcomes, by: person, channel: channel, language: language)
    }
}

extension BookUnderTest {
    /// Through the inbound port, on both stores: the message stored, no effect, the mark moved.
    func receive(_ record: InboundRecord, at time: Date) async throws -> Int64 {
        let mark = MailboxMark(folder: record.folder, uidValidity: record.uidValidity, lastUID: record.uid, polledAt: time)
        return try #require(try await inbound.recordInbound(record, effects: [], mark: mark, at: time).inboundID)
    }
}

struct SQLiteBook: BookUnderTest {
    let store: AppDatabase
    var receivables: any ReceivablesStore & ImportReviewStore { store }
    var correctedAddresses: any CorrectedAddressStore { store }
    var profiles: any CustomerProfileStore { store }
    var outbox: any OutboxStore { store }
    var journal: any EventJournal { store }

    func stepsReached(_ number: String) async throws -> [String] {
        try await store.openReceivables(of: StoreFixtures.creditor).first { $0.number == number }?.history.map(\.step) ?? []
    }

    func isInvalidState(_ error: any Error) -> Bool { (error as? StoreError)?.code == .invalidState }

    var batches: any OutboxBatchStore { store }
    var recovery: any OutboxRecoveryStore { store }

    func claimerDied() async throws {}

    var review: any MessageReviewStore { store }
    var inspection: any MessageInspectionStore { store }
    var mailLog: any MailLogStore { store }

    func tasks(_ state: WorkTask.State?) async throws -> [BookTask] {
        try await store.tasks(of: StoreFixtures.creditor, state: state).map {
            BookTask(kind: $0.kind, state: $0.state, title: $0.title, customerID: $0.customerID, detail: $0.detail)
        }
    }

    var inbound: any InboundStore { store }

    func liveHoldKinds() async throws -> [CustomerHold.Kind] { try await store.liveHolds(of: StoreFixtures.creditor).map(\.kind) }

    var taskStore: any TaskStore { store }
    var outcomes: any TaskOutcomeStore { store }
    var people: any CustomerStateStore { store }
    var doNotRemind: any DoNotRemindStore { store }
    var taskReport: any TaskReportStore { store }
    var planning: any PlanningFactsStore { store }
    var bank: any BankPaymentStore & BankReceiptStore { store }

    func register(language: Language) async throws {
        try await store.registerCreditor(StoreFixtures.creditor, language: language, at: StoreFixtures.time)
    }

    func execute(_ sql: String) async throws { try store.executeForTesting(sql) }

    func texts(_ sql: String) async throws -> [String] {
        try await store.writer.read { db in try String?.fetchAll(db, sql: sql).map { $0 ?? "∅" } }
    }

    func isNotFound(_ error: any Error) -> Bool { (error as? StoreError)?.code == .notFound }
}

struct PostgresBook: BookUnderTest {
    let store: PostgresStore
    var receivables: any ReceivablesStore & ImportReviewStore { store }
    var correctedAddresses: any CorrectedAddressStore { store }
    var profiles: any CustomerProfileStore { store }
    var outbox: any OutboxStore { store }
    var journal: any EventJournal { store }

    func stepsReached(_ number: String) async throws -> [String] {
        try await store.connection { connection in
            var steps: [String] = []
            let rows = try await connection.query("""
                SELECT mi.step FROM message_invoice mi JOIN invoice i ON i.id = mi.invoice_id
                WHERE i.number = \(number) AND NOT mi.cancelled ORDER BY mi.message_id
                """, logger: store.logger)
            for try await step in rows.decode(String.self) { steps.append(step) }
            return steps
        }
    }

    func isInvalidState(_ error: any Error) -> Bool { (error as? PostgresStoreError)?.code == .invalidState }

    var batches: any OutboxBatchStore { store }
    var recovery: any OutboxRecoveryStore { store }

    func claimerDied() async throws {
        try await store.connection { connection in
            try await connection.query("""
                UPDATE message SET claimed_by = 'dead-daemon', claim_expires_at = clock_timestamp() - interval '1 second'
                WHERE state = 'sending'
                """, logger: store.logger)
        }
    }

    var review: any MessageReviewStore { store }
    var inspection: any MessageInspectionStore { store }
    var mailLog: any MailLogStore { store }

    func tasks(_ state: WorkTask.State?) async throws -> [BookTask] {
        try await store.connection { connection in
            var tasks: [BookTask] = []
            let rows = try await connection.query("""
                SELECT kind, state, title, customer_id, detail::text FROM task WHERE (\(state?.rawValue)::text IS NULL OR state = \(state?.rawValue))
                ORDER BY created_at, id
                """, logger: store.logger)
            for try await (kind, state, title, customer, detail) in rows.decode((String, String, String, Int64?, String).self) {
                if let kind = WorkTask.Kind(rawValue: kind), let state = WorkTask.State(rawValue: state) {
                    tasks.append(BookTask(kind: kind, state: state, title: title, customerID: customer,
                                          detail: (try? JSONDecoder().decode([String: String].self, from: Data(detail.utf8))) ?? [:]))
                }
            }
            return tasks
        }
    }

    var inbound: any InboundStore { store }

    func liveHoldKinds() async throws -> [CustomerHold.Kind] {
        try await store.connection { connection in
            var kinds: [CustomerHold.Kind] = []
            let rows = try await connection.query("""
                SELECT h.kind FROM customer_hold h JOIN customer c ON c.id = h.customer_id
                WHERE c.creditor_id = \(StoreFixtures.creditor.rawValue) AND h.released_at IS NULL ORDER BY h.id
                """, logger: store.logger)
            for try await kind in rows.decode(String.self) { if let kind = CustomerHold.Kind(rawValue: kind) { kinds.append(kind) } }
            return kinds
        }
    }

    var taskStore: any TaskStore { store }
    var outcomes: any TaskOutcomeStore { store }
    var people: any CustomerStateStore { store }
    var doNotRemind: any DoNotRemindStore { store }
    var taskReport: any TaskReportStore { store }
    var planning: any PlanningFactsStore { store }
    var bank: any BankPaymentStore & BankReceiptStore { store }

    func register(language: Language) async throws {
        try await store.registerCreditor(StoreFixtures.creditor, language: language, at: StoreFixtures.time)
    }

    func execute(_ sql: String) async throws {
        try await store.connection { connection in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: store.logger) }
    }

    func texts(_ sql: String) async throws -> [String] {
        try await store.connection { connection in
            var texts: [String] = []
            for try await text in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: store.logger).decode(String?.self) {
                texts.append(text ?? "∅")
            }
            return texts
        }
    }

    func isNotFound(_ error: any Error) -> Bool { (error as? PostgresStoreError)?.code == .notFound }
}
