/// The journal stores a summary's line breaks escaped (`\n`, so that no name from a file can
/// forge a line of the log or the terminal): a page shows them as the lines they were, each
/// line HTML-escaped by the template like any other value.
enum JournalLines {
    static func lines(_ summary: String) -> [[String: String]] {
        summary.components(separatedBy: "\\n").map { ["line": $0] }
    }
}
