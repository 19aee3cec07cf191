/// How the connection is protected, named as libpq names it (`sslmode`), so that people who
/// know `psql` know what each does. `allow` and `prefer` are refused: they fall back to plain
/// text when TLS fails, which an attacker on the path can force.
public enum PostgresSSLMode: String, Sendable, Hashable, CaseIterable {
    /// No TLS at all: only for a server on the same host through a trusted network.
    case disable
    /// TLS, without checking the certificate (encryption against passive listeners only).
    case require
    /// TLS, the certificate signed by a trusted CA, whatever name it carries.
    case verifyCA = "verify-ca"
    /// TLS, the certificate signed by a trusted CA and issued for the host connected to.
    case verifyFull = "verify-full"

    /// The default, as for every other connection Relance makes: verified.
    public static let `default` = PostgresSSLMode.verifyFull

    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
