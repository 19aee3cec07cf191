import Foundation
import Testing
import RelanceCore
import RelanceMail

/// The digest's overdue total is what a credit controller expects (#13): the overdue invoices,
/// the figure `relance aging` and the console show; an unapplied credit note is told apart,
/// never deducted (it does not make an invoice less late).
@Suite struct DigestOverdueAndCreditsTests {
    typealias G = DigestGoldenTests

    static func receivables() -> [Receivable] {
        let dupont = G.customer(1, "C001", "Dupont & Fils SARL")
        let martin = G.customer(2, "C002", "Martin Bâtiment")
        return [
            G.receivable(1, "F-1", dupont, due: "2026-10-01", cents: 200_000),
            G.receivable(2, "F-2", martin, due: "2026-11-20", cents: 50_000),
            G.receivable(3, "F-3", martin, due: "2026-12-20", cents: 30_000),
            // A credit note to Dupont, dated in the past: never late, not deducted.
            G.receivable(4, "AV-1", dupont, due: "2026-10-15", cents: -120_000),
        ]
    }

    static func facts() -> DigestFacts {
        DigestFacts(creditorName: "Atelier Dupont SAS", day: G.day, timeZone: G.paris, openTasks: [], receivables: receivables(),
                    sent: [], settled: [], received: [], previous: nil, escalateAfterDays: 3, promisesDue: [],
                    health: DigestHealth(), attachedDocuments: [:], outcomes: TaskDigestFacts())
    }

    @Test func theOverdueTotalIsTheOverdueInvoicesAndCreditsAreToldApart() throws {
        let (digest, _) = DigestContextBuilder.build(Self.facts(), words: FrenchWording())
        #expect(digest.overdueAmount == "2\u{202F}500,00\u{00A0}€")
        #expect(digest.credits == "Avoirs non imputés : \u{2212}1\u{202F}200,00\u{00A0}€ (non déduits du total en retard)")
        let text = DigestRenderer.text(digest)
        #expect(text.contains("Avoirs non imputés : \u{2212}1\u{202F}200,00\u{00A0}€"))
        #expect(DigestRenderer.html(digest).contains("Avoirs non imputés"))
        // scripts/render-digest-lists.sh pictures it.
        if let folder = ProcessInfo.processInfo.environment["RELANCE_SCREENSHOT_FOLDER"] {
            try Data(DigestRenderer.html(digest).utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("digest-credits-fr.html"))
        }
        let english = DigestContextBuilder.build(Self.facts(), words: EnglishWording()).digest
        #expect(english.credits == "Unapplied credits: \u{2212}€1,200.00 (not deducted from the overdue total)", "\(english.credits ?? "")")
    }

    /// One figure: the digest's total is the aged balance's late buckets, which the CLI and the console print.
    @Test func theDigestAndTheAgedBalanceAgree() throws {
        let balance = AgedBalance(receivables: Self.receivables(), asOf: G.day)
        let totals = try #require(balance.totals.first)
        #expect(totals.overdueAmount == Money(minorUnits: 250_000, currency: .euro))
        #expect(totals.creditAmount == Money(minorUnits: -120_000, currency: .euro))
        // The net open balance (the aged balance's total column) still counts everything.
        #expect(totals.totalAmount == Money(minorUnits: 160_000, currency: .euro))
        #expect(DigestContextBuilder.overdueTotals(Self.receivables(), on: G.day) == [totals.overdueAmount])
    }

    @Test func withoutCreditsThereIsNoCreditLine() {
        var facts = Self.facts()
        facts.receivables.removeLast()
        #expect(DigestContextBuilder.build(facts, words: FrenchWording()).digest.credits == nil)
    }
}
