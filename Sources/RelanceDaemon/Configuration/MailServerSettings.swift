/// How to reach an SMTP or IMAP server. Passwords are not here: only the name of the
/// credential that holds one (a systemd credential or an environment variable).
public struct MailServerSettings: Sendable, Hashable {
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// STARTTLS, required: the connection fails rather than continue in clear text.
        case startTLS = "starttls"
        /// TLS from the first byte (SMTPS 465, IMAPS 993).
        case tls
        /// No encryption: only for a server on the same machine (loopback).
        case plain
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    /// Name of the credential holding the password (see `SecretStore`).
    public var passwordCredential: String?
    /// Name of the credential holding an OAuth2 bearer token, refreshed by an external helper.
    public var oauth2TokenCredential: String?
    /// A CA bundle for a private certificate authority; the system's trust store otherwise.
    public var caFile: String?
    public var timeoutSeconds: Int

    public init(host: String, port: Int, security: Security, username: String? = nil, passwordCredential: String? = nil,
                oauth2TokenCredential: String? = nil, caFile: String? = nil, timeoutSeconds: Int = 60) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.passwordCredential = passwordCredential
        self.oauth2TokenCredential = oauth2TokenCredential
        self.caFile = caFile
        self.timeoutSeconds = timeoutSeconds
    }
}
