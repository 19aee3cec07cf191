/// A sending failure that a key of `relance.toml` explains (issue #5: our problem, never the
/// customer's), as facts worded per language by `SendingWording`. The keys keep their names —
/// they are what the person edits — and what a server or libcurl said is quoted as it came.
public struct SendingSettingFault: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Connected, but no greeting came: the server most likely speaks TLS from the first byte.
        case noGreeting
        /// `security = "tls"` and the handshake failed: the server most likely expects STARTTLS.
        case handshakeExpectsStartTLS
        case handshakeFailed
        case certificateUntrusted(host: String, caFile: String?)
        case caFileUnreadable(caFile: String)
        case startTLSUnavailable
        /// `credential`: `password_credential = "smtp"` (or the OAuth key), nil when none is named.
        case loginRefused(username: String, credential: String?)
        /// The server wants authentication and we have no credential; its refusal.
        case credentialMissing(policyReply: String)
        /// A credential named in the configuration is not given to the daemon.
        case credentialUnavailable(credential: String, variable: String)
        /// The evidence mailbox (archive or provider's Sent folder), which crash recovery reads.
        case evidenceCredentialUnavailable(credential: String, variable: String)
        case evidenceSettingsUnusable(detail: String)
        /// `key` (`archive_folder`, `sent_folder`) lives in `keySection` (`[creditors.acme]`).
        case evidenceFolderMissing(folder: String, key: String, keySection: String)
        case evidenceLoginRefused(username: String)
        case evidenceUnreadable(detail: String)
    }

    public var kind: Kind
    /// `smtp.example.com:587`, or the evidence mailbox's host.
    public var server: String
    /// `[creditors.acme.smtp]`: where the keys live.
    public var section: String
    public var serverReply: String?
    public var libcurl: String?

    public init(_ kind: Kind, server: String, section: String, serverReply: String? = nil, libcurl: String? = nil) {
        self.kind = kind
        self.server = server
        self.section = section
        self.serverReply = serverReply
        self.libcurl = libcurl
    }
}
