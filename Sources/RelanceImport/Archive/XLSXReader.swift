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
            try XLSXPart.read(SharedStringsReader(limits: limits, file: file), on: xml, file: file, part: "xl/sharedStrings.xml", limits: limits).strings
        } ?? []
        let dateStyles = try zip.contents("xl/styles.xml").map { xml throws(ImportError) in
            try XLSXPart.read(StylesReader(), on: xml, file: file, part: "xl/styles.xml", limits: limits).dateStyles
        } ?? []
        var sheets: [Worksheet] = []
        var cells = 0
        for (name, path) in try sheetPaths(&zip, file: file, limits: limits) {
            guard let sheet = try zip.contents(path) else {
                throw ImportError(.unknownFormat, at: SourcePosition(file: file, path: path), .structure(.missingWorksheet(path: path)))
            }
            let reader = try XLSXPart.read(WorksheetReader(strings: strings, dateStyles: dateStyles, limits: limits, cellsBefore: cells,
                                                           file: file, part: path),
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
            throw ImportError(.unknownFormat, at: SourcePosition(file: file), .notAWorkbook)
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

    /// `decimalText` for the common shape, `-?digits(.digits)?` with at most 9 decimals, read
    /// from the cell's bytes without building intermediate strings; nil for any other shape.
    static func plainDecimalText(_ bytes: [UInt8]) -> String? {
        guard bytes.count <= 40 else { return nil }
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        var integerStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        let integerEnd = index
        var fractionEnd = index
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            fractionEnd = index
            guard fractionEnd - integerEnd - 1 <= 9 else { return nil }
        }
        guard index == bytes.count else { return nil }
        while integerStart < integerEnd, bytes[integerStart] == UInt8(ascii: "0") { integerStart += 1 }
        let fractionStart = min(integerEnd + 1, fractionEnd)
        while fractionEnd > fractionStart, bytes[fractionEnd - 1] == UInt8(ascii: "0") { fractionEnd -= 1 }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1)
        if integerStart == integerEnd { out.append(UInt8(ascii: "0")) } else { out += bytes[integerStart..<integerEnd] }
        if fractionEnd > fractionStart { out.append(UInt8(ascii: ".")); out += bytes[fractionStart..<fractionEnd] }
        if negative, out != [UInt8(ascii: "0")] { out.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: out, as: UTF8.self)
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
}
