import Foundation
public import RelanceCore

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
    public func runOnce() async throws -> RunOnceReport {
        try await prepare()
        var report = RunOnceReport()
        for creditor in creditors {
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
            report.intake[creditor.configuration.id] = intake
            if !intake.imported.isEmpty {
                try await reports.write(creditor.configuration, asOf: today(for: creditor))
            }
            // Before planning: a reply or a bounce read now must weigh on today's reminders.
            if let poller = creditor.poller { report.inbound[creditor.configuration.id] = try await poller.poll() }
            report.planning[creditor.configuration.id] = try await creditor.scheduler.run(on: today(for: creditor), at: clock.now())
            try await reports.writeTasks(creditor.configuration)
        }
        report.sending = try await drainer.drain()
        await sentFolderCopier.copyPending()
        return report
    }
}
