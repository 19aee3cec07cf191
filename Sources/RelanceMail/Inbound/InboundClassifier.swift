import RelanceCore

/// Decides what an incoming message is. The order of the checks is the point: bounces
/// and feedback reports often carry auto-reply headers themselves (Postfix and Exim set
/// `Auto-Submitted` on their bounces), and auto-replies quote subjects that look human.
public enum InboundClassifier {
    public static func classify(_ message: MIMEMessage) -> InboundClassification {
        let report = ReportText(message: message)
        let analyzer = BounceAnalyzer(message: message, report: report)
        let originals = analyzer.originalHeaders
        let references = MessageReferences.references(of: message, originals: originals)
        let token = MessageReferences.verpToken(message.headers)
        func verdict(_ kind: InboundKind, _ reason: String, recipients: [BounceRecipient] = [], returnDate: CivilDate? = nil,
                     hints: [ReplyHint] = [], excerpt: String = "") -> InboundClassification {
            InboundClassification(kind: kind, recipients: recipients, references: references, verpToken: token,
                                  returnDate: returnDate, hints: hints, reason: reason, excerpt: excerpt, defects: message.defects)
        }
        func notUnderstood(_ why: InboundOtherReason, _ reason: String) -> InboundClassification {
            InboundClassification(kind: .other, references: references, verpToken: token, reason: reason, otherReason: why,
                                  defects: message.defects)
        }

        if message.isUnreadable {
            return notUnderstood(.unreadable, "unreadable: " + message.defects.joined(separator: "; "))
        }
        if let evidence = ComplaintDetector.evidence(message) {
            return verdict(.complaint, evidence, excerpt: excerpt(report.own))
        }
        let statuses = analyzer.deliveryStatuses
        if !statuses.isEmpty {
            let recipients = analyzer.recipients(from: statuses)
            let failed = recipients.contains { $0.action == "failed" || !informationalActions.contains($0.action) }
            let diagnostic = recipients.compactMap(\.diagnostic).first ?? excerpt(report.own)
            if failed {
                return verdict(.bounce, "RFC 3464 delivery-status report with a failed recipient", recipients: recipients, excerpt: diagnostic)
            }
            return verdict(.deliveryReport, "RFC 3464 delivery-status report without failure (action: \(Set(recipients.map(\.action)).sorted().joined(separator: ", ")))",
                           recipients: recipients, excerpt: diagnostic)
        }
        if let notification = AmazonSESNotification(text: report.own) {
            switch notification.type {
            case "bounce":
                let recipients = analyzer.recipients(from: notification)
                return verdict(.bounce, "Amazon SES bounce notification", recipients: recipients,
                               excerpt: recipients.compactMap(\.diagnostic).first ?? "")
            case "complaint":
                return verdict(.complaint, "Amazon SES complaint notification")
            case "delivery":
                return verdict(.deliveryReport, "Amazon SES delivery notification", recipients: analyzer.recipients(from: notification))
            default:
                break
            }
        }
        let subject = message.headers.text("Subject") ?? ""
        func textBounce(_ evidence: String) -> InboundClassification {
            let recipients = analyzer.textRecipients()
            if let delay = DelayNoticeDetector.evidence(subject: subject, ownText: report.own) {
                return verdict(.deliveryReport, "\(evidence); \(delay)", recipients: recipients.map(\.delayed),
                               excerpt: recipients.compactMap(\.diagnostic).first ?? excerpt(report.own))
            }
            return verdict(.bounce, evidence, recipients: recipients, excerpt: recipients.compactMap(\.diagnostic).first ?? excerpt(report.own))
        }
        if let evidence = BounceDetector.strongEvidence(message) ?? BounceDetector.answeredBounceEvidence(message, ownText: report.own) {
            return textBounce(evidence)
        }
        if let delay = DelayNoticeDetector.standaloneEvidence(subject: subject, ownText: report.own) {
            let recipients = analyzer.textRecipients().map(\.delayed)
            return verdict(.deliveryReport, delay, recipients: recipients, excerpt: excerpt(report.own))
        }
        if let evidence = AutoReplyDetector.evidence(message.headers) {
            let sent = DateText.messageDate(message.headers["Date"])
            let newText = ReplyText.newText(of: message)
            let returnDate = ReturnDateExtractor.returnDate(in: newText, reference: sent)
                ?? ReturnDateExtractor.returnDate(in: subject, reference: sent)
            return verdict(.autoreply, evidence, returnDate: returnDate, excerpt: excerpt(newText))
        }
        if let evidence = BounceDetector.weakEvidence(message, ownText: report.own) {
            return textBounce(evidence)
        }
        if message.isTruncated {
            return notUnderstood(.truncated, "truncated: " + message.defects.joined(separator: "; "))
        }
        if let list = mailingListEvidence(message.headers) {
            return notUnderstood(.mailingList, list)
        }
        let newText = ReplyText.newText(of: message)
        if newText.isEmpty && subject.trimmedWhitespace.isEmpty {
            return notUnderstood(.empty, "no text and no subject")
        }
        let hints = ReplyHintDetector.hints(in: newText, reference: DateText.messageDate(message.headers["Date"]))
        let threaded = message.headers.contains("In-Reply-To") || message.headers.contains("References")
        return verdict(.reply, threaded ? "human message answering another (In-Reply-To/References)" : "human message without automation headers",
                       hints: hints, excerpt: excerpt(newText))
    }

    private static let informationalActions: Set<String> = ["delivered", "relayed", "expanded", "delayed", "deliverable"]

    private static func mailingListEvidence(_ headers: MIMEHeaders) -> String? {
        if headers.contains("List-Id") { return "mailing-list message (List-Id)" }
        if let precedence = headers["Precedence"]?.lowercased(), precedence.contains("list") { return "mailing-list message (Precedence: list)" }
        // List managers' own notices ("you are not a member", loop alerts) carry their software's header.
        if let header = ["X-MLServer", "X-ML-Name", "X-Mailman-Version", "X-Sympa-To", "X-Listserver"].first(where: headers.contains) {
            return "mailing-list software's message (\(header))"
        }
        return nil
    }

    private static func excerpt(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmedWhitespace }.filter { !$0.isEmpty }.prefix(8)
        return String(lines.joined(separator: "\n").prefix(600))
    }
}
