import Foundation
import RelanceCore
import RelanceDaemon
import Testing

/// The daemon's whole path for an export that states no date (no "as of" line): dropped again
/// byte for byte after the ledger went stale, it lifts the stale-ledger hold — the accountant
/// did what the hold asked. Before, the duplicate changed nothing (« même contenu que l'import
/// n° 1 : rien n'a changé ») and every reminder stayed held.
@Suite struct ReconfirmedExportRunTests {
    static let acme = CreditorID("acme")!
    static let export = DaemonFixture.csv(
        "C1;Océane Événements;compta@oceane.example;FA26-0866;01/10/2026;01/11/2026;912,00",
        "C2;Dupont et Fils;compta@dupont.example;FA26-0901;01/10/2026;01/11/2026;450,00")

    static func staleHolds(_ report: RunOnceReport) -> [PlanDecision] {
        (report.planning[acme]?.plan.decisions ?? []).filter { $0.rule == .staleLedger }
    }

    @Test func theSameUndatedExportDroppedAgainLiftsTheStaleLedgerHold() async throws {
        let fixture = try DaemonFixture()
        try fixture.drop("balance.csv", Self.export)
        let monday = try await fixture.runtime().runOnce()
        #expect(Self.staleHolds(monday).isEmpty)
        #expect(monday.planning[Self.acme]?.queued.count == 2)

        // The second reminders are due a fortnight later; nothing new was dropped: the ledger is
        // stale, nothing leaves.
        fixture.clock.advance(by: 15 * 86_400)
        let stale = try await fixture.runtime().runOnce()
        #expect(!Self.staleHolds(stale).isEmpty, "\((stale.planning[Self.acme]?.plan.decisions ?? []).map { "\($0.rule) \($0.reason)" })")

        // The accountant exports again; nothing changed in the books, so the bytes are the same.
        try fixture.drop("balance (2).csv", Self.export)
        let again = try await fixture.runtime().runOnce()
        let imported = try #require(again.intake[Self.acme]?.imported.first)
        #expect(imported.receipt.outcome == .duplicate && imported.receipt.reconfirmedAsOf == CivilDate(iso8601: "2026-12-15"))
        #expect(Self.staleHolds(again).isEmpty, "\(Self.staleHolds(again).map(\.reason))")
        #expect(again.planning[Self.acme]?.queued.count == 2, "the second reminders leave")
        let store = try fixture.runtime().store
        let lines = try await store.events(of: Self.acme, kinds: ["import.reconfirmed"], since: .distantPast).map(\.event.summary)
        #expect(lines == ["Le fichier balance (2).csv a le même contenu que l'import n°\u{00A0}1, le dernier export, et ne porte pas de date : "
                          + "les comptes sont tenus pour inchangés au 15/12/2026 (l'export était daté du 30/11/2026)."])
        // The Health page and `relance status` show it as the last import, not the fortnight-old one.
        let runtime = try fixture.runtime()
        #expect(try await runtime.status(of: runtime.creditors[0]).lastImport == lines.first)

        // A file that states its date is its date, however often it is dropped.
        let dated = try DaemonFixture()
        try dated.drop("balance.csv", "Balance âgée au 30/11/2026\n" + Self.export)
        _ = try await dated.runtime().runOnce()
        dated.clock.advance(by: 15 * 86_400)
        try dated.drop("balance (2).csv", "Balance âgée au 30/11/2026\n" + Self.export)
        let datedAgain = try await dated.runtime().runOnce()
        #expect(datedAgain.intake[Self.acme]?.imported.first?.receipt.reconfirmedAsOf == nil)
        #expect(!Self.staleHolds(datedAgain).isEmpty)
    }

    @Test func theSameThroughRelanceImportFile() async throws {
        let fixture = try DaemonFixture()
        try fixture.workspace.write("balance.csv", Self.export)
        func importFile() async throws -> ImportReceipt {
            let runtime = try fixture.runtime()
            try await runtime.prepare()
            return try await ManualImport(importer: runtime.creditors[0].intake.importer).importFile(at: fixture.workspace.url("balance.csv"))
        }
        #expect(try await importFile().outcome == .applied)
        fixture.clock.advance(by: 15 * 86_400)
        let again = try await importFile()
        #expect(again.outcome == .duplicate && again.reconfirmedAsOf == CivilDate(iso8601: "2026-12-15"))
        #expect(try await fixture.runtime().store.planningFacts(of: Self.acme).latestAuthoritativeSnapshot == CivilDate(iso8601: "2026-12-15"))
    }
}
