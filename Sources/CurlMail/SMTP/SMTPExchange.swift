/// What the server answered to each command of one message, read back from the transcript.
///
/// The per-recipient answers and their enhanced status codes exist only in the protocol
/// exchange. Each reply answers the command just before it in the transcript: `SMTPSession`
/// records a pipelined group as command, reply, command, reply, in the order sent.
public struct SMTPExchange: Sendable, Hashable {
    public private(set) var mailFromReply: SMTPReply?
    public private(set) var recipients: [SMTPRecipientResult] = []
    /// The reply after the message content (`250 2.0.0 Ok: queued as …`).
    public private(set) var dataReply: SMTPReply?
    /// The last reply of any kind, for errors that happen before or outside the envelope.
    public private(set) var lastReply: SMTPReply?

    private enum Command: Hashable {
        case mailFrom
        case recipient(String)
        case data
        case dataContent
        case other
    }

    public init(transcript: [ProtocolLine]) {
        var parser = SMTPReplyParser()
        var command = Command.other
        for line in transcript {
            switch line.direction {
            case .client:
                // The content and its end-of-data dot are not in the transcript; the reply after them belongs to DATA.
                if command != .dataContent { command = Self.command(in: line.text) }
            case .server:
                guard let reply = parser.consume(line.text) else { continue }
                lastReply = reply
                switch command {
                case .mailFrom: mailFromReply = reply
                case .recipient(let address): recipients.append(SMTPRecipientResult(recipient: address, reply: reply))
                case .data where reply.code == 354: command = .dataContent; continue
                case .dataContent: dataReply = reply
                case .data: dataReply = reply  // DATA itself refused
                case .other: break
                }
                command = .other
            }
        }
    }

    private static func command(in text: String) -> Command {
        // Read for every command of every message sent: compared by bytes, without an uppercased copy.
        if hasPrefix(text, "MAIL FROM:") { return .mailFrom }
        if hasPrefix(text, "RCPT TO:") {
            let afterColon = text.dropFirst("RCPT TO:".count)
            let address = afterColon.drop(while: { $0 == "<" || $0 == " " }).prefix(while: { $0 != ">" && $0 != " " })
            return .recipient(String(address))
        }
        if text.utf8.count == 4 && hasPrefix(text, "DATA") { return .data }
        return .other
    }

    /// Whether `text` starts with `prefix` (ASCII capitals), whatever the case of its letters.
    private static func hasPrefix(_ text: String, _ prefix: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        var bytes = text.utf8.makeIterator()
        for byte in expected {
            guard let actual = bytes.next() else { return false }
            let upper = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(actual) ? actual - 32 : actual
            if upper != byte { return false }
        }
        return true
    }
}

/// The server's answer to one `RCPT TO`.
public struct SMTPRecipientResult: Sendable, Hashable, CustomStringConvertible {
    public let recipient: String
    public let reply: SMTPReply

    public init(recipient: String, reply: SMTPReply) {
        self.recipient = recipient
        self.reply = reply
    }

    public var isAccepted: Bool { reply.isPositive }

    public var description: String { "\(recipient): \(reply)" }
}
