import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// Issue #15: a receipt left unmatched is matched again after each ledger import — a later
/// export may bring the invoice it named — with the import's own matcher and certainty rules.
@Suite struct BankRematchTests {
    static let acme = CreditorID("acme")!

    /// 3 December: Océane pays FA26-0866 by its number (912,00 €, which teaches its name) and
    /// sends 300,00 € labelled only "ACOMPTE"; Dupont sends 1 200,00 € with no usable label.
    static let statement = [
        "0130004    00123EUR2 00012345678  021226                                                  0000000100000{                ",
        "0430004015800123EUR2 0001234567805031226  031226VIR SEPA OCEANE EVENEMENTS       0000012  0000000009120{VIR0312260001   ",
        "0530004015800123EUR2 0001234567805031226     NPYOCEANE EVENEMENTS                                                       ",
        "0530004015800123EUR2 0001234567805031226     LIBFA26-0866                                                               ",
        "0430004015800123EUR2 0001234567805031226  031226VIR SEPA OCEANE EVENEMENTS       0000014  0000000003000{VIR0312260003   ",
        "0530004015800123EUR2 0001234567805031226     NPYOCEANE EVENEMENTS                                                       ",
        "0530004015800123EUR2 0001234567805031226     LIBACOMPTE                                                                 ",
        "0430004015800123EUR2 0001234567805031226  031226VIR SEPA DUPONT ET FILS          0000013  0000000012000{VIR0312260002   ",
        "0530004015800123EUR2 0001234567805031226     LIBREGLEMENT DIVERS FA26-0950                                              ",
        "0730004    00123EUR2 00012345678  031226                                                  0000000124120{                ",
    ].joined(separator: "\r\n") + "\r\n"

    static let first = DaemonFixture.csv(
        "C1;Océane Événements;compta@oceane.example;FA26-0866;01/10/2026;01/11/2026;912,00")

    @Test func aLaterExportBringsTheInvoicesTheReceiptsPaidAndTheyAreMatchedThen() async throws {
        let fixture = try DaemonFixture()
        fixture.clock.advance(by: 3 * 86_400)
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let scenario = BankPaymentScenarioTests()
        _ = try await scenario.importFile(runtime, "balance-agee.csv", Self.first)
        fixture.clock.advance(by: 86_400)
        let bank = try #require(try await scenario.importFile(runtime, "releve.txt", Self.statement).bank)
        #expect(bank.matchedReceipts == 1 && bank.unmatchedReceipts == 2)

        // 5 December: the export brings Dupont's FA26-0950 (named in the label) and an Océane
        // invoice of 300,00 € written on 4 December, after the money arrived: only the first is paid.
        fixture.clock.advance(by: 86_400)
        let second = try await scenario.importFile(runtime, "balance-agee-05.csv", Self.first + """
            C2;Dupont et Fils;compta@dupont.example;FA26-0950;15/11/2026;15/12/2026;1 200,00
            C1;Océane Événements;compta@oceane.example;FA26-0990;04/12/2026;03/01/2027;300,00

            """)
        #expect(second.rematchedReceipts == 1)
        var unmatched = try await runtime.store.unmatchedReceipts(of: Self.acme)
        #expect(unmatched.map(\.amount.minorUnits) == [30_000])
        let plan = try await runtime.creditors[0].scheduler.plan(on: CivilDate(year: 2026, month: 12, day: 5)!)
        #expect(!plan.contacts.flatMap(\.invoices).contains { $0.receivable.number == "FA26-0950" })
        #expect(plan.decisions.contains { $0.rule == .paidAwaitingLedger && $0.invoice == "FA26-0950" })
        let c2 = try #require(try await runtime.store.customerID(external: "C2", of: Self.acme))
        let timeline = try await runtime.store.events(ofCustomer: c2).map(\.event)
        #expect(timeline.contains { $0.kind == "bank.matched" && $0.summary.contains("Facture FA26-0950") && $0.summary.contains("rapprochée par le numéro de facture") })

        // 6 December: the export brings FA26-0980 of 300,00 € written on 25 November (FA26-0990
        // was cancelled): the known payer's amount pays it.
        fixture.clock.advance(by: 86_400)
        let third = try await scenario.importFile(runtime, "balance-agee-06.csv", Self.first + """
            C2;Dupont et Fils;compta@dupont.example;FA26-0950;15/11/2026;15/12/2026;1 200,00
            C1;Océane Événements;compta@oceane.example;FA26-0980;25/11/2026;25/12/2026;300,00

            """)
        #expect(third.rematchedReceipts == 1)
        unmatched = try await runtime.store.unmatchedReceipts(of: Self.acme)
        #expect(unmatched.isEmpty)
        let payments = try await runtime.store.bankPayments(of: Self.acme)
        #expect(Set(payments.map(\.invoiceNumber)) == ["FA26-0866", "FA26-0950", "FA26-0980"])
        let events = try await runtime.store.events(of: Self.acme, kinds: ["bank.rematched"], since: .distantPast)
        #expect(events.count == 2)

        // A later import matches nothing again: the receipts are matched once.
        fixture.clock.advance(by: 86_400)
        let fourth = try await scenario.importFile(runtime, "balance-agee-07.csv", Self.first + """
            C2;Dupont et Fils;compta@dupont.example;FA26-0950;15/11/2026;15/12/2026;1 200,00
            C1;Océane Événements;compta@oceane.example;FA26-0980;25/11/2026;25/12/2026;300,00

            """)
        #expect(fourth.rematchedReceipts == 0)
        #expect(try await runtime.store.bankPayments(of: Self.acme).count == 3)
    }
}
