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

    /// Every worksheet, in the workbook's tab order, read under `limits` (inflated bytes of the
    /// whole workbook, cells of every sheet together, characters per cell, XML nesting).
    static func worksheets(_ bytes: [UInt8], file: String, limits: ImportLimits = .standard) throws(ImportError) -> [Worksheet] {
        var zip = try ZipArchive(bytes, file: file, limits: limits)
        let strings = try zip.contents("xl/sharedStrings.xml").map { xml throws(ImportError) in
            try SAX.run(SharedStrings(limits: limits, file: file), on: xml, file: file, part: "xl/sharedStrings.xml", limits: limits).strings
        } ?? []
        let dateStyles = try zip.contents("xl/styles.xml").map { xml throws(ImportError) in
            try SAX.run(Styles(), on: xml, file: file, part: "xl/styles.xml", limits: limits).dateStyles
        } ?? []
        var sheets: [Worksheet] = []
        var cells = 0
        for (name, path) in try sheetPaths(&zip, file: file, limits: limits) {
            guard let sheet = try zip.contents(path) else {
                throw ImportError(.unknownFormat, at: SourcePosition(file: file, path: path), "the workbook has no worksheet \(path)",
                                  hint: "Save the workbook again as .xlsx, or export it as CSV.")
            }
            let reader = try SAX.run(Sheet(strings: strings, dateStyles: dateStyles, limits: limits, cellsBefore: cells, file: file, part: path),
                                     on: sheet, file: file, part: path, limits: limits)
            cells = reader.cells
            sheets.append(Worksheet(name: name, records: reader.records))
        }
        return sheets
    }

    /// The worksheets' names and parts, in tab order (`xl/workbook.xml` through its relations).
    private static func sheetPaths(_ zip: inout ZipArchive, file: String, limits: ImportLimits) throws(ImportError) -> [(name: String, path: String)] {
        guard let workbook = try zip.contents("xl/workbook.xml") else {
            if zip.entries["xl/worksheets/sheet1.xml"] != nil { return [("Sheet1", "xl/worksheets/sheet1.xml")] }
            throw ImportError(.unknownFormat, at: SourcePosition(file: file), "this ZIP file is not an Excel workbook (no xl/workbook.xml)",
                              hint: "Drop an .xlsx workbook, or export the report as CSV.")
        }
        let index = try XMLElementIndex.parse(workbook, file: file, part: "xl/workbook.xml", limits: limits)
        let relations = try zip.contents("xl/_rels/workbook.xml.rels").map { xml throws(ImportError) in
            try XMLElementIndex.parse(xml, file: file, part: "xl/_rels/workbook.xml.rels", limits: limits).all("/Relationships/Relationship")
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
        // A double has at most 17 significant digits and an exponent within ±308; a longer
        // number, or a wilder exponent (`1E999999999` would be a billion zeros), is kept as written.
        guard text.utf8.count <= 40, abs(exponent) <= 330 else { return raw }
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

    /// Runs a reader over one part under the limits, or refuses the part naming it.
    enum SAX {
        static func run<Handler: XMLEventHandler>(_ handler: Handler, on bytes: [UInt8], file: String, part: String,
                                                 limits: ImportLimits) throws(ImportError) -> Handler {
            // A part is streamed, not kept element by element: its cells are what costs memory, and
            // the cell limit counts them. A million cells take two to three million elements.
            var partLimits = limits
            partLimits.xmlElements = limits.xmlElements * 8
            let ending = try BoundedXMLReader.read(bytes, file: file, part: part, processNamespaces: false, limits: partLimits,
                                                   positionsByLine: false, into: handler)
            guard ending.error == nil else {
                throw ImportError(.badXML, at: SourcePosition(file: file, path: part),
                                  "the workbook part \(part) is not well-formed XML (line \(ending.error?.line ?? 0) of the part)",
                                  hint: "Save the workbook again from Excel or LibreOffice as .xlsx.")
            }
            return handler
        }

        /// A cell's text over the limit: where, and what to do.
        static func cellTooLong(_ limits: ImportLimits, at position: SourcePosition) -> XMLStop {
            XMLStop(message: "a cell holds more than \(ImportLimits.grouped(limits.cellCharacters)) characters (the cell-length limit, Excel's own)",
                    hint: "Excel cannot have written this cell: save the workbook again from Excel or LibreOffice, or export it as CSV.",
                    position: position)
        }
    }

    final class SharedStrings: XMLEventHandler {
        var strings: [String] = []
        private let limits: ImportLimits
        private let file: String
        private var current = ""
        private var length = 0
        private var inText = false
        private var inPhonetic = false

        init(limits: ImportLimits, file: String) {
            self.limits = limits
            self.file = file
        }

        private var position: SourcePosition { SourcePosition(file: file, path: "xl/sharedStrings.xml (string \(strings.count + 1))") }

        func start(_ name: String, attributes: [String: String]) throws(XMLStop) {
            switch name {
            case "si":
                current = ""
                length = 0
                guard strings.count < limits.workbookCells else {
                    throw XMLStop(message: "the workbook lists more than \(ImportLimits.grouped(limits.workbookCells)) shared strings (the cell limit)",
                                  hint: "A report of that size is better exported as CSV, or split into several workbooks.", position: position)
                }
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }
        func characters(_ text: String) throws(XMLStop) {
            guard inText else { return }
            length += text.utf16.count
            guard length <= limits.cellCharacters else { throw SAX.cellTooLong(limits, at: position) }
            current += text
        }
        func end(_ name: String) {
            switch name {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
    }

    /// Which cell styles (`s` attribute, an index into `cellXfs`) display a date.
    final class Styles: XMLEventHandler {
        var dateStyles: [Bool] = []
        private var customDateFormats: Set<Int> = []
        private var inCellXfs = false

        func start(_ name: String, attributes: [String: String]) {
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
        func characters(_ text: String) {}
        func end(_ name: String) {
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

    /// A worksheet's rows, each made a record of fields as soon as it closes, so that only one
    /// row is ever held as a dictionary. Every field a record holds (the empty ones before its
    /// last cell too) counts against the workbook's cell limit.
    final class Sheet: XMLEventHandler {
        private(set) var records: [DelimitedRecord] = []
        private(set) var cells: Int
        private let strings: [String]
        private let dateStyles: [Bool]
        private let limits: ImportLimits
        private let file: String
        private let part: String
        private var rowNumber = 0
        private var row: [Int: String]?
        private var nextColumn = 0
        private var cellColumn = 0
        private var cellType = "n"
        private var cellStyle = 0
        private var value = ""
        private var valueLength = 0
        private var collecting = false

        /// Excel's last column, XFD.
        static let columnLimit = 16_384

        init(strings: [String], dateStyles: [Bool], limits: ImportLimits, cellsBefore: Int, file: String, part: String) {
            self.strings = strings
            self.dateStyles = dateStyles
            self.limits = limits
            self.cells = cellsBefore
            self.file = file
            self.part = part
        }

        private func position(column: Int?) -> SourcePosition {
            SourcePosition(file: file, line: rowNumber, column: column.map { $0 + 1 }, path: part)
        }

        func start(_ name: String, attributes: [String: String]) throws(XMLStop) {
            switch name {
            case "row":
                rowNumber = attributes["r"].flatMap(Int.init).map { min(max($0, 1), 1 << 40) } ?? (rowNumber + 1)
                row = [:]
                nextColumn = 0
            case "c":
                cellColumn = attributes["r"].map(Self.columnIndex) ?? nextColumn
                guard cellColumn < Self.columnLimit else {
                    throw XMLStop(message: "a cell lies beyond column XFD, the last one Excel has",
                                  hint: "Excel cannot have written this sheet: save the workbook again from Excel or LibreOffice.",
                                  position: position(column: nil))
                }
                cellType = attributes["t"] ?? "n"
                cellStyle = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
                valueLength = 0
            case "v", "t": collecting = true
            default: break
            }
        }
        func characters(_ text: String) throws(XMLStop) {
            guard collecting else { return }
            valueLength += text.utf16.count
            guard valueLength <= limits.cellCharacters else { throw SAX.cellTooLong(limits, at: position(column: cellColumn)) }
            value += text
        }
        func end(_ name: String) throws(XMLStop) {
            switch name {
            case "v", "t": collecting = false
            case "c":
                row?[cellColumn] = text()
                nextColumn = cellColumn + 1
            case "row":
                guard let row else { return }
                self.row = nil
                let width = (row.keys.max() ?? -1) + 1
                cells += max(width, 1)
                guard cells <= limits.workbookCells else {
                    throw XMLStop(message: "the workbook has more than \(ImportLimits.grouped(limits.workbookCells)) cells (the cell limit, every sheet together, empty cells within a row included)",
                                  hint: "A report of that size is better exported as CSV, or split into several workbooks.",
                                  position: position(column: nil))
                }
                let fields = (0..<width).map { column in
                    DelimitedField(text: row[column] ?? "", line: rowNumber, column: column + 1)
                }
                records.append(DelimitedRecord(fields: fields, line: rowNumber))
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
                // Excel's dates run from serial 0 (1899-12-30) to 2958465 (9999-12-31).
                if cellStyle >= 0, cellStyle < dateStyles.count, dateStyles[cellStyle], let serial = Int(decimal.prefix { $0 != "." }),
                   (0...2_958_465).contains(serial) {
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
                // Capped just past XFD: more letters cannot overflow, and the reader refuses it.
                index = min(index * 26 + Int(scalar.value - 64), columnLimit + 1)
            }
            return max(0, index - 1)
        }
    }
}
