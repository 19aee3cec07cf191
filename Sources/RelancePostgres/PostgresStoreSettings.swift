import Foundation

/// Where the PostgreSQL store is and how to reach it: `[store] url`, `sslmode`, `sslrootcert`
/// and the password (from `password_credential`, never from the file or the URL).
public struct PostgresStoreSettings: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var sslMode: PostgresSSLMode
    /// PEM file of the CA(s) to trust; nil: the system's trust store.
    public var rootCertificatePath: String?
    /// Filled from the credential when the store is opened; nil for a server that asks none.
    public var password: String?
    /// How long a daemon's claim on a message it is sending lasts (`[store] claim_seconds`).
    /// Past it, the daemon is presumed dead and another settles the message from the server's
    /// evidence; so it must outlast any pause a daemon may come back from (far longer than one
    /// SMTP transaction).
    public var claimDuration: Duration = .seconds(300)
    public static let shortestClaim: Duration = .seconds(10)
    /// How long a daemon's lease on a piece of work (a creditor's intake, planning, mailbox,
    /// digest) lasts without renewal (`[store] lease_seconds`): a daemon that stops renewing —
    /// dead, paused, cut off — loses the work to another after it. Renewed every third of it.
    public var leaseDuration: Duration = .seconds(60)

    public init(host: String, port: Int = 5432, user: String, database: String, sslMode: PostgresSSLMode = .default,
                rootCertificatePath: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.sslMode = sslMode
        self.rootCertificatePath = rootCertificatePath
        self.password = password
    }

    /// The URL without its secret, for messages and `relance status`.
    public var redactedURL: String { "postgresql://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)" }

    /// Parses `postgresql://user@host:port/database` (or `postgres://`). A password in the URL
    /// is refused (it would sit in the configuration file; use password_credential); so are
    /// query parameters (sslmode and sslrootcert are settings of their own, checked here too).
    public static func parse(url text: String, sslMode: String? = nil, rootCertificatePath: String? = nil)
        throws(PostgresStoreError) -> PostgresStoreSettings {
        func invalid(_ message: String) -> PostgresStoreError {
            PostgresStoreError(.invalidSettings, message, context: ["setting": "[store] url"])
        }
        guard text.count <= 2048, !text.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else {
            throw invalid("the URL has spaces or control characters (or is longer than 2048 characters)")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgresql" || scheme == "postgres" else {
            throw invalid("\"\(text.printableForError)\" is not a postgresql:// URL; write postgresql://user@host:5432/database")
        }
        if components.password != nil {
            throw invalid("the URL holds a password: remove it, and give the password with password_credential (a systemd credential)")
        }
        if components.query != nil || components.fragment != nil {
            throw invalid("the URL has parameters (?…): write sslmode and sslrootcert as settings of [store], not in the URL")
        }
        guard let user = components.user?.removingPercentEncoding, !user.isEmpty else {
            throw invalid("the URL names no user: write postgresql://USER@host:5432/database")
        }
        guard let host = components.host, !host.isEmpty else {
            throw invalid("the URL names no host: write postgresql://user@HOST:5432/database")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw invalid("port \(port) is out of range (1–65535)") }
        var path = components.path
        if path.hasPrefix("/") { path.removeFirst() }
        guard let database = path.removingPercentEncoding, !database.isEmpty, !database.contains("/") else {
            throw invalid("the URL names no database: write postgresql://user@host:5432/DATABASE")
        }
        var mode = PostgresSSLMode.default
        if let sslMode {
            guard let parsed = PostgresSSLMode(rawValue: sslMode) else {
                throw PostgresStoreError(.invalidSettings,
                    "sslmode \"\(sslMode.printableForError)\" is not accepted: use one of \(PostgresSSLMode.accepted) (allow and prefer can fall back to plain text)",
                    context: ["setting": "[store] sslmode"])
            }
            mode = parsed
        }
        if let rootCertificatePath, mode == .disable || mode == .require {
            throw PostgresStoreError(.invalidSettings,
                "sslrootcert \(rootCertificatePath.printableForError) is set but sslmode = \(mode.rawValue) checks no certificate: use verify-full (or verify-ca)",
                context: ["setting": "[store] sslrootcert"])
        }
        let unbracketed = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return PostgresStoreSettings(host: unbracketed, port: port, user: user, database: database, sslMode: mode,
                                     rootCertificatePath: rootCertificatePath)
    }
}

extension String {
    /// A value quoted in an error message, its control characters escaped and its length bounded.
    var printableForError: String {
        let bounded = count > 200 ? String(prefix(200)) + "…" : self
        return bounded.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }
}
