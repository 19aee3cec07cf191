/// Where and how to submit mail.
public struct SMTPEndpoint: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var security: MailSecurity
    public var credentials: MailCredentials
    /// PEM file of the CA that signed the server's certificate, when it is not a public CA.
    public var caFile: String?
    public var timeouts: MailTimeouts
    /// The name we greet the server with in EHLO: our own fully qualified host name.
    public var ehloName: String

    /// `port` defaults to 587 for STARTTLS, 465 for implicit TLS and 25 for plain.
    public init(
        host: String,
        port: Int? = nil,
        security: MailSecurity = .startTLS,
        credentials: MailCredentials = .none,
        caFile: String? = nil,
        timeouts: MailTimeouts = .standard,
        ehloName: String = "localhost"
    ) {
        self.host = host
        self.port = port ?? Self.defaultPort(for: security)
        self.security = security
        self.credentials = credentials
        self.caFile = caFile
        self.timeouts = timeouts
        self.ehloName = ehloName
    }

    public static func defaultPort(for security: MailSecurity) -> Int {
        switch security {
        case .startTLS: 587
        case .implicitTLS: 465
        case .plain: 25
        }
    }

    var server: MailServer {
        MailServer(host: host, port: port, security: security, credentials: credentials, caFile: caFile, timeouts: timeouts)
    }

    /// libcurl takes the EHLO name from the URL path.
    var url: String { server.baseURL(plainScheme: "smtp", tlsScheme: "smtps") + "/" + ehloName }

    var problem: String? {
        if let problem = server.problem { return problem }
        let hostNameCharacters = ehloName.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-")
        }
        if ehloName.isEmpty || !hostNameCharacters {
            return "the EHLO name \"\(ehloName)\" is not a host name (letters, digits, dots and hyphens)"
        }
        return nil
    }
}
