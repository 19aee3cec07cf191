/// One complete server reply, possibly spread over several lines (`250-…` then `250 …`).
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    /// The three-digit reply code.
    public let code: Int
    /// The RFC 3463 code the server put in front of the text, when it did (RFC 2034).
    public let enhancedStatus: EnhancedStatusCode?
    /// The text of each line, without the reply code and the enhanced status code.
    public let lines: [String]

    public init(code: Int, enhancedStatus: EnhancedStatusCode?, lines: [String]) {
        self.code = code
        self.enhancedStatus = enhancedStatus
        self.lines = lines
    }

    /// All lines joined by a space.
    public var text: String { lines.joined(separator: " ") }

    /// 2xx: the command succeeded.
    public var isPositive: Bool { (200..<300).contains(code) }
    /// 3xx: the server waits for more (354 after DATA, 334 during AUTH).
    public var isIntermediate: Bool { (300..<400).contains(code) }
    /// 4xx: refused for now; the same command may succeed later.
    public var isTemporaryFailure: Bool { (400..<500).contains(code) }
    /// 5xx: refused; repeating the command unchanged will fail again. Reported as received:
    /// RFC 5321 section 4.5.3.1.10 asks clients to treat `552` to RCPT (mailbox full) like
    /// `452`, a policy left to the caller.
    public var isPermanentFailure: Bool { (500..<600).contains(code) }

    /// `550 5.1.1 <x@y>: Recipient address rejected: …`
    public var description: String {
        var parts = [String(code)]
        if let enhancedStatus { parts.append(enhancedStatus.description) }
        if !text.isEmpty { parts.append(text) }
        return parts.joined(separator: " ")
    }
}
