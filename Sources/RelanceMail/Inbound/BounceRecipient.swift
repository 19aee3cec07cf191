public import RelanceCore

/// Why a recipient could not be reached, in the few categories Relance acts on differently.
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

    /// For a call task: the cause in plain words.
    public var plainWords: String {
        switch self {
        case .unknownUser: "the mailbox does not exist"
        case .unknownDomain: "the domain does not exist or accepts no mail"
        case .moved: "the person has moved and the address is no longer valid"
        case .mailboxFull: "the mailbox is full"
        case .mailboxDisabled: "the mailbox is disabled"
        case .refused: "the receiving server refused the message (spam or policy)"
        case .senderRejected: "the receiving server refused our sender address"
        case .transport: "delivery failed between the servers (network, relaying or size)"
        case .unknown: "delivery failed for an unstated reason"
        }
    }
}

/// One recipient of a bounce or delivery report, as far as the report lets us know it.
public struct BounceRecipient: Sendable, Hashable {
    /// The recipient's address as the report wrote it (lower-cased, without brackets), or
    /// nil when the report did not name it.
    public let address: String?
    /// RFC 3463 enhanced status code (`5.1.1`), read from the report or inferred from its text.
    public let status: String?
    /// Lower-cased RFC 3464 Action (`failed`, `delayed`…); `failed` for non-standard bounces.
    public let action: String
    public let permanent: Bool
    public let cause: BounceCause
    /// The remote server's words (Diagnostic-Code or the bounce's text), shortened.
    public let diagnostic: String?

    public var wrongAddress: Bool { cause.meansWrongAddress }

    public init(address: String?, status: String?, action: String, permanent: Bool, cause: BounceCause, diagnostic: String?) {
        self.address = address
        self.status = status
        self.action = action
        self.permanent = permanent
        self.cause = cause
        self.diagnostic = diagnostic
    }

    /// The same recipient as a delay notice reports it: still being tried, nothing failed yet.
    var delayed: BounceRecipient {
        let code = status.map { "4" + $0.dropFirst() }
        return BounceRecipient(address: address, status: code, action: "delayed", permanent: false, cause: cause, diagnostic: diagnostic)
    }

    /// The address as a validated `EmailAddress`, when it is one.
    public var emailAddress: EmailAddress? { address.flatMap { EmailAddress($0) } }
}
