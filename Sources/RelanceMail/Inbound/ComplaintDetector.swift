/// ARF feedback reports (RFC 5965) and the non-standard complaint and unsubscribe
/// notices of the big mailbox providers.
enum ComplaintDetector {
    static func evidence(_ message: MIMEMessage) -> String? {
        let parts = message.root.ownParts
        if parts.contains(where: { $0.contentType == "message/feedback-report" }) {
            return "ARF feedback report (message/feedback-report part)"
        }
        if parts.contains(where: { $0.contentType == "multipart/report" && $0.contentTypeParameters["report-type"]?.lowercased() == "feedback-report" }) {
            return "ARF feedback report (multipart/report; report-type=feedback-report)"
        }
        if message.headers["X-Apple-Unsubscribe"]?.lowercased().trimmedWhitespace == "true" {
            return "Apple Mail unsubscribe request (X-Apple-Unsubscribe)"
        }
        // Microsoft's JMRP reports forward the complained-about message with this header.
        let embedded = parts.filter(\.isEmbeddedMessage).compactMap { $0.children.first?.headers }
        if embedded.contains(where: { $0.contains("X-HmXmrOriginalRecipient") }) {
            return "Microsoft JMRP complaint (X-HmXmrOriginalRecipient)"
        }
        if message.headers["Feedback-Type"] != nil { return "feedback report (Feedback-Type header)" }
        return nil
    }
}
