import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceMail
import RelanceTesting

/// Issue #15: a receipt nothing matched is listed in the digest, in the creditor's language,
/// with what to do; a person links it to the customer (one operation, the CLI's and the
/// console's), which pays that customer's invoice of that amount and teaches the payer.
@Suite struct BankReceiptTests {
    static let acme = CreditorID("acme")!

    static let export = DaemonFixture.csv(
        "C1;Océane Événements;compta@oceane.example;FA26-0866;01/10/2026;01/11/2026;912,00",
        "C2;Dupont et Fils;compta@dupont.example;F-2026-118;05/10/2026;05/11/2026;1 200,00")

    /// The scenario's statement, with the payer's name (a 05 `NPY` record) for Dupont et Fils' transfer.
    static let statement: String = {
        let label = "0530004015800123EUR2 0001234567805031226     LIBREGLEMENT DIVERS"
        let payer = "0530004015800123EUR2 0001234567805031226     NPYDUPONT ET FILS"
        func padded(_ record: String) -> String { record.padding(toLength: 120, withPad: " ", startingAt: 0) }
        return BankPaymentScenarioTests.statement.replacingOccurrences(of: padded(label), with: padded(payer) + "\r\n" + padded(label))
    }()

    @Test func anUnmatchedReceiptIsInTheDigestUntilAPersonLinksItToTheCustomer() async throws {
        let fixture = try DaemonFixture(extraCreditorSettings: """
            [creditors.acme.digest]
            recipients = ["controller@acme.example"]
            """)
        fixture.clock.advance(by: 3 * 86_400)
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let scenario = BankPaymentScenarioTests()
        _ = try await scenario.importFile(runtime, "balance-agee.csv", Self.export)
        fixture.clock.advance(by: 86_400)
        let bank = try #require(try await scenario.importFile(runtime, "releve.txt", Self.statement).bank)
        #expect(bank.matchedReceipts == 1 && bank.unmatchedReceipts == 1)

        let unmatched = try await runtime.store.unmatchedReceipts(of: Self.acme)
        #expect(unmatched.count == 1)
        let receipt = try #require(unmatched.first)
        #expect(receipt.amount == Money(minorUnits: 120_000, currency: .euro))
        #expect(receipt.payer == "DUPONT ET FILS")

        let sender = try #require(runtime.digestSenders.first)
        let (digest, _) = try await sender.content(on: CivilDate(iso8601: "2026-12-04")!)
        let section = try #require(digest.sections.first { $0.title == "1 virement reçu à rattacher" })
        // One receipt in the singular (it read « n'a pu leur être rapprochée … Pour chacun » under this title).
        #expect(section.note?.hasPrefix("Aucune facture ouverte n'a pu lui être rapprochée avec certitude. Retrouvez le client qui a payé et rattachez-le") == true,
                "\(section.note ?? "")")
        #expect(FrenchWording().unmatchedReceiptsNote(count: 2).hasPrefix("Aucune facture ouverte n'a pu leur être rapprochée avec certitude. Pour chacun,"))
        #expect(EnglishWording().unmatchedReceiptsNote(count: 1).hasPrefix("No open invoice could be matched to it for sure. Find the customer who paid"))
        #expect(section.items.map(\.headline) == ["Reçu le 03/12/2026 de DUPONT ET FILS"])
        #expect(section.items.first?.amount == FrenchWording().amount(Money(minorUnits: 120_000, currency: .euro)))
        #expect(section.items.first?.amount?.hasPrefix("1") == true && section.items.first?.amount?.hasSuffix("200,00\u{00A0}€") == true)
        #expect(section.items.first?.reason == FrenchWording().labelled("Libellé", "VIR SEPA DUPONT ET FILS / REGLEMENT DIVERS"))
        #expect(section.items.first?.lines == ["Rattacher : relance bank link \(receipt.entryID) <n° client> · écarter : relance bank dismiss \(receipt.entryID)"])
        #expect(digest.needsAttention)
        #expect(DigestRenderer.text(digest).contains("Reçu le 03/12/2026 de DUPONT ET FILS"))

