import RelanceCore
@testable import RelanceImport
import RelanceTesting
import Testing

/// A workbook's internals, XML documents and the import limits are refused in French for a
/// French creditor (#13): one hostile file per refusal, small limits where the standard ones
/// would need a large file.
@Suite struct StructureRefusalLanguageTests {
    static let mb = ImportLimits(inflatedBytes: 1_048_576)

    static func sheet(_ xml: String, name: String = "xl/worksheets/sheet1.xml") -> [UInt8] {
        HostileShapes.zip([HostileShapes.entry(name, [(xml, 1)])])
    }

    /// A ZIP whose every part says it uses compression method 12 (bzip2), which no XLSX uses.
    static func bzip2Workbook() -> [UInt8] {
        var bytes = sheet("<worksheet><sheetData/></worksheet>")
        for offset in 0..<(bytes.count - 12) where bytes[offset..<(offset + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
            bytes[offset + 10] = 12
        }
        return bytes
    }

    static let hostileFiles: [(name: String, file: String, limits: ImportLimits, bytes: @Sendable () throws -> [UInt8])] = [
        ("zip cut", "a.xlsx", .standard, { Array(try Fixture.bytes("xlsx/balance-agee.xlsx").prefix(2_000)) }),
        ("zip method", "a.xlsx", .standard, { bzip2Workbook() }),
        ("inflated, declared", "a.xlsx", mb, { HostileShapes.inflatingSheet(rows: 100_000) }),
        ("inflated, lying", "a.xlsx", mb, { HostileShapes.inflatingSheet(rows: 100_000, declaredSize: 1_000) }),
        ("pdf inflated", "a.pdf", mb, { HostileShapes.zerosPDF(streams: 3, megabytes: 2, invoiceHead: true) }),
        ("part malformed", "a.xlsx", .standard, { sheet("<worksheet><sheetData><row><c></row></sheetData></worksheet>") }),
        ("cells", "a.xlsx", ImportLimits(workbookCells: 1_000), { HostileShapes.manyCells(5_000) }),
        ("beyond XFD", "a.xlsx", .standard, {
            sheet("<worksheet><sheetData><row><c r=\"AAAAAAAAAAAAAAAAAAAA1\"><v>1</v></c></row></sheetData></worksheet>") }),
        ("long cell", "a.xlsx", .standard, {
            sheet("<worksheet><sheetData><row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>" + String(repeating: "x", count: 40_000)
                  + "</t></is></c></row></sheetData></worksheet>") }),
        ("doctype", "a.xml", .standard, {
            Array("<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [<!ENTITY a \"aaaa\">]>\n<Invoice><ID>&a;</ID></Invoice>\n".utf8) }),
        ("nesting", "a.xml", .standard, { HostileShapes.nestedUBL(depth: 200) }),
        ("elements", "s.xml", ImportLimits(statementElements: 500), { HostileBankStatements.manyEntries(100) }),
        ("statement text", "s.xml", .standard, { HostileBankStatements.hugeText() }),
    ]

    @Test(arguments: hostileFiles.map(\.name))
    func everyStructureRefusalReadsInFrench(_ name: String) throws {
        let hostile = try #require(Self.hostileFiles.first { $0.name == name })
        let bytes = try hostile.bytes()
        ImportRefusalFamilyLanguageTests.expectFrench(name) {
            _ = try ImportParser.parse(bytes: bytes, fileName: hostile.file, options: ImportOptions(limits: hostile.limits))
        }
    }

    @Test func aLimitKeepsItsEnglishWordForWordAndSaysMegabytesInFrench() throws {
        do {
            _ = try ImportParser.parse(bytes: HostileShapes.inflatingSheet(rows: 100_000), fileName: "big.xlsx", options: ImportOptions(limits: Self.mb))
            Issue.record("must be refused")
        } catch {
            #expect(error.message == "the workbook decompresses to more than 1 MB (the inflated-size limit), by its own table of contents")
            #expect(error.text(in: .french).contains("le classeur se décompresse en plus de 1 Mo (la limite de taille décompressée), d'après sa propre table des matières [over-limit]"))
        }
    }
}
