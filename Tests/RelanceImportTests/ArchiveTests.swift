@testable import RelanceImport
import Testing

@Suite("Archives: inflate, ZIP, XLSX")
struct ArchiveTests {
    @Test("inflate decodes stored, fixed-Huffman and dynamic-Huffman blocks made by zlib", arguments: ["stored", "fixed", "dynamic"])
    func inflate(_ name: String) throws {
        let compressed = try Fixture.bytes("inflate/\(name).zlib")
        let expected = name == "dynamic"
            ? Array(try Fixture.bytes("fec/real/000000000FEC20231231.txt").prefix(200_000))
            : try Fixture.bytes("inflate/\(name).bin")
        #expect(try Inflate.zlib(compressed[...], limit: 1 << 20) == expected)
    }

    @Test("inflate refuses to grow past its limit (zip bombs) and refuses truncated data")
    func inflateLimits() throws {
        let compressed = try Fixture.bytes("inflate/dynamic.zlib")
        #expect(throws: Inflate.Failure.tooLarge(limit: 1000)) { try Inflate.zlib(compressed[...], limit: 1000) }
        #expect(throws: Inflate.Failure.truncated) { try Inflate.zlib(compressed.prefix(500), limit: 1 << 20) }
        #expect(throws: Inflate.Failure.badZlibHeader) { try Inflate.zlib([0x12, 0x34, 0x56][...], limit: 10) }
    }

    @Test("Excel's printed doubles become short decimals, textually", arguments: [
        ("1234.5599999999999", "1234.56"), ("0.30000000000000004", "0.3"), ("600", "600"), ("-1.5E2", "-150"),
        ("1.25E-3", "0.00125"), ("2999.9899999999998", "2999.99"), ("-0.0000000001", "0"), ("99.9999999999", "100"),
    ])
    func decimalText(_ raw: String, _ expected: String) {
        #expect(XLSXReader.decimalText(raw) == expected)
    }

    @Test("a workbook saved by openpyxl: inline strings, date-formatted cells, float noise, formula total")
    func openpyxlWorkbook() throws {
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("xlsx/balance-agee.xlsx"), fileName: "balance-agee.xlsx")
        #expect(parsed.kind == .openInvoices)
        #expect(parsed.asOf == date("2026-12-31"))
        #expect(parsed.items.map { "\($0.customer)|\($0.invoice)|\($0.issued!)|\($0.due!)|\($0.open.decimalString)|\($0.emails)" } == [
            "411DUP|FA-1001|2026-10-15|2026-11-14|1234.56|[\"compta@dupont.fr\"]",
            "411DUP|FA-1007|2026-11-02|2026-12-02|0.30|[]",
            "411LOE|1010|2026-11-20|2026-12-20|2999.99|[\"a@loewe.fr\", \"b@loewe.fr\"]",
        ])
        #expect(parsed.items[0].source?.line == 4, "positions are worksheet row numbers")
        #expect(parsed.items[2].customerName == "Lœwe d’Arc")
        // The title, the "Total" row and the trailing note (row 2 is blank, so absent from the sheet XML).
        #expect(parsed.skippedRows == 3)
    }

    @Test("a workbook as Excel writes it: shared strings with rich runs, custom and built-in date formats, stored parts")
    func excelWorkbook() throws {
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("xlsx/excel-shared-strings.xlsx"), fileName: "x.xlsx")
        #expect(parsed.items.map { "\($0.customer)|\($0.invoice)|\($0.issued.map(\.iso8601) ?? "-")|\($0.due.map(\.iso8601) ?? "-")|\($0.open.decimalString)" } == [
            "ACME|INV-1|2026-10-15|2026-11-14|1234.56",
            "Globex Ltd|INV-2|2026-10-16|-|-150.00",
        ])
        #expect(parsed.items[1].source?.line == 5)
    }

    @Test("a contacts workbook is recognised by its columns")
    func contactsWorkbook() throws {
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("xlsx/contacts.xlsx"), fileName: "export.xlsx")
        #expect(parsed.kind == .contacts)
        #expect(parsed.contacts.map(\.customer) == ["411DUP", "411LOE"])
        #expect(parsed.contacts[1].paymentTerms == PaymentTerms(days: 30))
        #expect(parsed.contacts[1].doNotRemind)
    }

    @Test("a workbook that opens on a summary sheet is read from the sheet that holds the report")
    func summaryThenDetail() throws {
        let parsed = try ImportParser.parse(bytes: try Fixture.bytes("xlsx/summary-then-detail.xlsx"), fileName: "encours.xlsx")
        #expect(parsed.kind == .openInvoices)
        #expect(parsed.items.map { "\($0.customer)|\($0.invoice)|\($0.open.decimalString)" } == [
            "C1|F-2026-001|1234.56", "C2|F-2026-002|2395.94",
        ])
        #expect(parsed.items[0].source?.line == 4, "rows of the sheet read")
        #expect(parsed.warnings.map(\.description).first == "read the worksheet \"Détail\"; \"Synthèse\" before it holds no report")
    }

    @Test("a workbook where no sheet holds a report is refused, saying every sheet was tried")
    func noReportInAnySheet() throws {
        let error = try #require(throws: ImportError.self) {
            try ImportParser.parse(bytes: try Fixture.bytes("xlsx/no-report.xlsx"), fileName: "encours.xlsx")
        }
        #expect(error.hint?.contains("Every worksheet was tried (\"Synthèse\", \"Détail\")") == true)
    }

    @Test("a ZIP that is not a workbook is refused")
    func notAWorkbook() throws {
        let error = try #require(throws: ImportError.self) {
            try ImportParser.parse(bytes: try Fixture.bytes("xlsx/not-a-workbook.zip"), fileName: "not-a-workbook.zip")
        }
        #expect(error.code == .unknownFormat)
        #expect(error.message.contains("xl/workbook.xml"))
    }
}
