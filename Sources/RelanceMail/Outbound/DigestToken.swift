public import RelanceCore

/// The signed token in a digest's Message-ID (`relance.digest.TOKEN@domain`): a reply quoting
/// it proves its writer received that digest, so its outcomes may act. The same construction
/// as `ReferenceToken` — an HMAC-SHA256 tag, truncated to 80 bits, binding the creditor —
/// under its own label, over the digest's day instead of an outbox message id.
public enum DigestToken {
    static let label = "relance-digest-v1"

    public static func make(day: CivilDate, creditor: CreditorID, secret: ReferenceSecret) -> String {
        ReferenceToken(messageID: Int64(day.daysSinceEpoch), creditor: creditor).string(secret: secret, label: label)
    }

    /// The digest's day when `text` was made with `secret` for `creditor`; nil otherwise.
    public static func verify(_ text: some StringProtocol, secret: ReferenceSecret, creditor: CreditorID) -> CivilDate? {
        guard let token = ReferenceToken.verify(text, secret: secret, creditors: [creditor], label: label) else { return nil }
        return CivilDate(daysSinceEpoch: Int(token.messageID))
    }
}
