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
            let active = report.planning[id]?.active ?? creditor.configuration.active
            lines.append("Creditor \(id) (\(creditor.configuration.legalName))\(active ? "" : " — review mode, nothing is sent")")
            let intake = report.intake[id] ?? FileIntake.Report()
            if intake.imported.isEmpty && intake.rejected.isEmpty { lines.append("  Imported: no new file") }
            for (file, receipt, items) in intake.imported {
                switch receipt.outcome {
                case .duplicate:
                    lines.append("  Imported: \(file): same content as import #\(receipt.importID), nothing changed")
                case .held:
                    lines.append("  HELD: \(file) (import #\(receipt.importID)) — nothing changed; `relance import confirm \(receipt.importID)` applies it")
                    lines.append(contentsOf: receipt.warnings.map { "      \($0)" })
                default:
                    lines.append("  Imported: \(file): \(items) \(receipt.newInvoices + receipt.updatedInvoices + receipt.settledInvoices + receipt.unchangedInvoices == 0 && receipt.updatedCustomers + receipt.newCustomers > 0 ? "customers" : "open items"); \(receipt.newInvoices) new, \(receipt.updatedInvoices) changed, \(receipt.settledInvoices) settled (import #\(receipt.importID))")
                    if receipt.unresolvedInvoices > 0 {
                        lines.append("      \(receipt.unresolvedInvoices) invoice(s) with a customer to identify: see `relance tasks`")
                    }
                    lines.append(contentsOf: receipt.warnings.map { "      warning: \($0)" })
                }
            }
            for (file, reason) in intake.rejected {
                lines.append("  REJECTED: \(file) — moved to rejected/, see \(file).error.txt")
                lines.append(contentsOf: reason.split(separator: "\n").map { "      \($0)" })
            }
            for (file, reason) in intake.stuck {
                lines.append("  LEFT IN PLACE: \(file) — could not be moved aside")
                lines.append(contentsOf: reason.split(separator: "\n").map { "      \($0)" })
            }
            for (file, _) in intake.waiting { lines.append("  Waiting: \(file) is still being written") }
            if let inbound = report.inbound[id] {
                lines.append("  Mailbox: \(inbound.fetched) new message(s), \(inbound.recorded) ours, \(inbound.duplicates) already recorded, \(inbound.ignored) not ours (left as they were), \(inbound.tasksOpened) task(s) opened")
                if inbound.truncated > 0 {
                    lines.append("  Mailbox: \(inbound.truncated) message(s) over maximum_message_megabytes were read cut to that size")
                }
                for (folder, error) in inbound.failures.sorted(by: { $0.key < $1.key }) {
                    lines.append("  MAILBOX NOT READ: \(folder): \(error.message) (retried at the next run)")
                }
            }
            if let planning = report.planning[id] {
                let plan = planning.plan
                lines.append("  Plan for \(plan.date): \(plan.contacts.count) email(s), \(plan.tasks.count) task(s) for people")
                for contact in plan.contacts {
                    let invoices = contact.invoices.map { invoice in
                        let when = invoice.daysLate > 0 ? "\(invoice.daysLate) days late" : "due in \(-invoice.daysLate) days"
                        return "\(invoice.receivable.number) (\(invoice.receivable.open), \(when))"
                    }
                    lines.append("    \(contact.customer.externalID) \(contact.customer.name ?? ""): \(contact.step.name) → \(contact.customer.emails.map(\.value).joined(separator: ", ")): \(invoices.joined(separator: ", "))")
                }
                for task in plan.tasks {
                    let invoices = task.invoices.map(\.receivable.number).joined(separator: ", ")
                    lines.append("    \(task.customer.externalID) \(task.customer.name ?? ""): \(task.kind.rawValue) task (\(task.step.name)) for \(invoices)\(task.note.map { " — \($0)" } ?? "")")
                }
                // A step passed over because it no longer applies (a courtesy reminder for an
                // invoice already late) is in the journal and `relance plan`, not in this summary.
                for decision in plan.decisions where decision.verdict != .act && decision.rule != .stepNotApplicable {
                    lines.append("    \(decision.verdict == .wait ? "waits" : "skips"): \(decision.customer)\(decision.invoice.map { " \($0)" } ?? ""): \(decision.reason)")
                }
                if !planning.queued.isEmpty { lines.append("  Queued: \(planning.queued.count) message(s)") }
                if !planning.awaitingApproval.isEmpty {
                    lines.append("  Awaiting approval (review mode): \(planning.awaitingApproval.count) message(s) — relance message held, or the console's Today")
                }
                if !planning.openedTasks.isEmpty { lines.append("  Tasks opened: \(planning.openedTasks.count) (relance tasks)") }
                for document in planning.documents { lines.append("  To print / hand over: \(document.path)") }
                for (customer, reason) in planning.failures { lines.append("  FAILED for \(customer): \(reason)") }
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
        for (creditor, opening) in sending.outsideWindow.sorted(by: { $0.key < $1.key }) {
            lines.append("Outside \(creditor)'s send window: its messages wait until \(opening.formatted(.iso8601)).")
        }
        if !sending.paused.isEmpty {
            lines.append("PAUSED (a problem on our side, see the log): \(sending.paused.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        // Each entry is one line: imported names, file names and reasons are escaped there
        // (`PrintableText`), so none can forge a line of its own.
        return lines.map(\.printable).joined(separator: "\n")
    }
}
