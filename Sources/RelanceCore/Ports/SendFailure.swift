/// Why a message did not leave, as facts rather than sentences: the creditor's wording says
/// them (`SendingWording`), so a French creditor's people read French (#13). Only our own words
/// are translated; what a mail server, libcurl or the file system said is kept as it came.
public indirect enum SendFailure: Sendable, Hashable {
    /// A text kept as it came: a server's reply, an SMTP or system error, the configuration
    /// check's advice (which names `relance.toml`'s keys).
    case reported(String)
    /// The transport gave no outcome for the message: nothing was tried.
    case notAttempted
    /// A recipient refused for a reason about us (a policy refusal), with the server's reply.
    case addressRefused(address: String, reply: String)
    /// No recipient of ours took the message (only the archive may have); each refusal's reply.
    case everyRecipientRefused([RecipientReply])
    /// Every recipient refused at once for a reason that says nothing about the addresses: the
    /// server refuses us, not them.
    case everyRecipientRefusedAtOnce(SendFailure)
    /// The outbox folder could not be written into (`error`: the system's words).
    case outboxFolderUnwritable(folder: String, error: String)
    /// The message's file could not be given its final name (`error`: the system's words).
    case outboxFileNotRenamed(file: String, error: String)
    /// The retries ran out; `last` is the failure of the last attempt.
    case gaveUp(attempts: Int, last: SendFailure)
}
