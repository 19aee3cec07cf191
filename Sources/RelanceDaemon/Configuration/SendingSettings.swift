public import RelanceCore

/// How a creditor's outbox sends: evidence for crash recovery, the Sent-folder copy, and
/// the pace. Everything has a safe default: one connection, no rate limit, no copy, and
/// no evidence source (then a message interrupted mid-send is held for a person).
public struct SendingSettings: Sendable, Hashable {
    /// Where, after a crash, the server-side copy of a message is looked for by Message-ID.
    public enum Evidence: Sendable, Hashable {
        case none
        /// `archive_bcc`: an archive mailbox added to the SMTP envelope (never a header), so
        /// the server delivers it in the same transaction; read over `archive_imap`.
        case archive(address: EmailAddress, server: MailServerSettings, folder: String)
        /// `sent_copy_lookup`: the provider's own copy of submitted mail, in the Sent folder.
        case providerSentFolder(server: MailServerSettings, folder: String)
    }

    public var evidence: Evidence
    /// How long after an interrupted attempt the evidence is searched (delivery to the
    /// archive, or the provider's copy, is not instantaneous).
    public var evidenceDelaySeconds: Int
    /// Append a copy of each sent message to `sentFolder` over the creditor's IMAP server.
    public var copyToSent: Bool
    public var sentFolder: String
    /// Parallel SMTP connections draining this creditor's outbox.
    public var smtpConnections: Int
    /// nil: as fast as the server takes them.
    public var maxMessagesPerMinute: Int?
    /// How long a temporary failure is retried (from the first attempt) before the message
    /// fails and a person is asked: a reminder sent a week late may no longer make sense.
    public var retryForHours: Int

    public init(evidence: Evidence = .none, evidenceDelaySeconds: Int = 120, copyToSent: Bool = false, sentFolder: String = "Sent",
                smtpConnections: Int = 1, maxMessagesPerMinute: Int? = nil, retryForHours: Int = 72) {
        self.evidence = evidence
        self.evidenceDelaySeconds = evidenceDelaySeconds
        self.copyToSent = copyToSent
        self.sentFolder = sentFolder
        self.smtpConnections = smtpConnections
        self.maxMessagesPerMinute = maxMessagesPerMinute
        self.retryForHours = retryForHours
    }

    /// The archive address to add to every envelope, when archive evidence is configured.
    public var archiveBcc: EmailAddress? {
        if case .archive(let address, _, _) = evidence { return address }
        return nil
    }
}
