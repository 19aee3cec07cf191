import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RelanceCore

/// Reads the worksheets of an XLSX workbook into the same rows a CSV gives, so the
/// open-invoice and contacts parsers read both alike. Positions are row and column numbers.
///
/// Values come out as text: shared and inline strings as written; numbers as their shortest
/// decimal (Excel stores `1234.56` as a double printed `1234.5599999999999`, which is cut back
/// textually to 9 decimals, never through a floating-point conversion); cells formatted as
/// dates as `AAAA-MM-JJ`.
enum XLSXReader {
    /// One worksheet: its name (as on its tab) and its rows.
    struct Worksheet {
        var name: String
        var records: [DelimitedRecord]
    }

    /// Every worksheet, in the workbook's tab order.
    static func worksheets(_ bytes: [UInt8], file: String) throws(ImportError) -> [Worksheet] {
        let zip = try ZipArchive(bytes, file: file)
        let strings = try zip.contents("xl/sharedStrings.xml").map { xml throws(ImportError) in
            try SAX.run(SharedStrings(), on: xml, file: file, part: "xl/sharedStrings.xml").strings
        } ?? []
        let dateStyles = try zip.contents("xl/styles.xml").map { xml throws(ImportError) in
            try SAX.run(Styles(), on: xml, file: file, part: "xl/styles.xml").dateStyles
        } ?? []
        var sheets: [Worksheet] = []
        for (name, path) in try sheetPaths(zip, file: file) {
            guard let sheet = try zip.contents(path) else {
                throw ImportError(.unknownFormat, at: SourcePosition(file: file, path: path), "the workbook has no worksheet \(path)",
                                  hint: "Save the workbook again as .xlsx, or export it as CSV.")
            }
            let rows = try SAX.run(Sheet(strings: strings, dateStyles: dateStyles), on: sheet, file: file, part: path).rows
            sheets.append(Worksheet(name: name, records: rows.map { row in
                let width = (row.cells.keys.max() ?? 0) + 1
                let fields = (0..<width).map { column in
                    DelimitedField(text: row.cells[column] ?? "", line: row.number, column: column + 1)
                }
                return DelimitedRecord(fields: fields, line: row.number)
            }))
        }
        return sheets
    }

