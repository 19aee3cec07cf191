import RelanceCore
import RelanceMail

/// Whether a message answers one of the creditor's digests: it quotes a digest's Message-ID
/// (whose signed token names the day and binds the creditor) and comes from one of the
/// creditor's `people`. Both are needed before an emailed outcome acts. Pure.
enum DigestReplyMatcher {
    enum Match: Sendable, Hashable {
        /// Not a reply to a digest: the ordinary matching goes on.
        case notDigest
        case reply(day: CivilDate, from: EmailAddress)
        /// A reply to a digest that must not act, and why.
        case refused(String)
    }

    /// A digest older than this is not answered by email any more (a replayed old message).
    static let maximumAgeDays = 31

    static func match(_ message: MIMEMessage, _ classification: InboundClassification, creditor: CreditorID,
                      people: [EmailAddress], secret: ReferenceSecret, today: CivilDate) -> Match {
        var quoted: String?
        var day: CivilDate?
        for reference in classification.references {
            guard let token = ReferenceAddressing.token(inMessageID: reference), token.lowercased().hasPrefix("digest.") else { continue }
            quoted = quoted ?? reference
            if let verified = DigestToken.verify(token.dropFirst("digest.".count), secret: secret, creditor: creditor) {
                day = verified
                break
            }
        }
        guard let quoted else { return .notDigest }
        guard let day else { return .refused("it quotes the digest <\(quoted)>, whose token does not verify") }
        guard day.days(until: today) <= maximumAgeDays, day <= today else {
            return .refused("it answers the digest of \(day), older than \(maximumAgeDays) days")
        }
        let from = message.addresses(inHeaders: ["From"]).compactMap { EmailAddress($0) }
        guard from.count == 1, let sender = from.first else { return .refused("it does not have exactly one sender") }
        guard people.contains(sender) else {
            return .refused("\(sender) is not on the creditor's people list")
        }
        return .reply(day: day, from: sender)
    }
}
