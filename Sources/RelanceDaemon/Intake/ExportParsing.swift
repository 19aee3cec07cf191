public import RelanceImport

/// The one place the daemon turns a dropped file's bytes into open items.
public enum ExportParsing {
    public static func parse(_ bytes: [UInt8], fileName: String, options: ImportOptions = ImportOptions()) throws(ImportError) -> ParsedImport {
        if looksLikeFEC(bytes) {
            return try FECParser(options: options).parse(bytes, fileName: fileName)
        }
        return try OpenInvoiceReportParser(options: options).parse(bytes, fileName: fileName)
    }

    /// A FEC starts with its fixed header line (`JournalCode`, after an optional BOM).
    static func looksLikeFEC(_ bytes: [UInt8]) -> Bool {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let head = bytes[start..<min(bytes.count, start + 11)]
        return String(decoding: head, as: UTF8.self).lowercased() == "journalcode"
    }
}
