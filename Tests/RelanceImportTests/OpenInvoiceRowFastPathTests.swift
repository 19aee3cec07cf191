import Testing
@testable import RelanceImport
import RelanceCore

/// The row reader's shortcuts (each data row's first cell read as ASCII, email cells read once
/// per distinct text) give what the general path gives.
@Suite struct OpenInvoiceRowFastPathTests {
    /// `isTotalLabel` as it reads without the ASCII shortcut.
    static func reference(_ text: String) -> Bool {
        let words = HeaderText.normalize(text).split(separator: " ")
        guard let first = words.first else { return false }
        if first == "total" || first == "totaux" || first == "cumul" { return true }
        return (first == "sous" || first == "grand") && words.dropFirst().first == "total"
    }

    @Test func totalLabelsAreTheOnesTheNormalizedTextNames() {
        let pieces = ["total", "Total", "TOTAUX", "cumul", "Sous", "sous-total", "grand", "Grand Total", "totals", "totalement",
                      "C000123", "F-1", "", " ", "-", ":", "  ", "Client", "Total\u{E9}", "sous total client", "é", "Sous\u{A0}total",
                      "grandtotal", "Cumuls", "12", "subtotal", "total:", "sous.total", "GRAND-TOTAL", "tôtal", "ſous"]
        var texts = pieces
        for a in pieces { for b in pieces { texts += [a + " " + b, a + b, a + ";" + b, "  " + a + "  " + b] } }
        for text in texts {
            #expect(OpenInvoiceRow.isTotalLabel(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    @Test func anEmailCellReadBeforeGivesTheSameAddressesAndARefusedOneWarnsOnEveryRow() throws {
        let csv = """
            Client;Nom;Email;Facture;Date;Échéance;Montant
            C1;Un;a@one.example, b@one.example;F1;01/10/2026;31/10/2026;10,00
            C1;Un;a@one.example, b@one.example;F2;01/10/2026;31/10/2026;20,00
            C2;Deux;not an address;F3;01/10/2026;31/10/2026;30,00
            C2;Deux;not an address;F4;01/10/2026;31/10/2026;40,00
            """
        let parsed = try OpenInvoiceReportParser().parse(Array(csv.utf8), fileName: "open.csv")
        #expect(parsed.items.map(\.emails) == [["a@one.example", "b@one.example"], ["a@one.example", "b@one.example"],
                                               ["not an address"], ["not an address"]])
        #expect(parsed.warnings.map(\.description).filter { $0.contains("not an address") }.count == 2)
    }
}
