import Logging
import RelanceCore
import ServiceLifecycle

/// Reads every creditor's IMAP mailbox and rings the planner when a message changed something
/// (a pause, an invalid address). A mailbox that cannot be read is logged by the poller, shown
/// in the service's health note, and tried again at the next tick.
struct MailboxPollerService: Service {
    let runtimes: RuntimeHolder
    let planner: Doorbell
    let health: ServiceHealth

    func run() async throws {
        // The shortest configured interval, read again before each wait: a reload applies at once.
        let runtimes = runtimes
        let interval: @Sendable () async -> Duration = {
            .seconds(await runtimes.current.creditors.compactMap(\.poller).map(\.creditor.inbound.pollIntervalSeconds).min() ?? 120)
        }
        await ServiceLoop(name: "mailbox", logger: runtimes.logger, doorbell: nil, interval: interval, health: health).run {
            let runtime = await runtimes.current
            var recorded = 0
            var unreadable: [String] = []
            for creditor in runtime.creditors {
                guard let poller = creditor.poller else { continue }
                // One daemon reads a mailbox at a time; the others leave it to the lease's holder.
                guard let report = try await runtime.work.run(.mailbox(creditor.configuration.id), { try await poller.poll() }) else {
                    continue
                }
                recorded += report.recorded
                unreadable += report.failures.map { "\(creditor.configuration.id)/\($0.key) (\($0.value.code.rawValue))" }
            }
            if recorded > 0 { planner.ring() }
            if recorded == 0 && unreadable.isEmpty { return nil }
            return .mailboxRead(recorded: recorded, unreadable: unreadable)
        }
    }
}
