import Logging
import NIOSSL
import PostgresNIO

extension PostgresStoreError.Code {
    /// The server cannot be reached, refuses the login, or has no such database.
    public static let unreachable = PostgresStoreError.Code(rawValue: "unreachable")
}

extension PostgresStore {
    /// One connection made and closed before the pool starts: the pool retries a refused or
    /// unanswered connection by itself, quietly, so a wrong host, port, password, database or
    /// certificate would otherwise only show as a first query that waits about a minute. This
    /// says which it is at once (10 s at most for a server that does not answer).
    static func reach(_ settings: PostgresStoreSettings, logger: Logger) async throws(PostgresStoreError) {
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls = try settings.tlsConfiguration().map { .require(try NIOSSLContext(configuration: $0)) } ?? .disable
        } catch let error as PostgresStoreError {
            throw error
        } catch {
            throw PostgresStoreError(.invalidSettings, "the TLS settings cannot be used: \(error)", context: ["setting": "[store] sslmode"])
        }
        var configuration = PostgresConnection.Configuration(host: settings.host, port: settings.port, username: settings.user,
                                                             password: settings.password, database: settings.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try? await connection.close()
        } catch {
            throw PostgresStoreError(.unreachable, "cannot open the PostgreSQL store at \(settings.redactedURL): " + Self.cause(of: error, settings),
                                     context: ["database": settings.redactedURL])
        }
    }

    /// What went wrong, and what to check, in words; the server's own message when it gave one.
    static func cause(of error: any Error, _ settings: PostgresStoreSettings) -> String {
        guard let error = error as? PSQLError else { return "\(String(reflecting: error))" }
        if let sqlState = error.serverInfo?[.sqlState] {
            let said = error.serverInfo?[.message] ?? ""
            switch sqlState {
            case "28P01", "28000":
                return "the server refused user \(settings.user) (\(said), SQLSTATE \(sqlState)): check the user in [store] url and the password credential ([store] password_credential)"
            case "3D000":
                return "the server has no database \(settings.database) (SQLSTATE 3D000): create it (createdb -O \(settings.user) \(settings.database)) or correct [store] url"
            default:
                return "the server said: \(said) (SQLSTATE \(sqlState))"
            }
        }
        let underlying = error.underlying.map { String(reflecting: $0) } ?? String(reflecting: error.code)
        if underlying.contains("handshake") || underlying.contains("certificate") || underlying.contains("SSL") {
            return "TLS failed (\(underlying)): check sslmode and sslrootcert (the CA that signed the server's certificate, issued for \(settings.host))"
        }
        return "no connection to \(settings.host):\(settings.port) (\(underlying)): check that the server runs and listens there (listen_addresses, pg_hba.conf, a firewall)"
    }
}
