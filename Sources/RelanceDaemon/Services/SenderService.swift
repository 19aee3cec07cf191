import Logging
import ServiceLifecycle

/// Drains the outbox when rung and at least every `interval` (retries come due on their own).
struct SenderService: Service {
    let runtime: RelanceRuntime
    let doorbell: Doorbell
    let interval: Duration

    func run() async throws {
        let drainer = runtime.drainer
        await ServiceLoop(name: "sender", logger: runtime.logger, doorbell: doorbell, interval: interval).run {
            // Between messages, stop if shutting down; the message in progress always completes.
            _ = try await drainer.drain(shouldStop: { Task.isShuttingDownGracefully })
        }
    }
}
