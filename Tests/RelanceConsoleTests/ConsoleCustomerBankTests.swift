import Foundation
import Hummingbird
import HummingbirdTesting
import RelanceCore
import RelanceDaemon
import Testing

/// The customer's page reads a paid invoice as the plan and the aged balance do: what the bank
/// shows paid and the ledger has not lettered yet is set apart (it read « Reste dû 1 092,00 € »
/// and a total of 1 092,00 € for an invoice the bank had paid, where the aged balance and the
/// reminders said 0,00 €).
@Suite("Console: a customer's invoices, the bank's payments set apart")
struct ConsoleCustomerBankTests {
    @Test("an invoice paid at the bank: « Reste dû » 0,00 €, « Reçu (banque) » 1 092,00 €, the total what is still demanded")
    func paidAtTheBank() async throws {
        let fixture = try await ConsoleFixture()
        let acme = CreditorID("acme")!
        // FA-1001 (1 092,00 €) paid by transfer, its number in the label: matched, awaiting the ledger.
        let statement = ConsoleReceiptsTests.statement([("BOULANGERIE MARTIN", "0000000010920{", "FACTURE FA-1001")], closing: "0000000110920{")
        _ = try await fixture.runtime.creditors[0].intake.importer.importExport(Array(statement.utf8), fileName: "releve.txt")
        #expect(try await fixture.runtime.store.bankPayments(of: acme).map(\.invoiceNumber) == ["FA-1001"])
        try await fixture.application().test(.router) { client in
            var marie = Browser()
            _ = try await marie.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/customers/acme/C001", method: .get, headers: marie.headers).body)
            #expect(page.contains(#"<th class="num">Reste dû</th><th class="num">Reçu (banque)</th></tr></thead>"#), "\(page)")
            #expect(page.contains("<td>01/09/2026</td><td>01/10/2026</td><td class=\"num\">0,00\u{00A0}€</td><td class=\"num\">1\u{202F}092,00\u{00A0}€</td></tr>"))
            #expect(page.contains("<th class=\"num\">0,00\u{00A0}€</th><th class=\"num\">1\u{202F}092,00\u{00A0}€</th></tr></tfoot>"))
        }
    }

    @Test("nothing paid at the bank: no « Reçu (banque) » column, the open amount as before")
    func nothingPaid() async throws {
        let fixture = try await ConsoleFixture()
        try await fixture.application().test(.router) { client in
            var marie = Browser()
            _ = try await marie.login(client, user: "marie")
            let page = String(buffer: try await client.execute(uri: "/customers/acme/C001", method: .get, headers: marie.headers).body)
            #expect(!page.contains("Reçu (banque)"))
            #expect(page.contains("<td>01/09/2026</td><td>01/10/2026</td><td class=\"num\">1\u{202F}092,00\u{00A0}€</td></tr>"))
            #expect(page.contains("<th class=\"num\">1\u{202F}092,00\u{00A0}€</th></tr></tfoot>"))
        }
    }
}
