import RelanceCore

/// A worksheet's rows, each made a record of fields as soon as it closes, so that only one row is
/// ever held cell by cell. Every field a record holds (the empty ones before its last cell too)
/// counts against the workbook's cell limit. Elements are matched by local name, so a sheet
/// written with a namespace prefix (`<x:c>`) reads as one without.
struct WorksheetReader: ByteXMLHandler {
    private(set) var records: [DelimitedRecord] = []
    private(set) var cells: Int
    private let strings: [String]
    private let dateStyles: [Bool]
    private let limits: ImportLimits
    private let file: String
    private let part: String
    private var rowNumber = 0
    private var rowOpen = false
    /// The open row's cells as read; a column given twice keeps its last value.
    private var row: [(column: Int, text: String)] = []
    private var nextColumn = 0
    private var cellColumn = 0
    private var cellType = CellType.number
    private var cellStyle = 0
    private var value: [UInt8] = []
    private var valueLength = 0
    private var collecting = false

    /// Excel's last column, XFD.
    static let columnLimit = 16_384

    /// The `t` attribute of a cell.
    enum CellType {
        case sharedString, text, boolean, date, number

        init(_ attribute: String?) {
            switch attribute {
            case "s": self = .sharedString
            case "inlineStr", "str", "e": self = .text
            case "b": self = .boolean
            case "d": self = .date
            default: self = .number
            }
        }
    }

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

    mutating func start(_ name: XMLByteName, attributes: XMLByteAttributes) throws(XMLStop) {
        if name.isLocal("c") {
            cellColumn = attributes.value("r").map(Self.columnIndex) ?? nextColumn
            guard cellColumn < Self.columnLimit else {
                throw XMLStop(problem: .structure(.cellBeyondXFD), position: position(column: nil))
            }
            cellType = CellType(attributes.value("t"))
            cellStyle = attributes.value("s").flatMap(Int.init) ?? 0
            value.removeAll(keepingCapacity: true)
            valueLength = 0
        } else if name.isLocal("v") || name.isLocal("t") {
            collecting = true
        } else if name.isLocal("row") {
            rowNumber = attributes.value("r").flatMap(Int.init).map { min(max($0, 1), 1 << 40) } ?? (rowNumber + 1)
            rowOpen = true
            row.removeAll(keepingCapacity: true)
            nextColumn = 0
        }
    }

    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) throws(XMLStop) {
        guard collecting else { return }
        valueLength += XLSXPart.utf16Count(text)
        guard valueLength <= limits.cellCharacters else { throw XLSXPart.cellTooLong(limits, at: position(column: cellColumn)) }
        value.append(contentsOf: text)
    }

    mutating func end(_ name: XMLByteName) throws(XMLStop) {
        if name.isLocal("v") || name.isLocal("t") {
            collecting = false
        } else if name.isLocal("c") {
            if rowOpen { row.append((cellColumn, text())) }
            nextColumn = cellColumn + 1
        } else if name.isLocal("row") {
            guard rowOpen else { return }
            rowOpen = false
            let width = (row.map(\.column).max() ?? -1) + 1
            cells += max(width, 1)
            guard cells <= limits.workbookCells else {
                throw XMLStop(problem: .structure(.tooManyWorkbookCells(limit: limits.workbookCells)), position: position(column: nil))
            }
            var texts = [String](repeating: "", count: width)
            for cell in row { texts[cell.column] = cell.text }
            let line = rowNumber
            records.append(DelimitedRecord(fields: texts.enumerated().map { DelimitedField(text: $1, line: line, column: $0 + 1) }, line: line))
        }
    }

    private func text() -> String {
        switch cellType {
        case .sharedString: return Int(String(decoding: value, as: UTF8.self)).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
        case .text: return String(decoding: value, as: UTF8.self)
        case .boolean: return value == [UInt8(ascii: "1")] ? "TRUE" : "FALSE"
        case .date: return String(String(decoding: value, as: UTF8.self).prefix(10))
        case .number:
            // A formatted empty cell (`<c r="B2" s="1"/>`, what Excel writes for a styled blank) is
            // empty: read as "0", a blank due date under a date style became 30/12/1899 and its row was refused.
            guard value.contains(where: { $0 > 0x20 }) else { return "" }
            let decimal = XLSXReader.plainDecimalText(value) ?? XLSXReader.decimalText(String(decoding: value, as: UTF8.self).trimmingCharacters())
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
        for byte in reference.utf8 {
            guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) else { break }
            // Capped just past XFD: more letters cannot overflow, and the reader refuses it.
            index = min(index * 26 + Int(byte - 64), columnLimit + 1)
        }
        return max(0, index - 1)
    }
}
