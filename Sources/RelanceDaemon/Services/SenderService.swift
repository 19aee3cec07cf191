import Logging
import ServiceLifecycle

/// Drains the outbox when rung and at least every `interval` (retries come due on their own).
struct SenderService: Service {
    let runtimes: RuntimeHolder
    let doorbell: Doorbell
    let interval: Duration
    let health: ServiceHealth

    func run() async throws {
        await ServiceLoop(name: "sender", logger: runtimes.logger, doorbell: doorbell, interval: interval, health: health).run {
            let runtime = await runtimes.current
            let drainer = runtime.drainer
            // Between messages, stop if shutting down; the message in progress always completes.
            let report = try await drainer.drain(shouldStop: { Task.isShuttingDownGracefully })
            let waiting = try await runtime.store.outboxCounts()
            var note = "\(report.sent) sent, \((waiting[.queued] ?? 0) + (waiting[.retry] ?? 0)) waiting"
            if !report.paused.isEmpty { note += ", PAUSED: \(report.paused.map(\.rawValue).sorted().joined(separator: ","))" }
            return note
        }
    }
}
