/// One line of an SMTP or IMAP exchange, as the debug sink and error reports see it.
/// Authentication lines never appear verbatim: see `ProtocolRedactor`.
public struct ProtocolLine: Sendable, Hashable, CustomStringConvertible {
    public enum Direction: Sendable, Hashable {
        /// Sent by us (a command).
        case client
        /// Received from the server (a reply or an untagged response).
        case server
    }

    public let direction: Direction
    /// The line without its CR LF.
    public let text: String

    public init(direction: Direction, text: String) {
        self.direction = direction
        self.text = text
    }

    public var description: String { (direction == .client ? "C: " : "S: ") + text }
}

/// Receives redacted protocol lines as they happen, on the connection's own thread: keep it
/// quick and thread-safe (a logger call is fine).
public typealias ProtocolLogSink = @Sendable (ProtocolLine) -> Void
