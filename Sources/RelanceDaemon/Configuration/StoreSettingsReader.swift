import Foundation
public import RelancePostgres

/// `[store]`: where the book is kept when it is not the SQLite file. Absent: SQLite
/// (`store_file`), as always.
///
///     [store]
///     url = "postgresql://relance@db.example:5432/relance"
///     password_credential = "postgres-password"   # systemd credential / RELANCE_CREDENTIAL_POSTGRES_PASSWORD
///     sslmode = "verify-full"                      # disable, require, verify-ca, verify-full (default)
///     sslrootcert = "/etc/relance/db-ca.pem"       # default: the system's trust store
///     claim_seconds = 300                          # a dead daemon's messages are settled after this
///     lease_seconds = 60                           # a dead daemon's work is taken over after this
public struct PostgresStoreConfiguration: Sendable, Hashable {
    /// Without the password: it is read from the credential when the store is opened.
    public var settings: PostgresStoreSettings
    public var passwordCredential: String?

    public init(settings: PostgresStoreSettings, passwordCredential: String?) {
        self.settings = settings
        self.passwordCredential = passwordCredential
    }
}

extension PostgresStoreConfiguration {
    /// The settings with the password read from `password_credential` (systemd credential or
    /// RELANCE_CREDENTIAL_…), as SMTP's is: never from the file, never logged.
    public func resolved(secrets: SecretStore) throws(SecretError) -> PostgresStoreSettings {
        var resolved = settings
        if let passwordCredential { resolved.password = try secrets.secret(named: passwordCredential) }
        return resolved
    }
}

enum StoreSettingsReader {
    static func read(_ table: ConfigTable?, base: URL, storeFileSet: Bool) throws(ConfigurationError) -> PostgresStoreConfiguration? {
        guard let table else { return nil }
        try table.refuseUnknownKeys(["url", "password_credential", "sslmode", "sslrootcert", "claim_seconds", "lease_seconds"])
        let url = try table.requiredString("url", hint: "write url = \"postgresql://USER@HOST:5432/DATABASE\", or remove [store] to keep the SQLite store")
        if storeFileSet {
            throw table.error("url", "store_file (SQLite) and [store] url (PostgreSQL) are both set: keep the one the book is in")
        }
        let credential = try table.string("password_credential")
        if let credential, credential.isEmpty || credential.contains("/") || credential.unicodeScalars.contains(where: { $0.value < 0x21 }) {
            throw table.error("password_credential", "must be a credential name (letters, digits, - . _), such as \"postgres-password\"")
        }
        let rootCertificate = try table.string("sslrootcert").map { $0.hasPrefix("/") ? $0 : base.appendingPathComponent($0).path }
        let sslMode = try table.string("sslmode")
        // How long a daemon's claim on a message lasts before another daemon settles it.
        let claimSeconds = try table.int("claim_seconds", in: Int(PostgresStoreSettings.shortestClaim.components.seconds)...86_400)
        // How long a daemon's lease on a creditor's intake, planning, mailbox or digest lasts unrenewed.
        let leaseSeconds = try table.int("lease_seconds", in: 6...3_600)
        do throws(PostgresStoreError) {
            var settings = try PostgresStoreSettings.parse(url: url, sslMode: sslMode, rootCertificatePath: rootCertificate)
            if let claimSeconds { settings.claimDuration = .seconds(claimSeconds) }
            if let leaseSeconds { settings.leaseDuration = .seconds(leaseSeconds) }
            return PostgresStoreConfiguration(settings: settings, passwordCredential: credential)
        } catch {
            let key = error.context["setting"].map { String($0.dropFirst("[store] ".count)) } ?? "url"
            throw table.error(key, error.message)
        }
    }
}
