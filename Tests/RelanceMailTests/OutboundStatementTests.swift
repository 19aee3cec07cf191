import RelanceCore
import Testing
@testable import RelanceMail

@Suite("Outbound: statement of account")
struct OutboundStatementTests {
    let today = CivilDate(year: 2026, month: 11, day: 30)!

    func item(_ number: String, due: Int, open: Int64, total: Int64? = nil) -> OpenItem {
        OpenItem(customer: "C 42/é", invoice: number, issued: CivilDate(year: 2026, month: 9, day: 1),
                 due: CivilDate(year: 2026, month: 10, day: due), open: Money(minorUnits: open, currency: .euro),
                 total: total.map { Money(minorUnits: $0, currency: .euro) })
    }

    @Test("French CSV: BOM, semicolons, decimal comma, CRLF, oldest first")
    func french() throws {
        let bytes = StatementOfAccount.csv(items: [item("F2", due: 31, open: 48_000), item("F1", due: 15, open: 123_456, total: 153_456)],
                                           today: today, language: .french)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "Facture;Date;Échéance;Montant;Restant dû;Devise;Jours de retard\r\n"
            + "F1;01/09/2026;15/10/2026;1534,56;1234,56;EUR;46\r\n"
            + "F2;01/09/2026;31/10/2026;480,00;480,00;EUR;30\r\n")
    }

    @Test("English CSV; quoting; formulas in imported text are defused; a safe file name")
    func englishAndHostileText() {
        let items = [item("=HYPERLINK(\"http://x\")", due: 15, open: -5_000), item("A;B,\"C\"", due: 16, open: 100)]
        let text = String(decoding: StatementOfAccount.csv(items: items, today: today, language: .english).dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "Invoice,Date,Due date,Amount,Outstanding,Currency,Days overdue")
        #expect(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\")\",2026-09-01,2026-10-15,-50.00,-50.00,EUR,46")
        #expect(lines[2] == "\"A;B,\"\"C\"\"\",2026-09-01,2026-10-16,1.00,1.00,EUR,45")
        let attachment = StatementOfAccount.attachment(items: items, customerID: "C 42/é", today: today, language: .french)
        #expect(attachment.fileName == "releve-de-compte-C_42__-2026-11-30.csv")
        #expect(attachment.mediaType == "text/csv")
    }
}
