import RelanceCore

/// The parser's warnings about an applied file, as journal entries: a person looking at a
/// customer's timeline must see that the export carried a line break in its name. A file
/// with thousands of warnings keeps the first ones and says how many more there were.
enum ImportWarningEvents {
    static let limit = 50

    static func events(of file: ImportedFile) -> [(summary: String, detail: [String: String])] {
        var events = file.warnings.prefix(limit).map { (summary: "\(file.fileName): \($0)", detail: ["file": file.fileName]) }
        if file.warnings.count > limit {
            events.append((summary: "\(file.fileName): \(file.warnings.count - limit) more warnings (relance import --dry-run \(file.fileName) lists them all).",
                           detail: ["file": file.fileName]))
        }
        return events
    }
}
