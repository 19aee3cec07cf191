import RelanceCore

/// The one entry point for a dropped file: recognises what it is from its bytes (never from
/// its extension, which accountants rename freely) and hands it to the right parser.
public enum ImportParser {
    /// What a file looks like from its first bytes, or nil when it is none of the accepted kinds.
    /// CSV files are `.openInvoices` here; `parse` tells contacts files apart by their columns.
    public static func sniff(bytes: [UInt8]) -> ParsedImport.Kind? {
        if isPDF(bytes) { return .facturX }
        if BankStatementParser.format(of: bytes) != nil { return .bankStatement }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .openInvoices }
        if let root = xmlRoot(bytes) {
            switch root {
            case "Invoice", "CreditNote": return .ublInvoice
            case "CrossIndustryInvoice": return .ciiInvoice
            default: return nil
            }
        }
        guard let firstLine = firstTextLine(bytes) else { return nil }
        let firstField = firstLine.split(whereSeparator: { $0 == "\t" || $0 == "|" || $0 == ";" }).first.map { String($0).trimmingSpaces() } ?? ""
        if firstField.lowercased() == "journalcode" { return .fec }
        return .openInvoices
    }

    public static func parse(bytes: [UInt8], fileName: String, options: ImportOptions = ImportOptions()) throws(ImportError) -> ParsedImport {
        var parsed = try parseContent(bytes: bytes, fileName: fileName, options: options)
        IdentityText.clean(&parsed)
        return parsed
    }

    /// `parse(bytes:)` for bytes the caller lends where they lie (a mapped file): a FEC is read
    /// in place, its pages handed to `pagesRead` as the read goes past them; any other kind is
    /// copied and parsed as `parse(bytes:)` does. The result is the same either way.
    public static func parse(inPlace bytes: UnsafeBufferPointer<UInt8>, fileName: String, options: ImportOptions = ImportOptions(),
                             pagesRead: PagesRead? = nil) throws(ImportError) -> ParsedImport {
        // Every look `sniff` takes is within the first 64 KiB.
        guard !bytes.isEmpty, sniff(bytes: Array(bytes.prefix(64 * 1024 + 1024))) == .fec else {
            return try parse(bytes: Array(bytes), fileName: fileName, options: options)
        }
        var parsed = try FECParser(options: options).parse(inPlace: bytes, fileName: fileName, pagesRead: pagesRead)
        IdentityText.clean(&parsed)
        return parsed
    }

    private static func parseContent(bytes: [UInt8], fileName: String, options: ImportOptions) throws(ImportError) -> ParsedImport {
        guard !bytes.isEmpty else {
            throw ImportError(.empty, at: SourcePosition(file: fileName), .fileEmpty)
        }
        switch sniff(bytes: bytes) {
        case .fec: return try FECParser(options: options).parse(bytes, fileName: fileName)
        case .ublInvoice, .ciiInvoice: return try EInvoiceParser(limits: options.limits).parse(bytes, fileName: fileName)
        case .facturX: return try FacturXParser(limits: options.limits).parse(bytes, fileName: fileName)
        case .bankStatement: return try BankStatementParser.parse(bytes, fileName: fileName, limits: options.limits)
        case .openInvoices, .contacts:
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                return try parseWorkbook(XLSXReader.worksheets(bytes, file: fileName, limits: options.limits), fileName: fileName, options: options)
            }
            let text = try TextEncodingDetector.decode(bytes, file: fileName)
            let separator = DelimitedTextReader.detectSeparator(utf8: text.utf8)
            let records = try DelimitedTextReader.records(utf8: text.utf8, separator: separator, file: fileName,
                                                          maximumCells: options.limits.textCells)
            return try parseTable(records, fileName: fileName, options: options)
        case nil:
            throw ImportError(.unknownFormat, at: SourcePosition(file: fileName), .unknownFormat)
        }
    }

    /// The first worksheet that reads as a report or a contacts list: a workbook often opens on
    /// a summary or a cover sheet and keeps the detail on the next tab. When none reads, the
    /// first sheet's error is the one given, saying that the others were tried too.
    static func parseWorkbook(_ sheets: [XLSXReader.Worksheet], fileName: String, options: ImportOptions) throws(ImportError) -> ParsedImport {
        var firstError: ImportError?
        for (index, sheet) in sheets.enumerated() {
            do {
                var parsed = try parseTable(sheet.records, fileName: fileName, options: options)
                if index > 0 {
                    parsed.warnings.insert(ImportWarning(.worksheetSkipped(read: sheet.name, skipped: sheets[..<index].map(\.name))), at: 0)
                }
                return parsed
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        guard var error = firstError else {
            throw ImportError(.empty, at: SourcePosition(file: fileName), .workbookWithoutWorksheet)
        }
        error.triedWorksheets = sheets.map(\.name)
        throw error
    }

    /// A table is an open-invoice report if it has invoice columns, else a contacts file if it
    /// has contact columns; when it is neither, the open-invoice error (which lists the columns
    /// seen and those missing) is the more useful one.
    static func parseTable(_ records: [DelimitedRecord], fileName: String, options: ImportOptions) throws(ImportError) -> ParsedImport {
        if readsAsContacts(records, options: options) {
            return try ContactsParser(options: options).parse(records: records, fileName: fileName)
        }
        return try OpenInvoiceReportParser(options: options).parse(records: records, fileName: fileName)
    }

    /// Whether a table is a contacts file, from its first 60 records (all this looks at, so a
    /// report read as a stream decides the same from its head).
    static func readsAsContacts(_ records: [DelimitedRecord], options: ImportOptions) -> Bool {
        let looksLikeContacts = records.prefix(30).contains { ContactsParser.columns(of: $0).keys.contains(.customer) }
        let hasAmounts = records.prefix(60).contains { record in
            record.fields.contains { field in
                OpenInvoiceVocabulary.entries[HeaderText.normalize(field.text)].map { $0.field == .open || $0.field == .total } ?? false
            }
        }
        // A creditor's column mapping makes a table a report only when its titles are there:
        // the same creditor's contacts file must still read as contacts.
        let mapped = options.columnMapping.map { mapping in
            !mapping.columns.isEmpty && records.prefix(60).contains { record in
                let titles = Set(record.fields.map { HeaderText.normalize($0.text) })
                return mapping.columns.values.allSatisfy { titles.contains(HeaderText.normalize($0)) }
            }
        } ?? false
        return looksLikeContacts && !hasAmounts && !mapped
    }

    static func isPDF(_ bytes: [UInt8]) -> Bool {
        // PDF readers accept the header anywhere in the first 1024 bytes.
        let head = bytes.prefix(1024)
        let magic: [UInt8] = Array("%PDF-".utf8)
        guard head.count >= magic.count else { return false }
        return (0...(head.count - magic.count)).contains { head[$0..<($0 + magic.count)].elementsEqual(magic) }
    }

    /// The local name of the first element, when the file starts (after a BOM and blanks) with `<`.
    static func xmlRoot(_ bytes: [UInt8]) -> String? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else { return nil }
        let limit = min(bytes.count, index + 64 * 1024)
        while index < limit {
            guard let open = bytes[index..<limit].firstIndex(of: UInt8(ascii: "<")), open + 1 < limit else { return nil }
            let next = bytes[open + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // Skip declarations, comments and DOCTYPE (comments may hold `>`, so find their end).
                if bytes[open..<limit].starts(with: Array("<!--".utf8)) {
                    var end = open + 4
                    while end + 2 < limit, !(bytes[end] == 0x2D && bytes[end + 1] == 0x2D && bytes[end + 2] == 0x3E) { end += 1 }
                    index = end + 3
                } else {
                    index = (bytes[open..<limit].firstIndex(of: UInt8(ascii: ">")) ?? limit) + 1
                }
                continue
            }
            var end = open + 1
            while end < limit, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[end]) { end += 1 }
            let name = String(decoding: bytes[(open + 1)..<end], as: UTF8.self)
            return name.split(separator: ":").last.map(String.init) ?? name
        }
        return nil
    }

    /// The first line as text, or nil when the bytes are binary (NUL bytes outside UTF-16).
    private static func firstTextLine(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4096))
        let isUTF16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        if !isUTF16 && head.contains(0) { return nil }
        guard let decoded = try? TextEncodingDetector.decode(head, file: "") else { return nil }
        let end = decoded.utf8.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? decoded.utf8.count
        return String(decoding: decoded.utf8[..<end], as: UTF8.self)
    }
}
