import Foundation
import PostgresNIO
import RelanceCore
@testable import RelancePostgres
import RelancePostgresTesting
import Testing

/// Two daemons on one PostgreSQL book doing the same bank work at the same moment: a statement
/// imported by both is imported once (the other is told it is a duplicate), a receipt two people
/// resolve at once is resolved once (the other is refused, in words). Staged as the task races
/// are (`PostgresTaskConcurrencyTests.race`): the contenders go only once both wait on the
/// creditor's bank lock.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun)) struct PostgresBankConcurrencyTests {
    typealias F = StoreFixtures
    typealias S = BankPaymentStoreTests
    static let bankLock = "SELECT pg_advisory_xact_lock(hashtext('task-opening:acme'))"

    /// Two receipts paying F-001 and F-002 by the RF reference their reminders printed, one nobody can place.
    static func statement() -> BankStatement {
        func paying(_ cents: Int64, _ customer: String, _ invoice: String, _ id: String) -> BankEntry {
            var entry = S.receipt(cents, label: "VIREMENT", reference: id)
            entry.reference = RFCreditorReference.make(customer: customer, invoice: invoice)
            return entry
        }
        return BankStatement(format: .camt053, entries: [
            paying(100, "C001", "F-001", "TX-1"),
            paying(200, "C002", "F-002", "TX-2"),
            S.receipt(9_999, label: "VIREMENT", payer: "INCONNU", iban: nil, reference: "TX-3"),
        ])
    }

    static func count(_ sql: String, in store: PostgresStore) async throws -> Int64 {
        try await store.connection { connection in
            var count: Int64 = -1
            for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: store.logger).decode(Int64.self) {
                count = value
            }
            return count
        }
    }

    @Test func twoDaemonsImportingTheSameStatementAtOnceImportItOnce() async throws {
        try await PostgresTaskConcurrencyTests().withTwoDaemons { first, second, _, referee in
            let statement = Self.statement()
            let results = try await PostgresTaskConcurrencyTests().race(holding: Self.bankLock, on: referee, [
                { @Sendable in try await first.importBankStatement(S.bankFile("a.xml", sha: "1"), statement, language: .french, at: F.time) },
                { @Sendable in try await second.importBankStatement(S.bankFile("a.xml", sha: "1"), statement, language: .french, at: F.time) },
            ])
            let receipts = try results.map { try $0.get() }
            #expect(receipts.map(\.outcome).sorted { $0.rawValue < $1.rawValue } == [.applied, .duplicate], "\(receipts)")
            #expect(Set(receipts.map(\.importID)).count == 1)
            #expect(try await Self.count("SELECT count(*) FROM bank_entry", in: first) == 3)
            #expect(try await Self.count("SELECT count(*) FROM bank_match", in: first) == 2)
            #expect(try await first.bankPayments(of: F.creditor).map(\.invoiceNumber) == ["F-001", "F-002"])
            #expect(try await second.unmatchedReceipts(of: F.creditor).count == 1)
        }
    }

    @Test func twoPeopleResolvingTheSameReceiptAtOnceOneWinsTheOtherIsToldWhoDid() async throws {
        try await PostgresTaskConcurrencyTests().withTwoDaemons { first, second, invoices, referee in
            _ = try await first.importBankStatement(S.bankFile("a.xml", sha: "1"), Self.statement(), language: .french, at: F.time)
            let receipt = try #require(try await first.unmatchedReceipts(of: F.creditor).first)
            let results = try await PostgresTaskConcurrencyTests().race(holding: Self.bankLock, on: referee, [
                { @Sendable in try await first.resolveReceipt(receipt.entryID, of: F.creditor, customer: "C003", by: "marie", channel: .cli, at: F.time) },
                { @Sendable in try await second.resolveReceipt(receipt.entryID, of: F.creditor, customer: nil, by: "paul", channel: .console, at: F.time) },
            ])
            let won = results.compactMap { try? $0.get() }
            let refusals = results.compactMap { result -> PostgresStoreError? in
                if case .failure(let error) = result { return error as? PostgresStoreError }
                return nil
            }
            #expect(won.count == 1 && refusals.count == 1, "\(results)")
            #expect(refusals.first?.code == .invalidState)
            // In the creditor's words (a French book): the loser reads who did it.
            let winner = won.first?.customer == nil ? "écartée par paul" : "rattachée au client C003 par marie"
            #expect(refusals.first?.message == "l'opération bancaire n°\u{00A0}\(receipt.entryID) a déjà été \(winner)", "\(refusals)")
            #expect(try await Self.count("SELECT count(*) FROM bank_receipt_link", in: first) == 1)
            #expect(try await second.events(of: F.creditor, kinds: ["bank.linked", "bank.dismissed"], since: .distantPast).count == 1)
            #expect(try await first.unmatchedReceipts(of: F.creditor).isEmpty)
            _ = invoices
        }
    }
}
