import Logging
import ServiceLifecycle

/// Drains the outbox when rung and at least every `interval` (retries come due on their own).
struct SenderService: Service {
    let runtime: RelanceRuntime
    let doorbell: Doorbell
    let interval: Duration

    func run() async throws {
        let drainer = runtime.drainer
        let recovery = runtime.recovery
        let copier = runtime.sentFolderCopier
        await ServiceLoop(name: "sender", logger: runtime.logger, doorbell: doorbell, interval: interval).run {
            // No message is in flight between rounds: any one still `sending` is an undecided
            // leftover of an interrupted run whose evidence could not be searched yet.
            _ = try await recovery.run()
            // Between messages, stop if shutting down; the message in progress always completes.
            _ = try await drainer.drain(shouldStop: { Task.isShuttingDownGracefully })
            await copier.copyPending()
        }
    }
}
