import Logging
import ServiceLifecycle
import UnixSignals

/// SIGHUP reloads the configuration and the templates (see `RuntimeHolder.reload`).
struct ReloadService: Service {
    let runtimes: RuntimeHolder

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            guard case .success = await runtimes.reload() else { continue }
            // The new configuration may fix what paused an outbox: try it, and check its evidence source.
            do {
                try await runtimes.current.startSending(because: .configurationReloaded)
            } catch {
                runtimes.logger.error("after the reload, the outboxes could not be checked", metadata: ["error": "\(error)"])
            }
        }
    }
}
