@testable import RelanceImport
import RelanceTesting
import Testing

/// Issue #12, section 1: each hostile shape is refused with the limit it passes, named, and what
/// to do, while it is read. Time and memory are measured on the release binary by
/// scripts/hostile-shapes.sh, not here.
@Suite("Hostile shapes: refused at a named limit")
struct HostileShapeTests {
    static func refusal(_ bytes: [UInt8], _ fileName: String, limits: ImportLimits = .standard) throws -> ImportError {
        try #require(throws: ImportError.self) {
            try ImportParser.parse(bytes: bytes, fileName: fileName, options: ImportOptions(limits: limits))
        }
    }

    @Test("an XLSX whose workbook.xml nests 100,000 elements is refused at the nesting-depth limit")
    func nestedWorkbook() throws {
        let error = try Self.refusal(HostileShapes.nestedWorkbook(), "nested.xlsx")
        #expect(error.code == .overLimit)
        #expect(error.message.contains("nested more than 64 deep (the nesting-depth limit)"))
        #expect(error.position.path?.hasPrefix("xl/workbook.xml /workbook/sheets/a/a") == true)
        #expect(error.hint?.contains("original file") == true)
    }

    @Test("a UBL invoice nested 40,000 deep is refused at the nesting-depth limit, with its XML path and line")
    func nestedUBL() throws {
        let error = try Self.refusal(HostileShapes.nestedUBL(), "deep.xml")
        #expect(error.code == .overLimit)
        #expect(error.message.contains("the nesting-depth limit"))
        #expect(error.position.path?.hasPrefix("/Invoice/Note/Note/Note") == true)
        #expect(error.position.line == 2)
        #expect(error.description.contains("[over-limit]"))
    }

    @Test("an invoice nested as deep as real ones is read past the XML layer")
    func ordinaryDepth() throws {
        let error = try Self.refusal(HostileShapes.nestedUBL(depth: 50), "fine.xml")
        #expect(error.code != .overLimit)
    }

    @Test("a worksheet that inflates to 250 MB is refused from the ZIP's table of contents, before inflating")
    func inflatingSheet() throws {
        let error = try Self.refusal(HostileShapes.inflatingSheet(), "big.xlsx")
        #expect(error.code == .overLimit)
        #expect(error.message.contains("decompresses to more than 64 MB (the inflated-size limit), by its own table of contents"))
        #expect(error.position.path == "xl/worksheets/sheet1.xml")
        #expect(error.hint?.contains("CSV") == true)
    }

    @Test("a worksheet lying about its size is stopped while inflating, at the limit")
    func lyingSheet() throws {
        let limits = ImportLimits(inflatedBytes: 1_048_576)
        let error = try Self.refusal(HostileShapes.inflatingSheet(rows: 100_000, declaredSize: 1_000), "lie.xlsx", limits: limits)
        #expect(error.code == .overLimit)
        #expect(error.message.contains("more than 1 MB (the inflated-size limit), and inflating xl/worksheets/sheet1.xml was stopped there"))
    }

    @Test("a workbook of 5 million inline cells is refused")
    func fiveMillionCells() throws {
        let error = try Self.refusal(HostileShapes.manyCells(), "cells.xlsx")
        #expect(error.code == .overLimit)
        #expect(error.message.contains("the inflated-size limit"))
    }

    @Test("cells past the workbook's cell limit are refused while the sheet is read, naming the row")
    func cellLimit() throws {
        let error = try Self.refusal(HostileShapes.manyCells(5_000), "cells.xlsx", limits: ImportLimits(workbookCells: 1_000))
        #expect(error.code == .overLimit)
        #expect(error.message.contains("more than 1,000 cells (the cell limit"))
        #expect(error.position.line == 101)
        #expect(error.position.path == "xl/worksheets/sheet1.xml")
    }

    @Test("empty cells up to a far column count against the cell limit: a row reaching XFD is 16,384 cells")
    func farColumns() throws {
        let row = "<row><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
        let sheet = HostileShapes.zip([HostileShapes.entry("xl/worksheets/sheet1.xml",
                                                           [("<worksheet><sheetData>", 1), (row, 100), ("</sheetData></worksheet>", 1)])])
        let error = try Self.refusal(sheet, "wide.xlsx", limits: ImportLimits(workbookCells: 50_000))
        #expect(error.message.contains("the cell limit"))
        let beyond = HostileShapes.zip([HostileShapes.entry("xl/worksheets/sheet1.xml",
            [("<worksheet><sheetData><row><c r=\"AAAAAAAAAAAAAAAAAAAA1\"><v>1</v></c></row></sheetData></worksheet>", 1)])])
        #expect(try Self.refusal(beyond, "beyond.xlsx").message.contains("beyond column XFD"))
    }

    @Test("a cell longer than Excel's 32,767 characters is refused, naming the cell")
    func longCell() throws {
        let sheet = HostileShapes.zip([HostileShapes.entry("xl/worksheets/sheet1.xml",
            [("<worksheet><sheetData><row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>", 1), ("x", 40_000), ("</t></is></c></row></sheetData></worksheet>", 1)])])
        let error = try Self.refusal(sheet, "long.xlsx")
        #expect(error.code == .overLimit)
        #expect(error.message.contains("more than 32,767 characters (the cell-length limit"))
        #expect(error.position.spreadsheetCell == "B3")
    }

    @Test("a number with a wild exponent stays text instead of a billion zeros")
    func wildExponent() {
        #expect(XLSXReader.decimalText("1E999999999") == "1E999999999")
        #expect(XLSXReader.decimalText("1.5E3") == "1500")
    }

    @Test("a PDF of 150 Flate streams of 64 MB of zeros is answered from their first kilobytes")
    func zerosPDF() throws {
        let error = try Self.refusal(HostileShapes.zerosPDF(), "zeros.pdf")
        #expect(error.code == .unsupported)
        #expect(error.message.contains("no Factur-X"))
    }

    @Test("a PDF whose streams decompress past the budget, together, is refused at the inflated-size limit")
    func pdfTotalInflated() throws {
        let limits = ImportLimits(inflatedBytes: 1_048_576)
        let error = try Self.refusal(HostileShapes.zerosPDF(streams: 3, megabytes: 2, invoiceHead: true), "bomb.pdf", limits: limits)
        #expect(error.code == .overLimit)
        #expect(error.message.contains("decompress to more than 1 MB together (the inflated-size limit)"))
    }

    @Test("an XML document type declaration is refused: no entity expansion, no external file")
    func doctype() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE Invoice [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <Invoice><ID>&b;</ID></Invoice>
            """
        let error = try Self.refusal(Array(laughs.utf8), "laughs.xml")
        #expect(error.code == .unsupported)
        #expect(error.message.contains("<!DOCTYPE"))
    }

    @Test("a 4 MB amount cell ending in a non-ASCII byte is a bad amount")
    func longAmount() throws {
        let error = try Self.refusal(HostileShapes.longAmountCSV(), "long.csv")
        #expect(error.code == .badAmount)
        #expect(error.position.line == 2)
        // The error quotes the start of the cell and counts the rest: not a 4 MB line.
        #expect(error.description.utf8.count < 600)
        #expect(error.message.contains("…\" (4194304 characters)"))
    }

    /// An Excel sheet is one XML part of one line; above 10 MB, libxml2 refused it as "not
    /// well-formed" when handed the whole part at once. Fed in chunks, it is read (and here
    /// refused only for what it is: rows without column titles).
    @Test("a worksheet part above 10 MB is read, not refused as malformed XML")
    func elevenMegabyteSheet() throws {
        let row = "<row>" + String(repeating: "<c><v>1</v></c>", count: 10) + "</row>"
        let bytes = HostileShapes.zip([HostileShapes.entry("xl/worksheets/sheet1.xml",
                                                           [("<worksheet><sheetData>", 1), (row, 70_000), ("</sheetData></worksheet>", 1)])])
        let error = try Self.refusal(bytes, "big.xlsx")
        #expect(error.code != .badXML, "\(error)")
    }

    @Test("amounts read the same with no-break, narrow or thin spaces as with plain ones",
          arguments: ["1 234 567,89 €", "1\u{00A0}234\u{00A0}567,89\u{00A0}€", "1\u{202F}234\u{202F}567,89 EUR", "1\u{2009}234\u{2009}567,89 eur"])
    func spaces(_ text: String) throws {
        let cleaned = try #require(AmountText.clean(text))
        #expect(cleaned == AmountText.Cleaned(negative: false, body: "1234567,89", currencyHint: "EUR"))
    }

    @Test("signs, brackets and symbols inside them", arguments: [
        ("(12,50 €)", true, "12,50", "EUR"), ("-€12", true, "12", "EUR"), ("12,00-", true, "12,00", nil),
        ("\u{2212}3.5", true, "3.5", nil), ("US$ 1,234.56", false, "1,234.56", "USD"), ("+7 CHF", false, "7", "CHF"),
        ("1'234.50", false, "1234.50", nil), ("12 abc", false, "?", nil),
    ] as [(String, Bool, String, String?)])
    func signs(_ text: String, _ negative: Bool, _ body: String, _ currency: String?) throws {
        #expect(AmountText.clean(text) == AmountText.Cleaned(negative: negative, body: body, currencyHint: currency))
    }

    @Test("a cell far longer than any amount is not a number, and is not looked at further")
    func longCellIsNotANumber() {
        #expect(AmountText.clean(String(repeating: "1", count: 100))?.body == "?")
        #expect(AmountText.clean("   ") == nil)
    }
}

@Suite("Hostile shapes: CSV")
struct HostileTextTests {
    @Test("a CSV of nothing but separators is refused at the cell limit, naming where")
    func separators() throws {
        let bytes = Array(("client;facture;montant\n" + String(repeating: ";", count: 3_000)).utf8)
        let error = try #require(throws: ImportError.self) {
            try ImportParser.parse(bytes: bytes, fileName: "semicolons.csv", options: ImportOptions(limits: ImportLimits(textCells: 1_000)))
        }
        #expect(error.code == .overLimit)
        #expect(error.message.contains("more than 1,000 cells (the cell limit for CSV files)"))
        #expect(error.position.line == 2)
    }
}
