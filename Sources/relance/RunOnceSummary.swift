import RelanceCore
import RelanceDaemon

/// What `relance run --once` prints: for each creditor, what was imported, planned and sent.
struct RunOnceSummary {
    let report: RunOnceReport
    let runtime: RelanceRuntime

    var text: String {
        var lines: [String] = []
        for creditor in runtime.creditors {
            let id = creditor.configuration.id
            lines.append("Creditor \(id) (\(creditor.configuration.legalName))\(creditor.configuration.active ? "" : " — review mode, nothing is sent")")
            let intake = report.intake[id] ?? FileIntake.Report()
            if intake.imported.isEmpty && intake.rejected.isEmpty { lines.append("  Imported: no new file") }
            for (file, receipt, items) in intake.imported {
                switch receipt.outcome {
                case .duplicate:
                    lines.append("  Imported: \(file): same content as import #\(receipt.importID), nothing changed")
                default:
                    lines.append("  Imported: \(file): \(items) open items; \(receipt.newInvoices) new, \(receipt.updatedInvoices) changed, \(receipt.settledInvoices) settled (import #\(receipt.importID))")
                }
            }
            for (file, reason) in intake.rejected {
                lines.append("  REJECTED: \(file) — moved to rejected/, see \(file).error.txt")
                lines.append(contentsOf: reason.split(separator: "\n").map { "      \($0)" })
            }
            for (file, _) in intake.waiting { lines.append("  Waiting: \(file) is still being written") }
            if let inbound = report.inbound[id] {
                lines.append("  Mailbox: \(inbound.fetched) new message(s), \(inbound.recorded) ours, \(inbound.duplicates) already recorded, \(inbound.ignored) not ours (left as they were), \(inbound.tasksOpened) task(s) opened")
                for (folder, error) in inbound.failures.sorted(by: { $0.key < $1.key }) {
                    lines.append("  MAILBOX NOT READ: \(folder): \(error.message) (retried at the next run)")
                }
            }
            if let planning = report.planning[id] {
                lines.append("  Plan for \(planning.plan.date): \(planning.plan.contacts.count) customer(s) to contact")
                for contact in planning.plan.contacts {
                    let invoices = contact.invoices.map { "\($0.receivable.number) (\($0.receivable.open), \($0.daysLate) days late)" }
                    lines.append("    \(contact.customer.externalID) \(contact.customer.name ?? ""): \(contact.step.name) → \(contact.customer.emails.map(\.value).joined(separator: ", ")): \(invoices.joined(separator: ", "))")
                }
                for decision in planning.plan.decisions where decision.verdict != .act {
                    lines.append("    \(decision.verdict == .wait ? "waits" : "skips"): \(decision.customer)\(decision.invoice.map { " \($0)" } ?? ""): \(decision.reason)")
                }
                if !planning.queued.isEmpty { lines.append("  Queued: \(planning.queued.count) message(s)") }
                for file in planning.reviewFiles { lines.append("  For review (not sent): \(file.path)") }
            }
        }
        let sending = report.sending
        lines.append("Sent: \(sending.sent), retrying later: \(sending.retrying), failed: \(sending.failed)")
        let destinations = runtime.creditors.map { creditor in
            creditor.configuration.smtp.map { "\(creditor.configuration.id) via SMTP \($0.host):\($0.port)" }
                ?? "\(creditor.configuration.id) as .eml files in \(runtime.configuration.outboxFolder.appendingPathComponent(creditor.configuration.id.rawValue).path)"
        }
        lines.append("Delivery: " + destinations.joined(separator: "; "))
        if !sending.paused.isEmpty {
            lines.append("PAUSED (a problem on our side, see the log): \(sending.paused.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}