    /// The worksheets' names and parts, in tab order (`xl/workbook.xml` through its relations).
    private static func sheetPaths(_ zip: ZipArchive, file: String) throws(ImportError) -> [(name: String, path: String)] {
        guard let workbook = try zip.contents("xl/workbook.xml") else {
            if zip.entries["xl/worksheets/sheet1.xml"] != nil { return [("Sheet1", "xl/worksheets/sheet1.xml")] }
            throw ImportError(.unknownFormat, at: SourcePosition(file: file), "this ZIP file is not an Excel workbook (no xl/workbook.xml)",
                              hint: "Drop an .xlsx workbook, or export the report as CSV.")
        }
        let index = try XMLElementIndex.parse(workbook, file: file)
        let relations = try zip.contents("xl/_rels/workbook.xml.rels").map { xml throws(ImportError) in
            try XMLElementIndex.parse(xml, file: file).all("/Relationships/Relationship")
        } ?? []
        let sheets = index.all("/workbook/sheets/sheet").enumerated().compactMap { offset, sheet -> (name: String, path: String)? in
            let name = sheet.attributes["name"] ?? "Sheet\(offset + 1)"
            guard let relationId = sheet.attributes.first(where: { $0.key.hasSuffix("id") && $0.key != "sheetId" })?.value,
                  let target = relations.first(where: { $0.attributes["Id"] == relationId })?.attributes["Target"] else {
                return offset == 0 ? (name, "xl/worksheets/sheet1.xml") : nil
            }
            return (name, target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        }
        return sheets.isEmpty ? [("Sheet1", "xl/worksheets/sheet1.xml")] : sheets
    }

    /// Turns Excel's printed double into a short decimal without floating point: rounds the
    /// digits to 9 decimals (far below a cent, far above the binary noise) and drops trailing zeros.
    static func decimalText(_ raw: String) -> String {
        var text = raw
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var integer = String(text.prefix { $0 != "." })
        var fraction = text.contains(".") ? String(text.split(separator: ".", omittingEmptySubsequences: false)[1]) : ""
        guard (integer + fraction).allSatisfy(\.isASCIIDigit) else { return raw }
        // Shift the decimal point for an exponent.
        if exponent > 0 {
            fraction += String(repeating: "0", count: max(0, exponent - fraction.count))
            integer += fraction.prefix(exponent)
            fraction = String(fraction.dropFirst(exponent))
        } else if exponent < 0 {
            integer = String(repeating: "0", count: max(0, -exponent - integer.count + 1)) + integer
            fraction = String(integer.suffix(-exponent)) + fraction
            integer = String(integer.dropLast(-exponent))
        }
        var digits = Array(integer + fraction).map { Int($0.asciiValue! - 48) }
        var scale = fraction.count
        if scale > 9 {
            let roundUp = digits[digits.count - scale + 9] >= 5
            digits.removeLast(scale - 9)
            scale = 9
            if roundUp {
                var index = digits.count - 1
                while index >= 0 {
                    if digits[index] == 9 { digits[index] = 0; index -= 1 } else { digits[index] += 1; break }
                }
                if index < 0 { digits.insert(1, at: 0) }
            }
        }
        while scale > 0, digits.last == 0 { digits.removeLast(); scale -= 1 }
        var integerDigits = digits.dropLast(scale).map(String.init).joined()
        integerDigits = String(integerDigits.drop { $0 == "0" })
        if integerDigits.isEmpty { integerDigits = "0" }
        let fractionDigits = digits.suffix(scale).map(String.init).joined()
        let body = scale > 0 ? integerDigits + "." + fractionDigits : integerDigits
        return (negative && body != "0" ? "-" : "") + body
    }

    // MARK: - SAX readers

    /// Runs an `XMLParser` with a delegate and returns the delegate, or an error naming the part.
    enum SAX {
        static func run<D: NSObject & XMLParserDelegate>(_ delegate: D, on bytes: [UInt8], file: String, part: String) throws(ImportError) -> D {
            let parser = XMLParser(data: Data(try XMLInput.utf8(bytes, file: file)))
            parser.shouldResolveExternalEntities = false
            parser.delegate = delegate
            guard parser.parse(), parser.parserError == nil else {
                throw ImportError(.badXML, at: SourcePosition(file: file, line: parser.lineNumber, path: part),
                                  "the workbook part \(part) is not well-formed XML",
                                  hint: "Save the workbook again from Excel or LibreOffice as .xlsx.")
            }
            return delegate
        }
    }

    final class SharedStrings: NSObject, XMLParserDelegate {
        var strings: [String] = []
        private var current = ""
        private var inText = false
        private var inPhonetic = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
    }

    /// Which cell styles (`s` attribute, an index into `cellXfs`) display a date.
    final class Styles: NSObject, XMLParserDelegate {
        var dateStyles: [Bool] = []
        private var customDateFormats: Set<Int> = []
        private var inCellXfs = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], Self.isDateFormat(code) {
                    customDateFormats.insert(id)
                }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs:
                let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                dateStyles.append((14...22).contains(id) || (45...47).contains(id) || customDateFormats.contains(id))
            default: break
            }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "cellXfs" { inCellXfs = false }
        }

        /// A format shows a date if, outside quoted text and [brackets], it has d, m or y.
        static func isDateFormat(_ code: String) -> Bool {
            var inQuote = false, inBracket = false
            for character in code.lowercased() {
                switch character {
                case "\"": inQuote.toggle()
                case "[": inBracket = true
                case "]": inBracket = false
                case "d", "m", "y": if !inQuote && !inBracket { return true }
                default: continue
                }
            }
            return false
        }
    }

    final class Sheet: NSObject, XMLParserDelegate {
        struct Row { var number: Int; var cells: [Int: String] }
        var rows: [Row] = []
        private let strings: [String]
        private let dateStyles: [Bool]
        private var row: Row?
        private var nextColumn = 0
        private var cellColumn = 0
        private var cellType = "n"
        private var cellStyle = 0
        private var value = ""
        private var collecting = false

        init(strings: [String], dateStyles: [Bool]) {
            self.strings = strings
            self.dateStyles = dateStyles
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "row":
                let number = attributes["r"].flatMap(Int.init) ?? ((rows.last?.number ?? 0) + 1)
                row = Row(number: number, cells: [:])
                nextColumn = 0
            case "c":
                cellColumn = attributes["r"].map(Self.columnIndex) ?? nextColumn
                cellType = attributes["t"] ?? "n"
                cellStyle = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
            case "v", "t": collecting = true
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if collecting { value += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t": collecting = false
            case "c":
                row?.cells[cellColumn] = text()
                nextColumn = cellColumn + 1
            case "row":
                if let row { rows.append(row) }
                row = nil
            default: break
            }
        }

        private func text() -> String {
            switch cellType {
            case "s": return Int(value).flatMap { $0 < strings.count ? strings[$0] : nil } ?? ""
            case "inlineStr", "str", "e": return value
            case "b": return value == "1" ? "TRUE" : "FALSE"
            case "d": return String(value.prefix(10))
            default:
                let decimal = XLSXReader.decimalText(value.trimmingCharacters())
                if cellStyle < dateStyles.count, dateStyles[cellStyle], let serial = Int(decimal.prefix { $0 != "." }) {
                    return CivilDate(year: 1899, month: 12, day: 30)!.adding(days: serial).iso8601
                }
                return decimal
            }
        }

        /// `B12` → 1 (0-based column of the letters).
        static func columnIndex(_ reference: String) -> Int {
            var index = 0
            for scalar in reference.unicodeScalars {
                guard ("A"..."Z").contains(scalar) else { break }
                index = index * 26 + Int(scalar.value - 64)
            }
            return max(0, index - 1)
        }
    }
}
