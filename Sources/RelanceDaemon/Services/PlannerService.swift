import Foundation
import Logging
import RelanceCore
import ServiceLifecycle
import Synchronization

/// Plans each creditor's day: at start, after every import, and whenever the date changes.
/// Planning twice the same day is harmless: the store refuses a step already queued.
struct PlannerService: Service {
    let runtimes: RuntimeHolder
    let doorbell: Doorbell
    let sender: Doorbell
    let interval: Duration
    let health: ServiceHealth

    func run() async throws {
        let days = DayTracker()
        let skipped = SkippedWork()
        let runtimes = runtimes, interval = interval
        // A creditor left to the daemon holding its planning lease is looked at again soon, not at
        // the next interval: that daemon may have died with the lease (it expires, then this one plans).
        let wait: @Sendable () async -> Duration = {
            skipped.any.load(ordering: .acquiring) ? await runtimes.current.work.retryAfterSkip : interval
        }
        await ServiceLoop(name: "planner", logger: runtimes.logger, doorbell: doorbell, interval: wait, health: health).run {
            let runtime = await runtimes.current
            var queued = 0
            skipped.any.store(false, ordering: .releasing)
            for creditor in runtime.creditors {
                let today = runtime.today(for: creditor)
                let firstOfDay = await days.isNew(today, for: creditor.configuration.id)
                // The sender starts with the first batch stored, while the rest are being written.
                // SIGTERM stops the day's plan between two batches or tasks (`Report.stopped`),
                // the other creditors and the task lists too: the next start carries on.
                let planned = try await runtime.work.run(.planning(creditor.configuration.id)) {
                    let report = try await creditor.scheduler.run(on: today, at: runtime.clock.now(), recordHolds: firstOfDay,
                                                                  queuedSome: { sender.ring() }, shouldStop: { Task.isShuttingDownGracefully })
                    if !report.stopped { try await runtime.reports.writeTasks(creditor.configuration) }
                    return report
                }
                // nil: another daemon sharing the book is planning this creditor's day.
                guard let report = planned else {
                    skipped.any.store(true, ordering: .releasing)
                    continue
                }
                queued += report.queued.count
                if report.stopped { break }
            }
            // The time of day where the creditors are (the first one's zone, as /health shows it).
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = runtime.creditors.first?.timeZone ?? .current
            let time = calendar.dateComponents([.hour, .minute], from: runtime.clock.now())
            return .planned(hour: time.hour ?? 0, minute: time.minute ?? 0, queued: queued)
        }
    }
}

/// Whether the last round left a creditor to another daemon's lease.
final class SkippedWork: Sendable {
    let any = Atomic(false)
}

/// Remembers the last day planned per creditor, so held decisions are journaled once a day.
actor DayTracker {
    private var last: [CreditorID: CivilDate] = [:]

    func isNew(_ day: CivilDate, for creditor: CreditorID) -> Bool {
        defer { last[creditor] = day }
        return last[creditor] != day
    }
}
