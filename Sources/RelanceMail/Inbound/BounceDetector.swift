/// Recognises bounces that are not RFC 3464 reports, by who sends them and what they say.
enum BounceDetector {
    /// Signals that outweigh auto-reply headers (which bounces carry too).
    static func strongEvidence(_ message: MIMEMessage) -> String? {
        let headers = message.headers
        if headers.contains("X-Failed-Recipients") { return "X-Failed-Recipients header" }
        let from = DiagnosticPhrases((headers.text("From") ?? "").lowercased())
        if let daemon = from.first(of: daemonSenders) { return "sent by a mail system (\(daemon))" }
        // A human answering or forwarding a bounce keeps its subject behind "Re:"/"Fwd:":
        // only a subject that starts as a bounce's counts.
        let subject = (headers.text("Subject") ?? "").lowercased().trimmedWhitespace
        if !isAnswer(subject), let phrase = DiagnosticPhrases(subject).first(of: bounceSubjects) { return "bounce subject (\(phrase))" }
        if message.root.contentType == "multipart/report" { return "multipart/report message" }
        return nil
    }

    /// A bounce that a person forwarded ("Fwd: Returned mail: …"), or that a gateway sent as an
    /// answer with the failure appended to the subject ("RE: Invoice 12 : non remis (delivery
    /// failed)"), is about the original recipient, not a reply. Both need the failure in the
    /// text too: a person answering "Re: Undelivered Mail Returned to Sender" to ask what it
    /// means keeps that subject at its start and writes no bounce wording of their own.
    static func answeredBounceEvidence(_ message: MIMEMessage, ownText: String) -> String? {
        let subject = (message.headers.text("Subject") ?? "").lowercased().trimmedWhitespace
        guard isAnswer(subject) else { return nil }
        guard let wording = DiagnosticPhrases(ownText.lowercased()).first(of: bodyPhrases) else { return nil }
        let bare = strippingAnswerPrefixes(subject)
        if isForward(subject), bounceSubjects.contains(where: bare.hasPrefix) {
            return "forwarded bounce (\(wording))"
        }
        // Appended: found, and not at the subject's start (its first occurrence, as Foundation's range(of:)).
        let bareSearch = DiagnosticPhrases(bare)
        if let phrase = bounceSubjects.first(where: { (bareSearch.firstOffset(of: $0) ?? 0) > 0 }) {
            return "bounce notice appended to an answer's subject (\(phrase))"
        }
        return nil
    }

    static func isAnswer(_ loweredSubject: String) -> Bool {
        answerPrefixes.contains { loweredSubject.hasPrefix($0) }
    }

    private static func isForward(_ loweredSubject: String) -> Bool {
        ["fw:", "fwd:", "tr:", "tr :", "wg:", "rv:"].contains { loweredSubject.hasPrefix($0) }
    }

    private static func strippingAnswerPrefixes(_ loweredSubject: String) -> String {
        var text = Substring(loweredSubject)
        while let prefix = answerPrefixes.first(where: { text.hasPrefix($0) }) {
            text = text.dropFirst(prefix.count).drop { $0 == " " }
        }
        return String(text)
    }

    private static let answerPrefixes = ["re:", "re :", "aw:", "tr:", "tr :", "fw:", "fwd:", "wg:", "r:", "rif:", "sv:", "rv:"]

    /// Signals in the body, used only once auto-replies are ruled out.
    static func weakEvidence(_ message: MIMEMessage, ownText: String) -> String? {
        let nullSender = message.headers["Return-Path"]?.trimmedWhitespace == "<>"
        guard let phrase = DiagnosticPhrases(ownText.lowercased()).first(of: bodyPhrases) else { return nil }
        let embedded = message.root.ownParts.contains(where: \.isEmbeddedMessage)
        if nullSender || embedded || message.headers["Auto-Submitted"] != nil {
            return "bounce wording in an automated message (\(phrase))"
        }
        return nil
    }

    private static let daemonSenders = [
        "mailer-daemon", "mailer_daemon", "mail-daemon", "maildaemon", "mailerdaemon", "postmaster@", "mail delivery system",
        "mail delivery subsystem", "mail administrator", "mail system", "mail delivery", "internet mail delivery",
        "mdaemon", "double-bounce", "post_master@", "postmaster\\@",
    ]
    private static let bounceSubjects = [
        "undeliver", "undelivered", "delivery status notification", "failure notice", "returned mail", "mail delivery failed",
        "delivery failure", "delivery failed", "delivery has failed", "nondeliverable", "non-deliverable", "non deliverable",
        "could not be delivered", "couldn't be delivered", "not delivered", "delivery notification", "mail system error",
        "non remis", "non délivré", "remise impossible", "échec de la remise", "échec de remise", "message non distribué",
        "impossible de remettre", "unzustellbar", "nicht zustellbar", "no se puede entregar", "non recapitabile",
        "delivery problem", "warning: could not send", "permanent error", "returned to sender",
        "mail failure", "failed delivery", "delivery error", "error sending",
        "message not deliverable", "notice of delivery", "delivery notice", "mail could not", "unable to deliver",
    ]
    private static let bodyPhrases = [
        "could not be delivered", "delivery has failed", "permanent error", "undeliverable", "was not delivered",
        "unable to deliver", "failed permanently", "delivery to the following recipient", "wasn't able to deliver",
        "the following address(es) failed", "user unknown", "does not exist", "mailbox unavailable", "message not delivered",
        "delivery failed", "could not deliver", "did not reach", "returned to sender", "not be delivered",
        "n'a pas été distribué", "n'a pas pu être remis", "n'a pas pu être distribué", "remise impossible",
    ]
}
