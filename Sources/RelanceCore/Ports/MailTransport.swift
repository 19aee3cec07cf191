/// Hands one composed message to whatever carries it (an SMTP server, an outbox folder).
public protocol MailTransport: Sendable {
    /// Never throws: every way a delivery can end is an outcome the sender acts on.
    func deliver(_ message: OutboxMessage) async -> DeliveryOutcome
}

public enum DeliveryOutcome: Sendable, Hashable {
    /// The server took responsibility for the message (250 after DATA), or the file is written.
    case delivered(serverReply: String)
    /// The server took the message (250 after DATA) for at least one of the message's
    /// recipients; `recipients` holds every recipient's reply, refusals included.
    case deliveredTo(serverReply: String, recipients: [RecipientReply])
    /// Nobody got the message: every recipient was refused for good, for reasons about the
    /// recipients (wrong or disabled addresses), not about us. Each reply is kept.
    case recipientsRefused(reason: SendFailure, recipients: [RecipientReply])
    /// Try again later: a 4xx answer, a network failure, a timeout.
    case temporaryFailure(reason: SendFailure)
    /// The message itself was refused for good (5xx that is about the message or recipient).
    case permanentFailure(reason: SendFailure)
    /// Our side is wrong (authentication, TLS, a policy refusal of the sender): not the
    /// customer's fault. The creditor's outbox pauses and a person is told.
    case senderProblem(reason: SendFailure)
    /// Nothing was handed over: the message's `handOverDeadline` passed before its content's
    /// end could leave (the daemon was paused or starved past its claim). It goes back to the
    /// outbox if the claim is still this daemon's; another daemon may have taken it over.
    case claimLapsed
}

/// What a message written to the outbox folder (a creditor without an SMTP server: each message
/// becomes an `.eml` file, `OutboxFolderTransport`) leaves as its "server reply": the file's name
/// only, as data the journal words per language — people never see the server's paths.
public enum OutboxFolderReply {
    static let prefix = "outbox-folder:"

    public static func reply(file name: String) -> String { prefix + name }

    /// The file's name when `serverReply` is such a reply.
    public static func file(in serverReply: String) -> String? {
        serverReply.hasPrefix(prefix) ? String(serverReply.dropFirst(prefix.count)) : nil
    }
}
