/// Hides credentials from protocol transcripts.
///
/// SMTP `AUTH` and IMAP `LOGIN`/`AUTHENTICATE` carry the password (or an OAuth token) on the
/// command line itself or on the client's answers to the server's challenges (`334` in SMTP,
/// `+` in IMAP). Everything the client sends from such a command until the server gives a
/// final answer is therefore replaced by a placeholder naming only the mechanism.
public struct ProtocolRedactor: Sendable {
    private var authenticating = false

    public init() {}

    public mutating func redact(_ line: ProtocolLine) -> ProtocolLine {
        switch line.direction {
        case .server:
            if authenticating, !Self.isChallenge(line.text) { authenticating = false }
            return line
        case .client:
            if let command = Self.authenticationCommand(in: line.text) {
                authenticating = true
                return ProtocolLine(direction: .client, text: command + " [credentials redacted]")
            }
            if authenticating { return ProtocolLine(direction: .client, text: "[credentials redacted]") }
            return line
        }
    }

    /// The visible prefix of an authentication command (`AUTH PLAIN`, `A001 LOGIN`), or nil.
    static func authenticationCommand(in text: String) -> String? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first else { return nil }
        if first.uppercased() == "AUTH" {
            return words.count > 1 ? "AUTH " + words[1] : "AUTH"
        }
        // IMAP commands start with a tag.
        guard words.count > 1 else { return nil }
        switch words[1].uppercased() {
        case "LOGIN": return "\(first) LOGIN"
        case "AUTHENTICATE": return words.count > 2 ? "\(first) AUTHENTICATE \(words[2])" : "\(first) AUTHENTICATE"
        default: return nil
        }
    }

    private static func isChallenge(_ text: String) -> Bool {
        text.hasPrefix("334") || text.hasPrefix("+")
    }
}
