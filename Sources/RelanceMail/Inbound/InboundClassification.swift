public import RelanceCore

/// What an incoming message is, for the reactions of issue 6.
public enum InboundKind: String, Sendable, Hashable, Codable, CaseIterable {
    case bounce
    case autoreply
    /// An abuse or opt-out feedback report (ARF, RFC 5965) or equivalent.
    case complaint
    /// A success or delay notice: recorded, never acted on.
    case deliveryReport = "delivery-report"
    /// A human answer.
    case reply
    case other
}

/// The classifier's verdict on one message and everything it read to reach it.
public struct InboundClassification: Sendable {
    public let kind: InboundKind
    /// Bounce and delivery-report recipients; empty for other kinds.
    public let recipients: [BounceRecipient]
    /// Message-IDs the message points to (In-Reply-To, References, quoted original).
    public let references: [String]
    /// The raw token of a `bounces+TOKEN@domain` delivery address, unverified.
    public let verpToken: String?
    /// The return date an auto-reply states.
    public let returnDate: CivilDate?
    /// What a human reply says about payment.
    public let hints: [ReplyHint]
    /// The rule that decided the kind, or why the message is `other`, in technical words (logs).
    public let reason: String
    /// Why the message is `other`, for people; nil for the other kinds.
    public let otherReason: InboundOtherReason?
    /// The first lines of the message's own text (reply, auto-reply) or of the bounce
    /// diagnostic, for a task.
    public let excerpt: String
    /// Parsing problems, in plain words.
    public let defects: [String]

    public init(kind: InboundKind, recipients: [BounceRecipient] = [], references: [String] = [], verpToken: String? = nil,
                returnDate: CivilDate? = nil, hints: [ReplyHint] = [], reason: String, otherReason: InboundOtherReason? = nil,
                excerpt: String = "", defects: [String] = []) {
        self.kind = kind
        self.recipients = recipients
        self.references = references
        self.verpToken = verpToken
        self.returnDate = returnDate
        self.hints = hints
        self.reason = reason
        self.otherReason = otherReason
        self.excerpt = excerpt
        self.defects = defects
    }
}
