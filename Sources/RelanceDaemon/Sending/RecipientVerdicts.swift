import CurlMail
import RelanceCore

/// Whose problem each SMTP refusal is (issue #5), read from the reply and its RFC 3463 code.
///
/// Only a permanent refusal with X.1.1 (no such mailbox), X.1.2 (no such system), X.1.3
/// (bad address syntax), X.1.6 (mailbox moved) or X.2.1 (mailbox disabled) says the address
/// is wrong. A refusal without an enhanced code is never read as a wrong address: the text
/// of a reply is free-form and guessing would turn a server incident into customer tasks.
enum RecipientVerdicts {
    static func verdict(for reply: SMTPReply) -> RecipientReply.Verdict {
        if reply.isPositive { return .accepted }
        if let status = reply.enhancedStatus {
            if status.subject == 7 { return .ourProblem }
            if status.isPermanent && wrongAddress.contains([status.subject, status.detail]) { return .wrongAddress }
            // A full mailbox (5.2.2, or 552 to RCPT) is treated as temporary: RFC 5321 section 4.5.3.1.10.
            if status.subject == 2 && status.detail == 2 { return .temporary }
        }
        if reply.isTemporaryFailure || reply.code == 552 { return .temporary }
        return .refused
    }

    private static let wrongAddress: Set<[Int]> = [[1, 1], [1, 2], [1, 3], [1, 6], [2, 1]]

    static func replies(_ results: [SMTPRecipientResult], excluding archive: String?) -> [RecipientReply] {
        let archive = archive?.lowercased()
        return results.filter { $0.recipient.lowercased() != archive }
            .map { RecipientReply(address: $0.recipient, reply: $0.reply.description, verdict: verdict(for: $0.reply)) }
    }

    /// What to do when no recipient of ours took the message (the archive may have).
    ///
    /// A policy refusal, or every recipient refused at once for a reason that says nothing
    /// about the addresses, is our problem: the creditor's outbox pauses. Any temporary refusal
    /// makes the whole message wait for a retry. Otherwise the message failed, and its
    /// wrong-address refusals are evidence for the ladder.
    static func outcomeWhenNobodyAccepted(_ replies: [RecipientReply], reason: SendFailure) -> DeliveryOutcome {
        let verdicts = Set(replies.map(\.verdict))
        if verdicts.contains(.ourProblem) { return .senderProblem(reason: reason) }
        if verdicts.contains(.temporary) { return .temporaryFailure(reason: reason) }
        if !verdicts.contains(.wrongAddress) {
            return .senderProblem(reason: .everyRecipientRefusedAtOnce(reason))
        }
        return .recipientsRefused(reason: reason, recipients: replies)
    }
}
