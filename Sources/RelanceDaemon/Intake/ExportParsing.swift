import RelanceImport

/// The one place the daemon turns a dropped file's bytes into open items.
enum ExportParsing {
    static func parse(_ bytes: [UInt8], fileName: String) throws(ImportError) -> ParsedImport {
        try OpenInvoiceReportParser().parse(bytes, fileName: fileName)
    }
}
