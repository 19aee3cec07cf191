import Foundation
import RelanceCore
@testable import RelanceImport
import Testing

/// Issue #11, "Dates": a row with a date no person means is refused on its own, with the cell
/// and the reason; the rest of the file is imported.
@Suite struct ImplausibleDateTests {
    @Test func aWorkbookKeepsItsGoodRowsAndNamesTheCellOfEachBadOne() throws {
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("xlsx/implausible-dates.xlsx"), fileName: "balance.xlsx",
                                            options: ImportOptions(exportDate: date("2026-11-15")))
        #expect(parsed.items.map(\.invoice) == ["F-002", "F-003", "F-004", "F-006", "F-008", "F-010", "F-011"])
        let refused = Dictionary(uniqueKeysWithValues: parsed.refusedRows.map { ($0.invoice ?? "", $0) })
        #expect(refused.keys.sorted() == ["F-005", "F-007", "F-009", "F-012"])
        #expect(refused["F-012"]?.position.spreadsheetCell == "E12")
        #expect(refused["F-012"]?.reason.contains("spreadsheet's day 0") == true)
        #expect(refused["F-005"]?.position.spreadsheetCell == "E5")
        #expect(refused["F-005"]?.reason.contains("before the issue date 1 Sep 2026") == true)
        #expect(refused["F-007"]?.reason.contains("more than 2 years after the export date 15 Nov 2026") == true)
        #expect(refused["F-009"]?.reason.contains("before 1990") == true)
        #expect(refused["F-012"]!.description.contains("(cell E12)"))
        #expect(refused["F-012"]!.description.contains("invoice F-012 (customer 411BRAS) refused"))
    }

    @Test func aCSVRowIsRefusedByLineAndTheJSONListsIt() throws {
        let text = """
            Code client;Client;Facture;Date;Échéance;Montant TTC;Reste dû
            C1;Client Un;F-1;01/09/2026;01/10/2026;100,00;100,00
            C1;Client Un;F-2;01/09/2026;30/12/1899;50,00;50,00

            """
        let parsed = try ImportParser.parse(bytes: Array(text.utf8), fileName: "open.csv", options: ImportOptions(exportDate: date("2026-11-15")))
        #expect(parsed.items.map(\.invoice) == ["F-1"])
        #expect(parsed.refusedRows.map(\.position.line) == [3])
        let json = OpenItemsJSON.encode(parsed.items, refused: parsed.refusedRows)
        #expect(json.contains("\"invoice\": \"F-1\""))
        #expect(json.contains("{\"refused\": \"the due date is the spreadsheet's day 0"))
        #expect(json.contains("\"file\": \"open.csv\", \"line\": 3, \"cell\": null, \"invoice\": \"F-2\", \"customer\": \"C1\"}"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(decoded?.count == 2)
        #expect(OpenItemsJSON.encode(parsed.items, refused: []) == OpenItemsJSON.encode(parsed.items))
    }

    /// A text export writes the spreadsheet's day 0 as `0` or `00/01/1900`: the row is refused
    /// with its cell, like 30/12/1899, not the whole file for "not a date".
    @Test(arguments: ["0", "00/01/1900", " 0 "])
    func aCSVDayZeroRefusesItsRowOnly(_ zero: String) throws {
        let text = """
            Code client;Client;Facture;Date;Échéance;Montant TTC;Reste dû
            C1;Client Un;F-1;01/09/2026;01/10/2026;100,00;100,00
            C1;Client Un;F-2;\(zero);01/10/2026;50,00;50,00

            """
        let parsed = try ImportParser.parse(bytes: Array(text.utf8), fileName: "open.csv", options: ImportOptions(exportDate: date("2026-11-15")))
        #expect(parsed.items.map(\.invoice) == ["F-1"])
        let row = try #require(parsed.refusedRows.first)
        #expect(row.invoice == "F-2")
        #expect(row.position.line == 3 && row.position.column != nil, "\(row.position)")
        #expect(row.reason.contains("issue date is the spreadsheet's day 0"))
    }

    @Test func plausibleDatesPass() {
        #expect(DatePlausibility.problem(issued: date("2026-09-01"), due: date("2026-10-01"), exportDate: date("2026-11-15")) == nil)
        #expect(DatePlausibility.problem(issued: nil, due: date("2028-11-15"), exportDate: date("2026-11-15")) == nil)
        #expect(DatePlausibility.problem(issued: nil, due: date("2028-11-29"), exportDate: date("2026-11-15"))?.field == .due)
    }
}
