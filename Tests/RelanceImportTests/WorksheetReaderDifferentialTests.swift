@testable import RelanceImport
import Foundation
import RelanceCore
import Testing

/// The byte-level workbook readers (`ByteXMLScanner`) against the Foundation `XMLParser` readers
/// they replace (kept as `FoundationWorkbookReference`): same rows, strings, date styles and
/// refusals on every XLSX fixture, on generated sheets, and on mutations of them.
@Suite("Worksheet reader: the byte scanner gives what XMLParser gave")
struct WorksheetReaderDifferentialTests {
    enum Outcome: Equatable, CustomStringConvertible {
        case read([String])
        case refused(ImportError.Code, String, SourcePosition?)

        var description: String {
            switch self {
            case .read(let lines): return lines.joined(separator: "\n")
            case .refused(let code, let message, let position): return "refused \(code): \(message) at \(String(describing: position))"
            }
        }
        var isRead: Bool { if case .read = self { true } else { false } }
    }

    /// A refusal for malformed XML is compared without its line, which libxml2 reports where it
    /// noticed the fault, not always where the fault is.
    static func outcome(_ body: () throws(ImportError) -> [String]) -> Outcome {
        do throws(ImportError) {
            return .read(try body())
        } catch {
            if error.code == .badXML { return .refused(error.code, String(error.message.prefix { $0 != "(" }), nil) }
            return .refused(error.code, error.message, error.position)
        }
    }

    static func rows(_ records: [DelimitedRecord]) -> [String] {
        records.map { "\($0.line): " + $0.fields.map { "\($0.column)=\($0.text.debugDescription)@\($0.line)" }.joined(separator: " ") }
    }

    static func oldSheet(_ xml: [UInt8], strings: [String] = [], dateStyles: [Bool] = [], limits: ImportLimits = .standard) -> Outcome {
        outcome { () throws(ImportError) in
            let part = "xl/worksheets/sheet1.xml"
            let sheet = FoundationWorkbookReference.Sheet(strings: strings, dateStyles: dateStyles, limits: limits, cellsBefore: 0, file: "f.xlsx", part: part)
            return rows(try FoundationWorkbookReference.SAX.run(sheet, on: xml, file: "f.xlsx", part: part, limits: limits).records)
        }
    }

    static func newSheet(_ xml: [UInt8], strings: [String] = [], dateStyles: [Bool] = [], limits: ImportLimits = .standard) -> Outcome {
        outcome { () throws(ImportError) in
            let part = "xl/worksheets/sheet1.xml"
            let sheet = WorksheetReader(strings: strings, dateStyles: dateStyles, limits: limits, cellsBefore: 0, file: "f.xlsx", part: part)
            return rows(try XLSXPart.read(sheet, on: xml, file: "f.xlsx", part: part, limits: limits).records)
        }
    }

