import Logging
import RelanceCore
import RelanceStore
import ServiceLifecycle

/// The shape every Relance service shares: do one tick, wait, repeat, until graceful shutdown.
/// A failing tick is logged and counted, never fatal: the next tick tries again.
/// Graceful shutdown only interrupts the wait: a tick in progress (an import, a send) finishes.
struct ServiceLoop: Sendable {
    let name: String
    let logger: Logger
    let doorbell: Doorbell?
    /// Read before each wait, so that a reload (SIGHUP) changing it applies at once.
    let interval: @Sendable () async -> Duration
    let health: ServiceHealth

    init(name: String, logger: Logger, doorbell: Doorbell?, interval: Duration, health: ServiceHealth) {
        self.init(name: name, logger: logger, doorbell: doorbell, interval: { interval }, health: health)
    }

    init(name: String, logger: Logger, doorbell: Doorbell?, interval: @escaping @Sendable () async -> Duration, health: ServiceHealth) {
        self.name = name
        self.logger = logger
        self.doorbell = doorbell
        self.interval = interval
        self.health = health
    }

    /// `tick` returns what it did, for `relance status`, `/health` and systemd's STATUS line.
    func run(_ tick: @Sendable () async throws -> ServiceNote?) async {
        var failures = 0
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let note = try await tick()
                failures = 0
                await health.succeeded(name, note: note)
            } catch {
                failures += 1
                var metadata: Logger.Metadata = ["service": "\(name)", "consecutive_failures": "\(failures)", "error": "\(error)"]
                if let advice = AppDatabase.advice(for: error) { metadata["what_to_do"] = "\(advice)" }
                logger.error("tick failed", metadata: metadata)
                await health.failed(name, error: "\(error)")
            }
            let doorbell = doorbell
            let interval = await interval()
            // A failing service backs off so that a broken disk does not fill the log every second.
            let wait = failures == 0 ? interval : min(interval * (1 << min(failures, 6)), .seconds(3600))
            try? await cancelWhenGracefulShutdown {
                if let doorbell { await doorbell.wait(atMost: wait) } else { try await Task.sleep(for: wait) }
            }
        }
        logger.info("service stopped", metadata: ["service": "\(name)"])
    }
}
