extension EnglishWording {
    public func messageSentBeforeInterruption(messageID: Int64, evidence: InterruptionEvidence) -> String {
        "Message #\(messageID) was being sent when Relance stopped; \(interruptionEvidence(evidence)), so it went out and is not sent again."
    }

    public func messageRequeuedAfterInterruption(messageID: Int64, evidence: InterruptionEvidence) -> String {
        "Message #\(messageID) was being sent when Relance stopped; \(interruptionEvidence(evidence)), so the server never took it: it is sent again."
    }

    public func messageHeldAfterInterruption(messageID: Int64, reason: InterruptionHoldReason) -> String {
        "Message #\(messageID) was being sent when Relance stopped: it may or may not have reached the server. It is held, not resent blindly (\(interruptionHoldReason(reason))); check the recipient's mailbox or the Sent folder, then release or cancel it."
    }

    public func interruptionEvidence(_ evidence: InterruptionEvidence) -> String {
        switch evidence {
        case .copyFound(let messageID, let source): "a copy with Message-ID \(messageID) is in \(source)"
        case .noCopy(let messageID, let source, let seconds): "no copy with Message-ID \(messageID) is in \(source) \(seconds) s after the attempt"
        }
    }

    public func interruptionHoldReason(_ reason: InterruptionHoldReason) -> String {
        switch reason {
        case .noEvidenceSource: "no evidence source is configured: set `archive_bcc` or `sent_copy_lookup`"
        }
    }

    public func checkHeldMessageTitle(messageID: Int64, recipients: [String]) -> String {
        "Check whether reminder #\(messageID) reached \(recipients.joined(separator: ", ")) before sending it again or cancelling it"
    }

    public func messageCopiedToSent(messageID: Int64, folder: String) -> String {
        "A copy of message #\(messageID) was appended to the \(folder) folder."
    }

    public func addressRefusedByServer(address: String, role: String?, messageID: Int64, reply: String) -> String {
        "The server refused \(address) (\(role ?? "recipient")) of message #\(messageID) as a wrong address: \(reply)"
    }

    public func outboxPausedTitle(creditor: String, reason: String) -> String { "Sending is paused for \(creditor): \(reason)" }

    public func retentionPurged(messages: Int, inbound: Int, bankEntries: Int, customers: Int, events: Int, documents: Int) -> String {
        "Retention purge: \(counted(messages, "message body", "message bodies")) and \(counted(inbound, "received mail", "received mails")) removed, "
            + "\(bankEntries == 1 ? "1 bank entry's" : "\(bankEntries) bank entries'") payers and labels "
            + "removed, \(counted(customers, "inactive customer", "inactive customers")) anonymised "
            + "(\(counted(events, "event", "events")) redacted, \(counted(documents, "invoice document", "invoice documents")) released)."
    }

    public func bankReceiptsRematched(_ count: Int) -> String {
        "\(count) bank receipt\(count == 1 ? "" : "s") left unmatched earlier now matched to the invoices of this import."
    }
}
