import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// Issue #15's scenario, end to end through the importer, the store and the planner: a
/// customer who paid is not chased, the ledger is asked to catch up once.
@Suite struct BankPaymentScenarioTests {
    static let acme = CreditorID("acme")!

    /// A CFONB 120 statement of 3 December 2026: Océane Événements pays FA26-0866 (912,00 €, the
    /// invoice number in the label), and an unknown payer sends 1 200,00 € with no usable label.
    static let statement = [
        "0130004    00123EUR2 00012345678  021226                                                  0000000100000{                ",
        "0430004015800123EUR2 0001234567805031226  031226VIR SEPA OCEANE EVENEMENTS       0000012  0000000009120{VIR0312260001   ",
        "0530004015800123EUR2 0001234567805031226     NPYOCEANE EVENEMENTS                                                       ",
        "0530004015800123EUR2 0001234567805031226     LIBFA26-0866                                                               ",
        "0430004015800123EUR2 0001234567805031226  031226VIR SEPA DUPONT ET FILS          0000013  0000000012000{VIR0312260002   ",
        "0530004015800123EUR2 0001234567805031226     LIBREGLEMENT DIVERS                                                        ",
        "0730004    00123EUR2 00012345678  031226                                                  0000000121120{                ",
    ].joined(separator: "\r\n") + "\r\n"

    static let export = DaemonFixture.csv(
        "C1;Océane Événements;compta@oceane.example;FA26-0866;01/10/2026;01/11/2026;912,00",
        "C1;Océane Événements;compta@oceane.example;FA26-0870;05/10/2026;05/11/2026;450,00")

    func importFile(_ runtime: RelanceRuntime, _ name: String, _ text: String) async throws -> ImportReceipt {
        switch try await runtime.creditors[0].intake.importer.importExport(Array(text.utf8), fileName: name) {
        case .imported(let receipt, _): return receipt
        case .rejected(_, let reason): throw ScenarioFailure(reason)
        }
    }

    @Test func aCustomerWhoPaidOneInvoiceIsRemindedOnlyOfTheOtherAndTheLedgerIsAskedOnce() async throws {
        let fixture = try DaemonFixture()
        fixture.clock.advance(by: 3 * 86_400)  // Thursday 3 December 2026
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        _ = try await importFile(runtime, "balance-agee.csv", Self.export)

        fixture.clock.advance(by: 86_400)  // Friday 4 December: the statement arrives
        let bank = try #require(try await importFile(runtime, "releve.txt", Self.statement).bank)
        #expect(bank.matchedReceipts == 1 && bank.paidInvoices == 1 && bank.unmatchedReceipts == 1)

        let plan = try await runtime.creditors[0].scheduler.plan(on: CivilDate(year: 2026, month: 12, day: 4)!)
        #expect(plan.contacts.count == 1)
        #expect(plan.contacts.first?.invoices.map(\.receivable.number) == ["FA26-0870"])
        let paid = try #require(plan.decisions.first { $0.rule == .paidAwaitingLedger })
        #expect(paid.invoice == "FA26-0866")
        #expect(paid.reason == "paiement de 912,00\u{00A0}€ reçu le 03/12 (VIR SEPA OCEANE EVENEMENTS / FA26-0866) : payée, en attente du grand livre")
        // The unmatched receipt opens no task.
        #expect(try await runtime.store.tasks(of: Self.acme, state: .open).isEmpty)

        // Ten days after the payment the accountant's export still lists FA26-0866 open.
        fixture.clock.advance(by: 9 * 86_400)  // Sunday 13 December
        _ = try await importFile(runtime, "balance-agee-13.csv", Self.export + "C2;Client Deux;compta@deux.example;F-900;01/12/2026;31/12/2026;100,00\n")
        var tasks = try await runtime.store.tasks(of: Self.acme, state: .open)
        #expect(tasks.count == 1)
        #expect(tasks.first?.title.hasPrefix("Paiement reçu le 03/12 non lettré : facture FA26-0866") == true)
        // A later export still listing it opens no second task; the invoice stays out of the reminders.
        fixture.clock.advance(by: 86_400)
        _ = try await importFile(runtime, "balance-agee-14.csv", Self.export + "C2;Client Deux;compta@deux.example;F-901;01/12/2026;31/12/2026;100,00\n")
        tasks = try await runtime.store.tasks(of: Self.acme, state: .open)
        #expect(tasks.count == 1)
        let later = try await runtime.creditors[0].scheduler.plan(on: CivilDate(year: 2026, month: 12, day: 14)!)
        #expect(!later.contacts.flatMap(\.invoices).contains { $0.receivable.number == "FA26-0866" })
        #expect(!later.tasks.flatMap(\.invoices).contains { $0.receivable.number == "FA26-0866" })
    }

    /// `relance customer` reads the paid invoice as the plan does: nothing left demanded, the
    /// bank's money named (it read « FA26-0866 912,00 € échue le 01/11/2026 », as if unpaid).
    @Test func theCustomerCommandSetsApartWhatTheBankShowsPaid() async throws {
        let fixture = try DaemonFixture()
        fixture.clock.advance(by: 3 * 86_400)
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        _ = try await importFile(runtime, "balance-agee.csv", Self.export)
        fixture.clock.advance(by: 86_400)
        _ = try await importFile(runtime, "releve.txt", Self.statement)
        let customer = try PeopleOutputsTests.run(["customer", "C1"], in: fixture)
        #expect(customer.contains("  Reste dû : FA26-0866 0,00\u{00A0}€ échue le 01/11/2026 (reçu à la banque : 912,00\u{00A0}€, en attente du grand livre) ; "
            + "FA26-0870 450,00\u{00A0}€ échue le 05/11/2026\n"), "\(customer)")
    }
}

struct ScenarioFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
