@testable import RelanceImport
import RelanceCore

/// The workbook-part readers as they were before `ByteXMLScanner`: Foundation's `XMLParser`
/// through `FoundationXMLReference` (the old `BoundedXMLReader`). Kept here only as the oracle of the differential tests, which check
/// that the byte-level readers give the same rows, strings and refusals.
enum FoundationWorkbookReference {
    /// Runs a reader over one part under the limits, or refuses the part naming it.
    enum SAX {
        static func run<Handler: XMLEventHandler>(_ handler: Handler, on bytes: [UInt8], file: String, part: String,
                                                 limits: ImportLimits) throws(ImportError) -> Handler {
            // A part is streamed, not kept element by element: its cells are what costs memory, and
            // the cell limit counts them. A million cells take two to three million elements.
            var partLimits = limits
            partLimits.xmlElements = limits.xmlElements * 8
            let ending = try FoundationXMLReference.read(bytes, file: file, part: part, processNamespaces: false, limits: partLimits,
                                                   positionsByLine: false, into: handler)
            guard ending.error == nil else {
                throw ImportError(.badXML, at: SourcePosition(file: file, path: part),
                                  .structure(.partNotWellFormed(part: part, line: ending.error?.line ?? 0)))
            }
            return handler
        }

        /// A cell's text over the limit: where, and what to do.
        static func cellTooLong(_ limits: ImportLimits, at position: SourcePosition) -> XMLStop {
            XMLStop(problem: .structure(.cellTooLong(limit: limits.cellCharacters)), position: position)
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
                    throw XMLStop(problem: .structure(.tooManySharedStrings(limit: limits.workbookCells)), position: position)
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
                    throw XMLStop(problem: .structure(.cellBeyondXFD), position: position(column: nil))
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
                    throw XMLStop(problem: .structure(.tooManyWorkbookCells(limit: limits.workbookCells)), position: position(column: nil))
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
            case "s": return Int(value).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? "" // (it crashed on a negative index)
            case "inlineStr", "str", "e": return value
            case "b": return value == "1" ? "TRUE" : "FALSE"
            case "d": return String(value.prefix(10))
            default:
                // (it read a formatted empty cell as 0; mended in both readers, the comparison stays exact)
                guard !value.trimmingCharacters().isEmpty else { return "" }
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
