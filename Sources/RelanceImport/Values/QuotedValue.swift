/// A value from the file as an error quotes it: in quotes, at most `limit` characters, the
/// rest counted. A 4 MB cell must not become a 4 MB error line in the log, the CLI's output
/// or the rejected file's explanation (issue #12); the position says where the whole is.
enum QuotedValue {
    static let limit = 80

    static func quoted(_ text: some StringProtocol) -> String {
        let trimmed = String(text).trimmingSpaces()
        guard trimmed.count > limit else { return "\"\(trimmed)\"" }
        return "\"\(trimmed.prefix(limit))…\" (\(trimmed.count) characters)"
    }
}
