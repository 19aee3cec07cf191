/// Splits a script into statements at the semicolons that end them: not those inside quotes
/// ('…', "…"), dollar-quoted bodies ($$…$$, $tag$…$tag$) or comments (-- …, /* … */).
/// Pure; only for the migrations' own scripts, written by us.
enum SQLStatementSplitter {
    static func split(_ script: String) -> [String] {
        let text = Array(script.unicodeScalars)
        var statements: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        func flush() {
            let statement = String(current).trimmingWhitespace
            if !statement.isEmpty, !statement.isOnlyComments { statements.append(statement) }
            current = String.UnicodeScalarView()
        }
        func starts(with literal: String, at position: Int) -> Bool {
            let scalars = Array(literal.unicodeScalars)
            guard position + scalars.count <= text.count else { return false }
            return Array(text[position..<position + scalars.count]) == scalars
        }
        /// Copies from `index` up to and including the next `terminator` (or to the end).
        func copy(until terminator: String) {
            let length = terminator.unicodeScalars.count
            while index < text.count {
                if starts(with: terminator, at: index) {
                    current.append(contentsOf: text[index..<index + length])
                    index += length
                    return
                }
                current.append(text[index])
                index += 1
            }
        }
        while index < text.count {
            let scalar = text[index]
            switch scalar {
            case ";":
                index += 1
                flush()
            case "'", "\"":
                current.append(scalar)
                index += 1
                copy(until: String(scalar))
            case "-" where starts(with: "--", at: index):
                copy(until: "\n")
            case "/" where starts(with: "/*", at: index):
                current.append(contentsOf: text[index..<index + 2])
                index += 2
                copy(until: "*/")
            case "$":
                // A dollar quote's tag: $$ or $name$ (a parameter such as $1 is no tag).
                var end = index + 1
                while end < text.count, text[end] == "_" || text[end].properties.isAlphabetic { end += 1 }
                if end < text.count, text[end] == "$" {
                    let tag = String(String.UnicodeScalarView(text[index...end]))
                    current.append(contentsOf: text[index...end])
                    index = end + 1
                    copy(until: tag)
                } else {
                    current.append(scalar)
                    index += 1
                }
            default:
                current.append(scalar)
                index += 1
            }
        }
        flush()
        return statements
    }
}

private extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// Only `-- …` lines: nothing to run.
    var isOnlyComments: Bool {
        split(separator: "\n").allSatisfy { $0.trimmingPrefixWhitespace.hasPrefix("--") }
    }
}

private extension Substring {
    var trimmingPrefixWhitespace: Substring { drop { $0.isWhitespace } }
}
