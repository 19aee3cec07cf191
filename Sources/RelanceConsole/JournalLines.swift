import Foundation

/// The journal stores a summary's line breaks escaped (`\n`, so that no name from a file can
/// forge a line of the log or the terminal): a page shows them as the lines they were, each
/// line HTML-escaped by the template like any other value. A line's code spans (`relance import
/// confirm 12`, written for the terminal) read plainly on a page: paired backticks are dropped.
enum JournalLines {
    static func lines(_ summary: String) -> [[String: String]] {
        summary.components(separatedBy: "\\n").map { ["line": plain($0)] }
    }

    /// The line without the backticks of its code spans; a lone backtick (a name's) is kept.
    static func plain(_ line: String) -> String {
        let marks = line.filter { $0 == "`" }.count
        guard marks >= 2, marks % 2 == 0 else { return line }
        return line.replacingOccurrences(of: "`", with: "")
    }
}
