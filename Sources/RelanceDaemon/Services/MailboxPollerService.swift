import Logging
import ServiceLifecycle

/// Reads every creditor's IMAP mailbox at the shortest configured interval and rings the
/// planner when a message changed something (a pause, an invalid address).
/// A mailbox that cannot be read is logged by the poller and tried again at the next tick.
struct MailboxPollerService: Service {
    let runtime: RelanceRuntime
    let planner: Doorbell

    func run() async throws {
        let pollers = runtime.creditors.compactMap(\.poller)
        guard !pollers.isEmpty else {
            // A service that returns stops the whole group: without a mailbox, wait for shutdown.
            try? await gracefulShutdown()
            return
        }
        let seconds = pollers.map(\.creditor.inbound.pollIntervalSeconds).min() ?? 120
        await ServiceLoop(name: "mailbox", logger: runtime.logger, doorbell: nil, interval: .seconds(seconds)).run {
            for poller in pollers {
                let report = try await poller.poll()
                if report.recorded > 0 { planner.ring() }
            }
        }
    }
}
