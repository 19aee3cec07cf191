/// Why a recipient could not be reached, in the few categories Relance acts on differently.
/// (Read from bounces by RelanceMail; here so that the per-language `Wording` can name it.)
public enum BounceCause: String, Sendable, Hashable, Codable, CaseIterable {
    /// The mailbox does not exist at that domain.
    case unknownUser = "unknown-user"
    /// The domain does not exist or does not accept mail at all.
    case unknownDomain = "unknown-domain"
    /// The person moved; the address is no longer theirs.
    case moved
    case mailboxFull = "mailbox-full"
    /// The mailbox exists but is disabled or suspended.
    case mailboxDisabled = "mailbox-disabled"
    /// Refused as spam, by policy, by reputation or authentication checks.
    case refused
    /// Our own sender address or domain was refused (reputation, SPF, unknown sender).
    case senderRejected = "sender-rejected"
    /// A problem on our side or in between: relaying, size, TLS, network, timeouts.
    case transport
    case unknown

    /// True when the address itself is wrong: writing to it again can never work.
    public var meansWrongAddress: Bool { self == .unknownUser || self == .unknownDomain || self == .moved }

    /// For a call task or a journal line: the cause in the creditor's words.
    public func plainWords(_ wording: any Wording) -> String { wording.bounceCause(self) }
}