    @Test("every XLSX fixture: the same shared strings, date styles and rows, part by part")
    func fixtures() throws {
        let names = try Fixture.names(in: "xlsx").filter { $0.hasSuffix(".xlsx") }
        #expect(names.count >= 6)
        for name in names {
            var zip = try ZipArchive(try Fixture.bytes("xlsx/\(name)"), file: name)
            var strings: [String] = []
            if let xml = try zip.contents("xl/sharedStrings.xml") {
                let old = try FoundationWorkbookReference.SAX.run(FoundationWorkbookReference.SharedStrings(limits: .standard, file: name),
                                                                 on: xml, file: name, part: "xl/sharedStrings.xml", limits: .standard).strings
                strings = try XLSXPart.read(SharedStringsReader(limits: .standard, file: name), on: xml, file: name,
                                            part: "xl/sharedStrings.xml", limits: .standard).strings
                #expect(strings == old, "\(name): shared strings")
            }
            var dateStyles: [Bool] = []
            if let xml = try zip.contents("xl/styles.xml") {
                let old = try FoundationWorkbookReference.SAX.run(FoundationWorkbookReference.Styles(), on: xml, file: name,
                                                                 part: "xl/styles.xml", limits: .standard).dateStyles
                dateStyles = try XLSXPart.read(StylesReader(), on: xml, file: name, part: "xl/styles.xml", limits: .standard).dateStyles
                #expect(dateStyles == old, "\(name): date styles")
            }
            let sheets = zip.entries.keys.filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }.sorted()
            #expect(!sheets.isEmpty)
            for path in sheets {
                let xml = try #require(try zip.contents(path))
                let new = Self.newSheet(xml, strings: strings, dateStyles: dateStyles)
                #expect(new.isRead, "\(name) \(path)")
                #expect(new == Self.oldSheet(xml, strings: strings, dateStyles: dateStyles), "\(name) \(path)")
            }
        }
    }

    /// A small deterministic generator (xorshift), so that a failure replays.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
    }

    static let values = ["1", "0", "-0", "1234.5599999999999", "0.30000000000000004", "1.5E-3", "-1.5E2", " 12 ", "", "007.50", "5.",
                         ".5", "-", "1.2.3", "abc", "46000", "46000.75", "2", "-1", "99999999999999999999", "1E999999999", "12\r\n"]
    static let texts = ["Dupont &amp; Fils", "a &lt;b&gt; c", "caf&#233; &#x1F600;", "Lœwe d’Arc", " ", "",
                        "line\r\nbreak\rthere", "&quot;q&quot; &apos;a&apos;", "tab\there", "x]]y", "a > b"]

    static func sheet(_ generator: inout Generator) -> String {
        var xml = generator.next() % 2 == 0 ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" : ""
        xml += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:K9\"/><sheetData>"
        var rowNumber = 0
        for _ in 0..<Int(generator.next() % 12) {
            rowNumber += 1 + Int(generator.next() % 3)
            let numbered = generator.next() % 4 != 0
            xml += numbered ? "<row r=\"\(rowNumber)\" spans=\"1:5\">" : "<row>"
            if !numbered { rowNumber = 0 }
            var column = 0
            for _ in 0..<Int(generator.next() % 7) {
                column += 1 + Int(generator.next() % 2)
                let letters = String(UnicodeScalar(UInt8(64 + min(column, 26))))
                let reference = generator.next() % 5 == 0 ? "" : " r=\"\(letters)\(max(rowNumber, 1))\""
                let style = generator.next() % 3 == 0 ? " s=\"\(generator.next() % 4)\"" : ""
                switch generator.next() % 8 {
                case 0: xml += "<c\(reference)\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(texts[Int(generator.next() % UInt64(texts.count))])</t></is></c>"
                case 1: xml += "<c\(reference) t=\"s\"><v>\(generator.next() % 5)</v></c>"
                case 2: xml += "<c\(reference) t=\"b\"><v>\(generator.next() % 2)</v></c>"
                case 3: xml += "<c\(reference)\(style)/>"
                case 4: xml += "<c\(reference) t='str'><f>A1*2</f><v>\(texts[Int(generator.next() % UInt64(texts.count))])</v></c>"
                case 5: xml += "<c\(reference) t=\"inlineStr\"><is><r><rPr><b/></rPr><t>a</t></r><r><t>b</t></r><rPh><t>ふ</t></rPh></is></c>"
                case 6: xml += "<c\(reference) t=\"d\"><v>2026-10-15T00:00:00</v></c>"
                default: xml += "<c\(reference)\(style)>\n  <v>\(values[Int(generator.next() % UInt64(values.count))])</v>\n</c>"
                }
                if generator.next() % 9 == 0 { xml += "<!-- a comment --><?pi data?>" }
            }
            xml += "</row>\n"
        }
        return xml + "</sheetData><pageMargins left=\"0.7\"/></worksheet>"
    }

    static let strings = ["zéro", "one & two", "", "three", "  four  "]
    static let dateStyles = [false, true, false, true]

    @Test("generated sheets: entities, references, CDATA, line ends, rich runs, formulas, styles, missing references")
    func generated() {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
        for round in 0..<400 {
            let xml = Array(Self.sheet(&generator).utf8)
            let new = Self.newSheet(xml, strings: Self.strings, dateStyles: Self.dateStyles)
            #expect(new.isRead, "round \(round): \(String(decoding: xml, as: UTF8.self))")
            #expect(new == Self.oldSheet(xml, strings: Self.strings, dateStyles: Self.dateStyles),
                    "round \(round): \(String(decoding: xml, as: UTF8.self))")
        }
    }

    /// Not compared with XMLParser: Foundation's parser crashed the test process (a null pointer
    /// in `strlen`) on some of these inputs, which the byte scanner does not share.
    @Test("mutated sheets: every one ends read or refused as malformed, or at a limit, never otherwise")
    func mutated() {
        var generator = Generator(state: 0x2545_F491_4F6C_DD1D)
        let inserts: [[UInt8]] = ["<", ">", "&", "&#0;", "&nbsp;", "\"", "'", "</c>", "<c>", "<v>", "]]>", "<!--", "\u{1}", "\r", "--", "x:"]
            .map { Array($0.utf8) }
        var refused = 0
        for round in 0..<1_500 {
            var xml = Array(Self.sheet(&generator).utf8)
            for _ in 0...Int(generator.next() % 3) {
                let at = Int(generator.next() % UInt64(xml.count))
                switch generator.next() % 4 {
                case 0: xml.remove(at: at)
                case 1: xml.insert(contentsOf: inserts[Int(generator.next() % UInt64(inserts.count))], at: at)
                case 2: xml[at] ^= 1 << UInt8(generator.next() % 7)
                default: xml = Array(xml.prefix(at))
                }
            }
            let new = Self.newSheet(xml, strings: Self.strings, dateStyles: Self.dateStyles)
            if case .refused(let code, _, _) = new {
                refused += 1
                #expect([.badXML, .overLimit, .unsupported, .encoding].contains(code), "round \(round): \(new)")
            }
        }
        #expect(refused > 300, "most mutations break the XML")
    }

    @Test("limits: nesting depth, element count, cell length and cell count are refused alike, with the same position", arguments: [
        (String(repeating: "<a>", count: 70) + String(repeating: "</a>", count: 70), ImportLimits.standard),
        ("<sheetData><row>" + String(repeating: "<c><v>1</v></c>", count: 4) + "</row></sheetData>", ImportLimits(xmlElements: 1)),
        ("<sheetData><row r=\"7\"><c r=\"C7\" t=\"inlineStr\"><is><t>abcdefghijkl&amp;</t></is></c></row></sheetData>", ImportLimits(cellCharacters: 10)),
        ("<sheetData><row r=\"3\"><c r=\"J3\"><v>1</v></c></row><row><c><v>1</v></c></row></sheetData>", ImportLimits(workbookCells: 10)),
        ("<sheetData><row><c r=\"XFE1\"><v>1</v></c></row></sheetData>", ImportLimits.standard),
    ])
    func limits(_ body: String, _ limits: ImportLimits) {
        let xml = Array("<worksheet>\(body)</worksheet>".utf8)
        let new = Self.newSheet(xml, limits: limits)
        guard case .refused(let code, _, _) = new else { Issue.record("read: \(new)"); return }
        #expect(code == .overLimit)
        #expect(new == Self.oldSheet(xml, limits: limits))
    }

    @Test("what is not well-formed is refused as such, naming the part and its line", arguments: [
        "<worksheet><sheetData>", "<worksheet></sheetData>", "<worksheet><v>&nbsp;</v></worksheet>", "<worksheet>\u{1}</worksheet>",
        "<worksheet/>text", "<worksheet/><worksheet/>", "<worksheet><c r=1/></worksheet>", "<worksheet><c r=\"1\" r=\"2\"/></worksheet>",
        "<worksheet><c r=\"<\"/></worksheet>", "<worksheet>]]></worksheet>", "<worksheet><v>&#0;</v></worksheet>",
        "<worksheet/><?xml version=\"1.0\"?>", "", "<worksheet><c/ ></worksheet>", "<worksheet><1c/></worksheet>",
        "<worksheet><v>&#xD800;</v></worksheet>", "<worksheet><v>&amp</v></worksheet>", "<worksheet><!-- open </worksheet>",
    ])
    func malformed(_ text: String) {
        let xml = Array(text.utf8)
        let new = Self.newSheet(xml)
        #expect(new == .refused(.badXML, "the workbook part xl/worksheets/sheet1.xml is not well-formed XML ", nil))
        // One deliberate difference: XMLParser, fed from a stream, read an empty part as a sheet of
        // no rows; an empty part is not XML, and is refused.
        if !text.isEmpty { #expect(new == Self.oldSheet(xml)) }
    }

    @Test("the line of a fault is counted in the part")
    func faultLine() throws {
        let error = try #require(throws: ImportError.self) {
            try XLSXPart.read(WorksheetReader(strings: [], dateStyles: [], limits: .standard, cellsBefore: 0, file: "f.xlsx", part: "xl/worksheets/sheet1.xml"),
                              on: Array("<worksheet>\n<sheetData>\r\n<row>&bad;</row>\n</sheetData></worksheet>".utf8), file: "f.xlsx",
                              part: "xl/worksheets/sheet1.xml", limits: .standard)
        }
        #expect(error.message == "the workbook part xl/worksheets/sheet1.xml is not well-formed XML (line 3 of the part)")
        #expect(error.position.path == "xl/worksheets/sheet1.xml")
        #expect(error.hint == "Save the workbook again from Excel or LibreOffice as .xlsx.")
    }

    @Test("a sheet written with a namespace prefix (x:c) reads as the same sheet without one")
    func prefixed() {
        let plain = "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>Dupont</t></is></c><c r=\"C2\"><v>12.50</v></c></row></sheetData></worksheet>"
        let prefixed = plain.replacingOccurrences(of: "<", with: "<x:").replacingOccurrences(of: "<x:/", with: "</x:")
            .replacingOccurrences(of: "<x:worksheet>", with: "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        let read = Self.newSheet(Array(prefixed.utf8))
        #expect(read == Self.newSheet(Array(plain.utf8)))
        #expect(read == .read(["2: 1=\"\"@2 2=\"Dupont\"@2 3=\"12.5\"@2"]))
    }

    /// Two deliberate differences: Foundation's parser gave CDATA sections to a delegate method
    /// the old reader did not implement (their text was lost), and saw no `x:c` as a cell.
    @Test("CDATA sections are cell text")
    func cdata() {
        let xml = "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>a <![CDATA[<b> & c]]>d</t></is></c></row></sheetData></worksheet>"
        #expect(Self.newSheet(Array(xml.utf8)) == .read(["1: 1=\"a <b> & cd\"@1"]))
    }

    @Test("a formatted empty cell is empty, not 0 nor 30/12/1899 under a date style")
    func styledBlank() {
        let xml = "<worksheet><sheetData><row r=\"2\"><c r=\"A2\" s=\"1\"/><c r=\"B2\" s=\"1\"><v>46296</v></c><c r=\"C2\" s=\"0\"/></row></sheetData></worksheet>"
        #expect(Self.newSheet(Array(xml.utf8), dateStyles: [false, true]) == .read(["2: 1=\"\"@2 2=\"2026-10-01\"@2 3=\"\"@2"]))
    }
}
