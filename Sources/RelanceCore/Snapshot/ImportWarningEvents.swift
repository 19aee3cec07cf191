/// The parser's warnings about an applied file, as journal entries: a person looking at a
/// customer's timeline must see that the export carried a line break in its name. A file
/// with thousands of warnings keeps the first ones and says how many more there were.
public enum ImportWarningEvents {
    public static let limit = 50

    public static func events(of file: ImportedFile, words: any Wording) -> [(summary: String, detail: [String: String])] {
        // Each warning is already in the creditor's language (worded by the importer).
        let colon = words.language == .french ? " : " : ": "
        var events = file.warnings.prefix(limit).map { (summary: "\(file.fileName)\(colon)\($0)", detail: ["file": file.fileName]) }
        if file.warnings.count > limit {
            events.append((summary: words.moreImportWarnings(file: file.fileName, count: file.warnings.count - limit), detail: ["file": file.fileName]))
        }
        return events
    }
}
