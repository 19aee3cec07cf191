import Foundation
public import RelanceCore
import Synchronization

/// `relance run --once`: take the dropped files, read the mailbox, plan today, send what is due, and stop.
public struct RunOnceReport: Sendable {
    public var intake: [CreditorID: FileIntake.Report] = [:]
    /// Creditors with an IMAP mailbox; a mailbox that cannot be read is in its report's failures.
    public var inbound: [CreditorID: MailboxPoller.Report] = [:]
    public var planning: [CreditorID: ReminderScheduler.Report] = [:]
    public var sending = OutboxDrainer.Report()
}

extension RelanceRuntime {
    /// Files still being written are waited for (a few stability delays at most, then left for
    /// the next run), so that a demo that copies files and runs at once finds them.
    ///
    /// `startingSending`: the reason `startSending(because:)` is given, when the run should start
    /// sending itself (`relance run --once`). Its evidence check waits on an IMAP login; the files
    /// and the mailbox are read meanwhile, and nothing is drained before the check has paused
    /// (or not) each creditor's outbox.
    public func runOnce(startingSending reason: SendingRestart? = nil) async throws -> RunOnceReport {
        try await prepare()
        var report = RunOnceReport()
        async let sendingStarted: Void = startSending(ifAsked: reason)
        // Every file and every reply is read before anything is sent: a payment just dropped or
        // a customer's answer must cancel a reminder still waiting in the outbox.
        let imported = try await intakeAndPoll(into: &report)
        try await sendingStarted
        // Then sending starts with the first reminders stored, while the rest are being written:
        // on a day with thousands of reminders, composing and sending overlap.
        let planningDone = Atomic(false)
        let queued = Doorbell()
        async let sending = drainAlongsidePlanning(woken: queued, until: planningDone)
        do {
            try await plan(into: &report, queuedSome: { queued.ring() })
            planningDone.store(true, ordering: .releasing)
            queued.ring()
            // The aged balance of a book a file changed, while the last reminders leave: planning
            // changes no invoice, and the sender no longer needs the cores it would take.
            for creditor in creditors where imported.contains(creditor.configuration.id) {
                try await reports.write(creditor.configuration, asOf: today(for: creditor))
            }
        } catch {
            planningDone.store(true, ordering: .releasing)
            queued.ring()
            _ = try? await sending
            throw error
        }
        report.sending = try await sending
        _ = try await work.run(.sentCopies) { await self.sentFolderCopier.copyPending() }
        return report
    }

    /// Drains in rounds until planning is over, then once more for what its last batch stored.
    /// A creditor whose outbox a round paused (a problem on our side) stays paused for the run.
    private func drainAlongsidePlanning(woken queued: Doorbell, until planningDone: borrowing Atomic<Bool>) async throws
        -> OutboxDrainer.Report {
        var total = OutboxDrainer.Report()
        while true {
            let lastRound = planningDone.load(ordering: .acquiring)
            let round = try await drainer.drain(skipping: total.paused)
            total.add(round)
            total.outsideWindow = round.outsideWindow
            if lastRound { return total }
            if round.sent + round.retrying + round.failed == 0 { await queued.wait(atMost: .seconds(1)) }
        }
    }

    private func startSending(ifAsked reason: SendingRestart?) async throws {
        if let reason { try await startSending(because: reason) }
    }

    /// Returns the creditors a file was imported for (their reports are written after planning).
    private func intakeAndPoll(into report: inout RunOnceReport) async throws -> Set<CreditorID> {
        var imported: Set<CreditorID> = []
        for creditor in creditors {
            let id = creditor.configuration.id
            // On a shared book, a creditor's folder or mailbox another daemon is reading is left to it.
            if let intake = try await work.run(.intake(id), { try await self.scanWaiting(creditor) }) {
                report.intake[id] = intake
                if !intake.imported.isEmpty { imported.insert(id) }
            }
            // Before planning: a reply or a bounce read now must weigh on today's reminders.
            if let poller = creditor.poller { report.inbound[id] = try await work.run(.mailbox(id), { try await poller.poll() }) }
        }
        return imported
    }

    /// Scans the drop folder, then again while files are still being written (a few times at most).
    private func scanWaiting(_ creditor: CreditorRuntime) async throws -> FileIntake.Report {
        var intake = try await creditor.intake.scan()
        var rounds = 0
        while let until = intake.waiting.map(\.until).max(), rounds < 5 {
            rounds += 1
            // File times are the machine's: wait by the real clock, not an injected one.
            let delay = until.timeIntervalSince(Date())
            if delay > 0 { try await Task.sleep(for: .seconds(min(delay, configuration.stableAfterSeconds) + 0.05)) }
            let next = try await creditor.intake.scan()
            intake.imported += next.imported
            intake.rejected += next.rejected
            intake.held += next.held
            intake.stuck += next.stuck
            intake.waiting = next.waiting
        }
        return intake
    }

    private func plan(into report: inout RunOnceReport, queuedSome: @escaping @Sendable () -> Void) async throws {
        for creditor in creditors {
            let planned = try await work.run(.planning(creditor.configuration.id)) {
                let planned = try await creditor.scheduler.run(on: self.today(for: creditor), at: self.clock.now(), queuedSome: queuedSome)
                try await self.reports.writeTasks(creditor.configuration)
                return planned
            }
            report.planning[creditor.configuration.id] = planned
        }
    }
}
