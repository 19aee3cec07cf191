/// Limits that keep a dead or stalled server from blocking a connection forever.
public struct MailTimeouts: Sendable, Hashable {
    /// Time to establish TCP (and implicit TLS).
    public var connect: Duration
    /// Upper bound for one whole operation (one message sent, one mailbox searched…).
    public var operation: Duration
    /// An operation is abandoned when fewer than `lowSpeedBytesPerSecond` flow for `lowSpeedWindow`.
    public var lowSpeedBytesPerSecond: Int
    public var lowSpeedWindow: Duration

    public init(
        connect: Duration = .seconds(15),
        operation: Duration = .seconds(300),
        lowSpeedBytesPerSecond: Int = 1,
        lowSpeedWindow: Duration = .seconds(60)
    ) {
        self.connect = connect
        self.operation = operation
        self.lowSpeedBytesPerSecond = lowSpeedBytesPerSecond
        self.lowSpeedWindow = lowSpeedWindow
    }

    public static let standard = MailTimeouts()
}

extension Duration {
    /// Whole milliseconds, rounded up so that a tiny positive duration never becomes "no limit" (0).
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(clamping: max(milliseconds, 1))
    }
}
