import Foundation

/// Several regular expressions as one alternation, for a caller that only asks whether any of
/// them matches: a text matches `(?:a)|(?:b)` exactly when it matches `a` or `b` (each kept
/// in a non-capturing group, so that an alternation inside one stays inside it). One pass of
/// ICU over the text instead of one a pattern: the reply hints' 29 patterns were each a pass
/// over every reply (`benchmarks/imap-poll.sh`).
///
/// Only for patterns without back-references (group numbers shift) and without a bare inline
/// option such as `(?i)` (it might reach past its group): `compile` refuses both.
enum PatternUnion {
    static func pattern(_ patterns: [String]) -> String {
        precondition(!patterns.isEmpty, "an empty union would match everything")
        return patterns.map { "(?:" + $0 + ")" }.joined(separator: "|")
    }

    static func compile(_ patterns: [String]) -> NSRegularExpression {
        for pattern in patterns {
            precondition(pattern.range(of: #"\\[1-9k]|\(\?[a-zA-Z-]+\)"#, options: .regularExpression) == nil,
                         "back-reference or bare inline option in \(pattern)")
        }
        return try! NSRegularExpression(pattern: pattern(patterns))
    }
}
