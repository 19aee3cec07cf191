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
        var outage = false
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            health.ticks.began(name)
            do {
                let note = try await tick()
                failures = 0
                outage = false
                await health.succeeded(name, note: note)
            } catch {
                failures += 1
                outage = (error as? any StoreOutage)?.isStoreOutage == true
                var metadata: Logger.Metadata = ["service": "\(name)", "consecutive_failures": "\(failures)", "error": "\(error)"]
                if let advice = AppDatabase.advice(for: error) { metadata["what_to_do"] = "\(advice)" }
                logger.error("tick failed", metadata: metadata)
                await health.failed(name, error: "\(error)")
            }
            health.ticks.ended(name)
            let doorbell = doorbell
            let interval = await interval()
            let wait = Self.wait(afterFailures: failures, interval: interval, outage: outage)
            try? await cancelWhenGracefulShutdown {
                if let doorbell { await doorbell.wait(atMost: wait) } else { try await Task.sleep(for: wait) }
            }
        }
        logger.info("service stopped", metadata: ["service": "\(name)"])
    }

    /// How long to wait before the next tick. A failing service backs off so that a broken disk
    /// does not fill the log every second — doubling its interval, up to an hour. A store that
    /// cannot be reached (PostgreSQL restarting) is no such failure: the work is tried again after
    /// 1, 2, 4… seconds, at most 30 s and never later than the interval, so that it resumes soon
    /// after the server does (a planner at 5 min would otherwise wait 10, then 20 minutes).
    static func wait(afterFailures failures: Int, interval: Duration, outage: Bool) -> Duration {
        guard failures > 0 else { return interval }
        if outage { return min(interval, .seconds(1 << min(failures - 1, 5)), .seconds(30)) }
        return min(interval * (1 << min(failures, 6)), .seconds(3600))
    }
}
