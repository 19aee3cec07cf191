import Logging
import RelanceCore
import ServiceLifecycle

/// Drains the outbox when rung and at least every `interval` (retries come due on their own).
struct SenderService: Service {
    let runtimes: RuntimeHolder
    let doorbell: Doorbell
    let interval: Duration
    let health: ServiceHealth
    static let name = "sender"

    func run() async throws {
        await ServiceLoop(name: Self.name, logger: runtimes.logger, doorbell: doorbell, interval: interval, health: health).run {
            let runtime = await runtimes.current
            let drainer = runtime.drainer
            // No message is in flight between rounds: any one still `sending` is an undecided
            // leftover of an interrupted run whose evidence could not be searched yet.
            _ = try await runtime.recovery.run()
            // Between messages, stop if shutting down; the message in progress always completes.
            // Each message is progress: a long drain at a slow server is not a hung daemon.
            let ticks = health.ticks
            let report = try await drainer.drain(shouldStop: {
                ticks.progressed(Self.name)
                return Task.isShuttingDownGracefully
            })
            _ = try await runtime.work.run(.sentCopies) { await runtime.sentFolderCopier.copyPending() }
            let waiting = try await runtime.store.outboxCounts()
            return .sent(sent: report.sent, waiting: (waiting[.queued] ?? 0) + (waiting[.retry] ?? 0),
                         paused: report.paused.map(\.rawValue))
        }
    }
}
