import Foundation
public import Logging
public import RelanceCore
import RelancePostgres
import RelanceMail

extension RelanceRuntime {
    /// Opens the configured store — the SQLite file (`store_file`), or the PostgreSQL database
    /// `[store] url` names, with its password credential — and builds the runtime on it. The same
    /// options as `init`.
    public static func open(configuration: RelanceConfiguration, clock: any WallClock, logger: Logger,
                            secrets: SecretStore = SecretStore(),
                            transportOverride: (@Sendable (CreditorConfiguration) -> any MailTransport)? = nil,
                            crashPoints: CrashPoints = .disabled, composesMail: Bool = true, readOnly: Bool = false) async throws -> RelanceRuntime {
        guard let postgres = configuration.postgresStore else {
            return try RelanceRuntime(configuration: configuration, clock: clock, logger: logger, secrets: secrets,
                                      transportOverride: transportOverride, crashPoints: crashPoints, composesMail: composesMail, readOnly: readOnly)
        }
        let store = try await PostgresStore.open(try postgres.resolved(secrets: secrets), logger: logger)
        do {
            let key = try await signingKey(of: store, configuration: configuration, secrets: secrets, readOnly: readOnly)
            return try RelanceRuntime(configuration: configuration, clock: clock, logger: logger, secrets: secrets, reusing: store, signingKey: key,
                                      transportOverride: transportOverride, crashPoints: crashPoints, composesMail: composesMail, readOnly: readOnly)
        } catch {
            await store.close()
            throw error
        }
    }

    /// The key every daemon sharing the book signs with (a command that only reads never writes one).
    private static func signingKey(of store: PostgresStore, configuration: RelanceConfiguration, secrets: SecretStore,
                                   readOnly: Bool) async throws -> ReferenceSecret {
        guard !readOnly else {
            // The same order as a daemon's: the credential, the book's key, the state folder's.
            if let credential = TokenSecretLoader.credential(secrets) { return credential }
            return try await store.existingBookSecret(.tokenSecret).flatMap { ReferenceSecret(bytes: $0) }
                ?? TokenSecretLoader.existing(secrets: secrets, stateFolder: configuration.stateFolder)
                ?? TokenSecretLoader.throwaway()
        }
        return try await TokenSecretLoader.loadShared(secrets: secrets, stateFolder: configuration.stateFolder) { proposed in
            try await store.bookSecret(.tokenSecret, proposing: proposed)
        }
    }

    /// Closes what opening the runtime opened: PostgreSQL's connections (the SQLite store needs
    /// nothing; its file closes with the process).
    public func close() async {
        if let store = store as? any ClosableStore { await store.close() }
    }
}
