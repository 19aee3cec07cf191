/// Recognises a mail system's warning that delivery is only delayed and still being tried
/// ("has not yet been delivered", "Delivery attempts will continue"), when it is written as
/// prose rather than as an RFC 3464 report with `Action: delayed`. Such a notice is a delivery
/// report, not a bounce: nothing failed yet, and a customer must not be called for it.
enum DelayNoticeDetector {
    /// For a message already known to come from a mail system.
    static func evidence(subject: String, ownText: String) -> String? {
        let text = DiagnosticPhrases(ownText.lowercased())
        // A notice that also says it gave up is a failure whatever else it says.
        if text.containsAny(finalPhrases) { return nil }
        if let phrase = text.first(of: textPhrases) { return "delay notice (\(phrase))" }
        if let phrase = DiagnosticPhrases(subject.lowercased()).first(of: subjectPhrases) { return "delay notice subject (\(phrase))" }
        return nil
    }

    /// For a message with no other sign of automation: both its subject and its text must say so,
    /// so that a person writing "Re: delayed payment, we will continue to try" stays a reply.
    static func standaloneEvidence(subject: String, ownText: String) -> String? {
        let lowered = subject.lowercased().trimmedWhitespace
        guard !BounceDetector.isAnswer(lowered), let phrase = DiagnosticPhrases(lowered).first(of: subjectPhrases) else { return nil }
        let text = DiagnosticPhrases(ownText.lowercased())
        guard !text.containsAny(finalPhrases), text.containsAny(textPhrases) else { return nil }
        return "delay notice subject and text (\(phrase))"
    }

    private static let subjectPhrases = [
        "delivery warning", "delayed mail", "message delayed", "delivery delayed", "mail delivery delayed", "(delay)",
        "warning: message", "not yet been delivered", "délai de remise", "remise différée", "zustellung verzögert",
    ]
    private static let textPhrases = [
        "has not yet been delivered", "not yet been delivered", "delivery attempts will continue", "will continue to try",
        "will continue to attempt", "warning message only", "this is just a warning", "has been delayed", "has been postponed",
        "advisory-only", "no action is required on your part", "will be retried", "still being retried",
        "n'a pas encore été remis", "n'a pas encore été distribué", "nouvelles tentatives",
    ]
    private static let finalPhrases = [
        "failed permanently", "permanent error", "permanent fatal", "have given up", "i've given up", "has been returned",
        "could not be delivered to one or more of its recipients. this is a permanent",
    ]
}
