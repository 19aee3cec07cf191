import Foundation
import RelanceCore
import RelanceDaemon
import Testing

/// The daemon's pass closes the calls about money nobody owes any more — paid at the bank or
/// settled by the next ledger — in the run that learns it, so that neither Today nor the digest
/// sends a person to phone a customer who has paid. Before, the invoice's reminders stopped but
/// its call stayed open (found on the example: « Appeler Cabinet Lefèvre & Associés — 960,00 € »
/// after the export that settled it).
@Suite struct NoLongerDueTaskRunTests {
    static let acme = CreditorID("acme")!

    @Test func callsAboutPaidOrSettledInvoicesCloseInTheRunThatLearnsIt() async throws {
        // One invoice of three leaving the ledger is not a mass settlement to hold here.
        let fixture = try DaemonFixture(extraCreditorSettings: "mass_settlement_threshold_percent = 100")
        // No address: each first step is a call (and a customer to identify: no phone either).
        try fixture.drop("balance-agee.csv", DaemonFixture.csv(
            "C1;Océane Événements;;FA26-0866;01/10/2026;01/11/2026;912,00",
            "C2;Dupont et Fils;;FA26-0901;01/10/2026;01/11/2026;450,00",
            "C3;Garage Martin;;FA26-0950;01/10/2026;01/11/2026;300,00"))
        let first = try await fixture.runtime().runOnce()
        #expect(first.planning[Self.acme]?.closedTasks == [])
        let store = try fixture.runtime().store
        let calls = try await store.tasks(of: Self.acme, state: .open).filter { $0.kind == .call }
        #expect(calls.count == 3)
        let customers = try await PeopleWalkTests.customerIDs(store)  // read while all three owe

        // Thursday: the bank shows FA26-0866 paid; the accountant's export no longer lists FA26-0901.
        fixture.clock.advance(by: 3 * 86_400)
        try fixture.drop("releve.txt", BankPaymentScenarioTests.statement)
        try fixture.drop("balance-agee-0312.csv", "Balance âgée au 02/12/2026\n" + DaemonFixture.csv(
            "C1;Océane Événements;;FA26-0866;01/10/2026;01/11/2026;912,00",
            "C3;Garage Martin;;FA26-0950;01/10/2026;01/11/2026;300,00"))
        let second = try await fixture.runtime().runOnce()

        let open = try await store.tasks(of: Self.acme, state: .open)
        #expect(open.compactMap { $0.customerID.flatMap { customers[$0] } }.sorted() == ["C3", "C3"], "only C3 still owes: its call and who to reach")
        let closed = second.planning[Self.acme]?.closedTasks ?? []
        #expect(closed.count == 4, "C1's and C2's calls and customers to identify")
        let lines = try await store.events(of: Self.acme, kinds: ["task.closed"], since: .distantPast).map(\.event)
        let byCustomer = Dictionary(grouping: lines) { $0.customerID.flatMap { customers[$0] } ?? "" }
        #expect(byCustomer["C1"]?.allSatisfy { $0.detail["reason"] == "paid-at-bank" } == true, "\(lines.map(\.summary))")
        #expect(byCustomer["C2"]?.allSatisfy { $0.detail["reason"] == "settled" } == true, "\(lines.map(\.summary))")
        // In the creditor's language (French by default), as its other lines.
        let call = try #require(calls.first { customers[$0.customerID ?? 0] == "C1" })
        #expect(lines.contains { $0.summary == "Tâche n°\u{00A0}\(call.id) (appel) close : plus rien n'est dû (payé d'après la banque, en attente du grand livre)." },
                "\(lines.map(\.summary))")

        // The next run finds nothing more to close.
        fixture.clock.advance(by: 86_400)
        #expect(try await fixture.runtime().runOnce().planning[Self.acme]?.closedTasks == [])
    }
}