        // The person links it to C2: it pays F-2026-118 (the one invoice of that amount), the name is learnt.
        let resolution = try await PeopleActions(runtime: runtime).resolveReceipt(receipt.entryID, of: Self.acme, customer: "C2", by: "Claire", channel: .cli)
        #expect(resolution.paidInvoices == ["F-2026-118"])
        #expect(resolution.onAccount.isZero)
        #expect(resolution.taught == ["DUPONT ET FILS"])
        #expect(FrenchWording().receiptResolved(resolution) == "Virement n°\u{00A0}\(receipt.entryID) rattaché au client C2 : il règle F-2026-118 (payée, en attente du grand livre). Ses prochains virements seront reconnus (DUPONT ET FILS).")
        #expect(try await runtime.store.unmatchedReceipts(of: Self.acme).isEmpty)
        let plan = try await runtime.creditors[0].scheduler.plan(on: CivilDate(year: 2026, month: 12, day: 4)!)
        #expect(!plan.contacts.flatMap(\.invoices).contains { $0.receivable.number == "F-2026-118" })
        let c2 = try #require(try await runtime.store.customerID(external: "C2", of: Self.acme))
        let timeline = try await runtime.store.events(ofCustomer: c2).map(\.event)
        #expect(timeline.contains { $0.kind == "bank.linked" && $0.summary.contains("rattaché au client C2 par Claire (ligne de commande) : il règle F-2026-118") }, "\(timeline)")
        let (after, _) = try await sender.content(on: CivilDate(iso8601: "2026-12-04")!)
        #expect(!after.sections.contains { $0.title.contains("à rattacher") })

        // A second word on the same receipt is refused with why; an unknown customer too.
        await #expect { try await PeopleActions(runtime: runtime).resolveReceipt(receipt.entryID, of: Self.acme, customer: nil, by: "Claire", channel: .cli) }
            throws: { "\($0)".contains("est déjà rapprochée de la facture F-2026-118") }
    }

    @Test func settingAReceiptAsideAndTheEnglishWords() async throws {
        let fixture = try DaemonFixture(extraCreditorSettings: """
            language = "en"
            [creditors.acme.digest]
            recipients = ["controller@acme.example"]
            """)
        fixture.clock.advance(by: 3 * 86_400)
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let scenario = BankPaymentScenarioTests()
        _ = try await scenario.importFile(runtime, "balance-agee.csv", Self.export)
        _ = try await scenario.importFile(runtime, "releve.txt", Self.statement)
        let receipt = try #require(try await runtime.store.unmatchedReceipts(of: Self.acme).first)
        let sender = try #require(runtime.digestSenders.first)
        let (digest, _) = try await sender.content(on: CivilDate(iso8601: "2026-12-03")!)
        let section = try #require(digest.sections.first { $0.title == "1 bank receipt to link" })
        #expect(section.items.first?.headline == "Received 3 Dec 2026 from DUPONT ET FILS")
        #expect(section.items.first?.lines == ["Link: relance bank link \(receipt.entryID) <customer id> · set aside: relance bank dismiss \(receipt.entryID)"])
        await #expect { try await PeopleActions(runtime: runtime).resolveReceipt(receipt.entryID, of: Self.acme, customer: "C9", by: "Claire", channel: .cli) }
            throws: { "\($0)".contains("there is no customer C9 in this creditor's books") }
        let set = try await PeopleActions(runtime: runtime).resolveReceipt(receipt.entryID, of: Self.acme, customer: nil, by: "Claire", channel: .console)
        #expect(set.customer == nil)
        #expect(try await runtime.store.unmatchedReceipts(of: Self.acme).isEmpty)
        #expect(EnglishWording().receiptResolved(set) == "Receipt #\(receipt.entryID) set aside: it pays no invoice.")
    }
}
