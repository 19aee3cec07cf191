import Foundation
import RelanceCore
import RelanceDaemon
import Testing

/// The daemon's pass writes again, with today's figures and at the same step, the call and the
/// unposted letter about several invoices one of which was settled since: before, the call sheet
/// and the letter kept demanding the paid invoice and the old total until the ladder's next step
/// (the planner holds a customer while its call or letter waits).
@Suite struct StaleLadderTaskRunTests {
    static let acme = CreditorID("acme")!
    static func euros(_ cents: Int64) -> String { AmountFormat(.french).string(Money(minorUnits: cents, currency: .euro)) }

    @Test func theCallAndTheLetterAskOnlyForWhatIsStillOwed() async throws {
        let fixture = try DaemonFixture(extraCreditorSettings: """
            mass_settlement_threshold_percent = 100

            [penalties]
            ecb_rates = { "2026-S2" = 2.15 }
            """)
        // C4 has no address: its first step is a call. C5 had a final reminder by hand on 10 November: its next step is a letter.
        try fixture.drop("0000-contacts.csv", """
            code client;nom;email;telephone;adresse;etape;dernier contact
            C4;Société Test;;01 23 45 67 04;12 rue de la Paix, 75002 Paris;;
            C5;Cabinet Lefèvre;compta@lefevre.example;01 23 45 67 05;3 place du Marché, 69001 Lyon;final-reminder;10/11/2026

            """)
        try fixture.drop("balance-agee.csv", DaemonFixture.csv(
            "C4;Société Test;;F-2026-0012;01/10/2026;01/11/2026;960,00",
            "C4;Société Test;;F-2026-0013;01/10/2026;01/11/2026;792,50",
            "C5;Cabinet Lefèvre;compta@lefevre.example;F-2026-0020;01/10/2026;01/11/2026;1200,00",
            "C5;Cabinet Lefèvre;compta@lefevre.example;F-2026-0021;01/10/2026;01/11/2026;300,00"))
        let runtime = try fixture.runtime()
        let first = try await runtime.runOnce()
        #expect(first.planning[Self.acme]?.failures.isEmpty == true, "\(String(describing: first.planning[Self.acme]?.failures))")
        let store = runtime.store
        let opened = try await store.tasks(of: Self.acme, state: .open)
        let call = try #require(opened.first { $0.kind == .call })
        let letter = try #require(opened.first { $0.kind == .letter })
        #expect(call.title == "Appeler Société Test (C4) — \(Self.euros(175_250))")
        let oldDocument = try #require(letter.documentPath)
        #expect(try String(contentsOfFile: oldDocument, encoding: .utf8).contains("F-2026-0020"))
        // A person rang C4 once, without an answer.
        let recorder = TaskOutcomeRecorder(store: store, creditors: runtime.creditors.map(\.configuration), clock: fixture.clock)
        _ = try await recorder.record(TaskOutcomeRequest(taskID: call.id, outcome: .noAnswer, recordedBy: "marie", channel: .cli))
        let tried = try #require(try await store.tasks(of: Self.acme, state: .open).first { $0.id == call.id })
        #expect(tried.attempts == 1 && tried.retryOn != nil)

        // Thursday: the export no longer lists F-2026-0012 nor F-2026-0020 (settled).
        fixture.clock.advance(by: 3 * 86_400)
        try fixture.drop("balance-agee-0312.csv", "Balance âgée au 02/12/2026\n" + DaemonFixture.csv(
            "C4;Société Test;;F-2026-0013;01/10/2026;01/11/2026;792,50",
            "C5;Cabinet Lefèvre;compta@lefevre.example;F-2026-0021;01/10/2026;01/11/2026;300,00"))
        let second = try await fixture.runtime().runOnce()
        let report = try #require(second.planning[Self.acme])
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.closedTasks.isEmpty)
        let open = try await store.tasks(of: Self.acme, state: .open)

