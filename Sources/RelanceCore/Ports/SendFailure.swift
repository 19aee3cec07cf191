/// Why a message did not leave, as facts rather than sentences: the creditor's wording says
/// them (`SendingWording`), so a French creditor's people read French (#13). Only our own words
/// are translated; what a mail server, libcurl or the file system said is kept as it came.
public indirect enum SendFailure: Sendable, Hashable {
    /// A text kept as it came (an error from elsewhere than SMTP or the configuration).
    case reported(String)
    /// An SMTP failure, with what the server and libcurl said.
    case smtp(SMTPFailure)
    /// A key of the configuration explains it: the outbox pauses until a person fixes it.
    case setting(SendingSettingFault)
    /// The transport gave no outcome for the message: nothing was tried.
    case notAttempted
    /// A recipient refused for a reason about us (a policy refusal), with the server's reply.
    case addressRefused(address: String, reply: String)
    /// The message left, but the archive address (`archive_bcc`) refused its copy: crash
    /// recovery would find no evidence of it and send it again.
    case archiveRefused(address: String, reply: String)
    /// No recipient of ours took the message (only the archive may have); each refusal's reply.
    case everyRecipientRefused([RecipientReply])
    /// Every recipient refused at once for a reason that says nothing about the addresses: the
    /// server refuses us, not them.
    case everyRecipientRefusedAtOnce(SendFailure)
    /// The outbox folder could not be written into: the path and the system's reason (errno).
    case outboxFolderUnwritable(FileSystemFailure)
    /// The message's file could not be given its final name: the path and the system's reason.
    case outboxFileNotRenamed(FileSystemFailure)
    /// The retries ran out; `last` is the failure of the last attempt.
    case gaveUp(attempts: Int, last: SendFailure)
}
