import RelanceCore

extension CreditorReader {
    static let sendingKeys: Set<String> = [
        "archive_bcc", "archive_imap", "archive_folder", "sent_copy_lookup", "copy_to_sent", "sent_folder",
        "evidence_delay_seconds", "smtp_connections", "max_messages_per_minute", "retry_for_hours",
    ]

    /// The sending keys of a creditor; `imap` is its own IMAP server, already read.
    func sendingSettings(imap: MailServerSettings?) throws(ConfigurationError) -> SendingSettings {
        let sentFolder = try table.string("sent_folder") ?? "Sent"
        let lookup = try table.bool("sent_copy_lookup") ?? false
        let copy = try table.bool("copy_to_sent") ?? false
        let archiveServer = try server("archive_imap", defaultPorts: (starttls: 143, tls: 993, plain: 143))
        var evidence = SendingSettings.Evidence.none
        if let archive = try address("archive_bcc", required: false) {
            guard let archiveServer else {
                throw table.error("archive_bcc", "needs [\(table.key("archive_imap"))]: the IMAP server where the archive copies are read back after a crash")
            }
            evidence = .archive(address: archive, server: archiveServer, folder: try table.string("archive_folder") ?? "INBOX")
        } else if archiveServer != nil {
            throw table.error("archive_imap", "is set but archive_bcc is not: name the archive address added to every envelope")
        }
        if lookup {
            guard let imap else {
                throw table.error("sent_copy_lookup", "needs [\(table.key("imap"))]: the server whose \(sentFolder) folder holds the provider's copies")
            }
            if case .archive = evidence {
                throw table.error("sent_copy_lookup", "choose one evidence source: archive_bcc or sent_copy_lookup, not both")
            }
            // Our own copy is appended after the send: finding it proves nothing about an interrupted one.
            if copy {
                throw table.error("sent_copy_lookup", """
                    cannot be used with copy_to_sent = true: Relance's own copy, appended after sending, \
                    is no evidence that an interrupted message reached the server. Use archive_bcc instead.
                    """)
            }
            evidence = .providerSentFolder(server: imap, folder: sentFolder)
        }
        if copy && imap == nil {
            throw table.error("copy_to_sent", "needs [\(table.key("imap"))]: the server whose \(sentFolder) folder receives the copies")
        }
        return SendingSettings(
            evidence: evidence, evidenceDelaySeconds: try table.int("evidence_delay_seconds", in: 0...86_400) ?? 120,
            copyToSent: copy, sentFolder: sentFolder,
            smtpConnections: try table.int("smtp_connections", in: 1...16) ?? 1,
            maxMessagesPerMinute: try table.int("max_messages_per_minute", in: 1...100_000),
            retryForHours: try table.int("retry_for_hours", in: 1...720) ?? 72)
    }
}
