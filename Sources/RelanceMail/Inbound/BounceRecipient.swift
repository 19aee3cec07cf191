public import RelanceCore

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
