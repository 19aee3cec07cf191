public import RelanceImport

/// The one place the daemon turns a dropped file's bytes into open items or contacts:
/// the kind is recognised from the content, never from the file name.
public enum ExportParsing {
    public static func parse(_ bytes: [UInt8], fileName: String, options: ImportOptions = ImportOptions()) throws(ImportError) -> ParsedImport {
        try ImportParser.parse(bytes: bytes, fileName: fileName, options: options)
    }

    /// The same, for a file mapped by `ExportFile.withMapped`: a ledger is read in place.
    public static func parse(_ file: MappedExportFile, fileName: String, options: ImportOptions = ImportOptions()) throws(ImportError) -> ParsedImport {
        try ImportParser.parse(inPlace: file.bytes, fileName: fileName, options: options, pagesRead: file.pagesRead)
    }
}