        // The call: only F-2026-0013, to the cent, in French; still the same call, tried once.
        let refreshedCall = try #require(open.first { $0.kind == .call })
        #expect(refreshedCall.id == call.id)
        #expect(refreshedCall.title == "Appeler Société Test (C4) — \(Self.euros(79_250))")
        #expect(refreshedCall.detail["invoices"] == "F-2026-0013 (\(Self.euros(79_250)), 32 jours de retard)",
                "\(refreshedCall.detail)")
        #expect(refreshedCall.detail["script"]?.contains("F-2026-0013") == true)
        #expect(refreshedCall.detail.values.allSatisfy { !$0.contains("F-2026-0012") }, "\(refreshedCall.detail)")
        #expect(refreshedCall.attempts == 1 && refreshedCall.retryOn == tried.retryOn)
        #expect(refreshedCall.stepOn == call.stepOn && refreshedCall.step == call.step)

        // The letter: superseded by one of the same step, dated the same step day, whose document demands only F-2026-0021.
        let newLetter = try #require(open.first { $0.kind == .letter })
        #expect(newLetter.id != letter.id && newLetter.step == letter.step && newLetter.stepOn == letter.stepOn)
        #expect(newLetter.title.hasSuffix("— \(Self.euros(30_000))"))
        let newDocument = try #require(newLetter.documentPath)
        #expect(newDocument != oldDocument)
        let page = try String(contentsOfFile: newDocument, encoding: .utf8)
        #expect(page.contains("F-2026-0021") && !page.contains("F-2026-0020"))
        #expect(try String(contentsOfFile: oldDocument, encoding: .utf8).contains("F-2026-0020"), "the old document is kept")
        let superseded = try #require(try await store.tasks(of: Self.acme, state: .cancelled).first { $0.id == letter.id })
        #expect(superseded.outcome == .superseded(by: newLetter.id) && superseded.documentPath == oldDocument)
        #expect(Set(report.refreshedTasks.map { "\($0.old)>\($0.new)" }) == ["\(call.id)>\(call.id)", "\(letter.id)>\(newLetter.id)"])

        let lines = try await store.events(of: Self.acme, kinds: ["task.updated"], since: .distantPast).map(\.event.summary)
        #expect(lines.contains("Tâche n°\u{00A0}\(call.id) (appel) mise à jour : la facture F-2026-0012 est réglée ; reste \(Self.euros(79_250))."),
                "\(lines)")

        // The next day finds nothing more to refresh.
        fixture.clock.advance(by: 86_400)
        #expect(try await fixture.runtime().runOnce().planning[Self.acme]?.refreshedTasks.isEmpty == true)
    }

    /// In review mode too, as `NoLongerDueTasks`: the call is a real one, opened while the
    /// creditor was active, and a person reading Today must not ask for the settled invoice.
    @Test func inReviewModeTheOpenCallIsRefreshedToo() async throws {
        let fixture = try DaemonFixture(extraCreditorSettings: "mass_settlement_threshold_percent = 100")
        try fixture.drop("0000-contacts.csv", "code client;nom;email;telephone\nC4;Société Test;;01 23 45 67 04\n")
        try fixture.drop("balance-agee.csv", DaemonFixture.csv(
            "C4;Société Test;;F-2026-0012;01/10/2026;01/11/2026;960,00",
            "C4;Société Test;;F-2026-0013;01/10/2026;01/11/2026;792,50"))
        _ = try await fixture.runtime().runOnce()
        let call = try #require(try await fixture.runtime().store.tasks(of: Self.acme, state: .open).first { $0.kind == .call })

        // Back in review mode; the export settles F-2026-0012.
        let settings = try fixture.workspace.read("relance.toml")
        _ = try fixture.workspace.write("relance.toml", settings.replacingOccurrences(of: "active = true", with: "active = false"))
        fixture.clock.advance(by: 3 * 86_400)
        try fixture.drop("balance-agee-0312.csv", "Balance âgée au 02/12/2026\n" + DaemonFixture.csv(
            "C4;Société Test;;F-2026-0013;01/10/2026;01/11/2026;792,50"))
        let runtime = try fixture.runtime()
        let report = try #require(try await runtime.runOnce().planning[Self.acme])
        #expect(!report.active)
        #expect(report.refreshedTasks.map(\.old) == [call.id])
        let refreshed = try #require(try await runtime.store.tasks(of: Self.acme, state: .open).first { $0.id == call.id })
        #expect(refreshed.title == "Appeler Société Test (C4) — \(Self.euros(79_250))")
    }
}
