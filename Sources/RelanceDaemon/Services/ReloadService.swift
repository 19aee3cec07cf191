import Logging
import ServiceLifecycle
import UnixSignals

/// SIGHUP reloads the configuration and the templates (see `RuntimeHolder.reload`).
struct ReloadService: Service {
    let runtimes: RuntimeHolder

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            _ = await runtimes.reload()
        }
    }
}
