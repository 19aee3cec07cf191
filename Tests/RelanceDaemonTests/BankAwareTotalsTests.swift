import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceMail
import RelanceTesting

/// Issue #15: what people read agrees with the plan to the cent. An invoice the bank shows paid
/// (received, matched, not yet lettered) is not in the aged balance's buckets nor in the
/// digest's overdue total; it is shown apart, with its amount; and the digest's subject does
/// not say "nothing to do" while a receipt waits to be linked.
@Suite struct BankAwareTotalsTests {
    static let acme = CreditorID("acme")!
    static let day = CivilDate(year: 2026, month: 12, day: 4)!

    /// The scenario's runtime on 4 December: FA26-0866 (912,00 €) paid at the bank, FA26-0870
    /// (450,00 €) still due, 1 200,00 € from an unknown payer unmatched.
    static func scenario(language: String? = nil) async throws -> (DaemonFixture, RelanceRuntime) {
        let fixture = try DaemonFixture(extraCreditorSettings: (language.map { "language = \"\($0)\"\n" } ?? "") + """
            [creditors.acme.digest]
            recipients = ["controller@acme.example"]
            """)
        fixture.clock.advance(by: 3 * 86_400)
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let scenario = BankPaymentScenarioTests()
        _ = try await scenario.importFile(runtime, "balance-agee.csv", BankPaymentScenarioTests.export)
        fixture.clock.advance(by: 86_400)
        let bank = try #require(try await scenario.importFile(runtime, "releve.txt", BankPaymentScenarioTests.statement).bank)
        #expect(bank.matchedReceipts == 1 && bank.unmatchedReceipts == 1)
        return (fixture, runtime)
    }

    @Test func theAgedBalanceAndTheDigestCountOnlyWhatThePlanDemandsAndShowTheReceivedApart() async throws {
        let (fixture, runtime) = try await Self.scenario()
        defer { withExtendedLifetime(fixture) {} }
        let plan = try await runtime.creditors[0].scheduler.plan(on: Self.day)
        let demanded = plan.contacts.flatMap(\.invoices).map(\.receivable.open.minorUnits).reduce(0, +)
        #expect(demanded == 45_000)

        let balance = AgedBalance(receivables: try await BankAwareReceivables.read(Self.acme, from: runtime.store), asOf: Self.day)
        let euro = try #require(balance.totals.first)
        #expect(euro.total == demanded, "the aged balance's total is what the plan demands")
        #expect(euro.received == 91_200)
        #expect(euro.ledgerAmount.minorUnits == 136_200, "and the ledger's figure is their sum")
        let paid = try #require(balance.customers.flatMap(\.invoices).first { $0.receivable.number == "FA26-0866" })
        #expect(paid.receivable.demanded.isZero && paid.receivable.received?.minorUnits == 91_200)

        let sender = try #require(runtime.digestSenders.first)
        let (digest, _) = try await sender.content(on: Self.day)
        let words = FrenchWording()
        #expect(digest.overdueAmount == words.amount(Money(minorUnits: 45_000, currency: .euro)))
        #expect(digest.received == "Reçu, en attente du grand livre : " + words.amount(Money(minorUnits: 91_200, currency: .euro)))
        #expect(digest.buckets.map(\.amount).allSatisfy { !$0.contains("362") }, "no bucket counts the paid invoice")
        #expect(DigestRenderer.text(digest).contains("Reçu, en attente du grand livre : 912,00"))
        #expect(DigestRenderer.html(digest).contains("Reçu, en attente du grand livre : 912,00"))
        // Only the unmatched receipt waits: the subject says so, not "rien à faire".
        #expect(digest.subject.hasSuffix("— 1 virement à rattacher (04/12/2026)"))
        #expect(!digest.subject.contains("rien à faire"))
    }

    @Test func theEnglishSubjectCountsTheReceiptsToLinkBesideTheTasks() async throws {
        let (fixture, runtime) = try await Self.scenario(language: "en")
        defer { withExtendedLifetime(fixture) {} }
        let sender = try #require(runtime.digestSenders.first)
        let (digest, _) = try await sender.content(on: Self.day)
        #expect(digest.subject.hasSuffix("— 1 bank receipt to link (4 Dec 2026)"))
        #expect(digest.received == "Received, awaiting the ledger: €912.00")
        let words = EnglishWording()
        #expect(words.digestSubject(creditor: "Acme", day: Self.day, work: 2, receipts: 3) == "Relance — Acme — 2 tasks today, 3 bank receipts to link (4 Dec 2026)")
        #expect(words.digestSubject(creditor: "Acme", day: Self.day, work: 0, receipts: 0) == "Relance — Acme — nothing to do today (4 Dec 2026)")
        #expect(FrenchWording().digestSubject(creditor: "Acme", day: Self.day, work: 1, receipts: 2)
            == "Relance — Acme — 1 tâche aujourd'hui, 2 virements à rattacher (04/12/2026)")
    }
}
