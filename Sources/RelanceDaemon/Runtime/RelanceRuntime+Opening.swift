import Foundation
public import Logging
public import RelanceCore
import RelancePostgres

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
            return try RelanceRuntime(configuration: configuration, clock: clock, logger: logger, secrets: secrets, reusing: store,
                                      transportOverride: transportOverride, crashPoints: crashPoints, composesMail: composesMail, readOnly: readOnly)
        } catch {
            await store.close()
            throw error
        }
    }

    /// Closes what opening the runtime opened: PostgreSQL's connections (the SQLite store needs
    /// nothing; its file closes with the process).
    public func close() async {
        if let store = store as? any ClosableStore { await store.close() }
    }
}
