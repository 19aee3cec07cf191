/// Where and how to read mail.
public struct IMAPEndpoint: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var security: MailSecurity
    public var credentials: MailCredentials
    /// PEM file of the CA that signed the server's certificate, when it is not a public CA.
    public var caFile: String?
    public var timeouts: MailTimeouts

    /// `port` defaults to 143 for STARTTLS and plain, 993 for implicit TLS.
    public init(
        host: String,
        port: Int? = nil,
        security: MailSecurity = .startTLS,
        credentials: MailCredentials = .none,
        caFile: String? = nil,
        timeouts: MailTimeouts = .standard
    ) {
        self.host = host
        self.port = port ?? (security == .implicitTLS ? 993 : 143)
        self.security = security
        self.credentials = credentials
        self.caFile = caFile
        self.timeouts = timeouts
    }

    var server: MailServer {
        MailServer(host: host, port: port, security: security, credentials: credentials, caFile: caFile, timeouts: timeouts)
    }

    var baseURL: String { server.baseURL(plainScheme: "imap", tlsScheme: "imaps") }
}
