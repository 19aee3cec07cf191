import Foundation
public import Logging

/// The runtime the services use, swapped whole by a reload (SIGHUP): each tick takes the
/// current one, so a tick in progress finishes with the configuration it started with.
public actor RuntimeHolder {
    public private(set) var current: RelanceRuntime
    public nonisolated let logger: Logger

    public init(_ runtime: RelanceRuntime) {
        current = runtime
        logger = runtime.logger
    }

    /// Loads the configuration file again and, if it is sound (settings, templates), switches to
    /// it. A bad configuration is refused and the running one kept: the daemon never stops on a
    /// typo made while it runs. The store stays open as it is; changing its path needs a restart.
    public func reload() -> Result<Void, any Error> {
        let old = current
        do {
            let configuration = try ConfigurationLoader.load(from: old.configuration.file)
            guard configuration.storeFile == old.configuration.storeFile,
                  configuration.postgresStore?.settings.redactedURL == old.configuration.postgresStore?.settings.redactedURL else {
                throw ConfigurationError(file: configuration.file.path, key: "store_file",
                                         "the store cannot change while the daemon runs: restart it (systemctl restart relance)")
            }
            current = try RelanceRuntime(configuration: configuration, clock: old.clock, logger: old.logger,
                                         secrets: old.secrets, reusing: old.store)
            logger.notice("configuration reloaded", metadata: ["file": "\(configuration.file.path)"])
            return .success(())
        } catch {
            logger.error("new configuration refused, the running one is kept", metadata: [
                "file": "\(old.configuration.file.path)", "error": "\(error)",
            ])
            return .failure(error)
        }
    }
}
