/// The outcome of a message the server accepted for at least one recipient.
public struct SMTPDelivery: Sendable, Hashable {
    /// One entry per recipient in the order given, each with the server's own reply.
    /// Refused ones (e.g. `550 5.1.1` unknown user, `450 4.2.0` try later) are here too:
    /// the message went to the others.
    public let recipients: [SMTPRecipientResult]
    /// The server's reply after the content, e.g. `250 2.0.0 Ok: queued as 4dX…`.
    public let dataReply: SMTPReply
    /// The exchange for this message, credentials redacted.
    public let transcript: [ProtocolLine]

    public init(recipients: [SMTPRecipientResult], dataReply: SMTPReply, transcript: [ProtocolLine]) {
        self.recipients = recipients
        self.dataReply = dataReply
        self.transcript = transcript
    }

    public var accepted: [SMTPRecipientResult] { recipients.filter(\.isAccepted) }
    public var refused: [SMTPRecipientResult] { recipients.filter { !$0.isAccepted } }

    public func result(for recipient: String) -> SMTPRecipientResult? {
        recipients.first { $0.recipient.lowercased() == recipient.lowercased() }
    }
}
