import RelanceCore
import RelanceDaemon

/// What `relance run --once` prints: for each creditor, what was imported, planned and sent, in
/// that creditor's language; the run's closing lines (sent, delivery, send windows, paused
/// transports) are machine-wide: in the creditors' one shared language, English otherwise.
struct RunOnceSummary {
    let report: RunOnceReport
    let runtime: RelanceRuntime

    var text: String {
        var lines: [String] = []
        for creditor in runtime.creditors {
            let id = creditor.configuration.id
            // A creditor's block is about its books: in its language. The run's last lines are everyone's.
            let words = creditor.configuration.language.wording
            let active = report.planning[id]?.active ?? creditor.configuration.active
            lines.append(words.runCreditor(id: id.rawValue, name: creditor.configuration.legalName, active: active))
            let intake = report.intake[id] ?? FileIntake.Report()
            // A file imported or refused but left in place was new all the same.
            if intake.imported.isEmpty && intake.rejected.isEmpty && intake.stuck.isEmpty { lines.append("  " + words.runNoNewFile()) }
            for (file, receipt, items) in intake.imported {
                switch receipt.outcome {
                case .duplicate:
                    lines.append("  " + words.runImportDuplicate(file: file, importID: receipt.importID, reconfirmedAsOf: receipt.reconfirmedAsOf))
                case .held:
                    lines.append("  " + words.runImportHeld(file: file, importID: receipt.importID))
                    lines.append(contentsOf: receipt.warnings.map { "      \($0)" })
                default:
                    let customers = receipt.newInvoices + receipt.updatedInvoices + receipt.settledInvoices + receipt.unchangedInvoices == 0
                        && receipt.updatedCustomers + receipt.newCustomers > 0
                    // A contacts file's counts are its customers', not invoices.
                    lines.append("  " + words.runImported(file: file, items: items, customers: customers,
                                                          new: customers ? receipt.newCustomers : receipt.newInvoices,
                                                          changed: customers ? receipt.updatedCustomers : receipt.updatedInvoices,
                                                          settled: receipt.settledInvoices, importID: receipt.importID))
                    if receipt.unresolvedInvoices > 0 {
                        lines.append("      " + words.runToIdentify(receipt.unresolvedInvoices))
                    }
                    lines.append(contentsOf: receipt.warnings.map { "      " + words.runWarning($0) })
                }
            }
            for (file, reason) in intake.rejected {
                lines.append("  " + words.runRejected(file: file))
                lines.append(contentsOf: reason.split(separator: "\n").map { "      \($0)" })
            }
            for (file, reason) in intake.stuck {
                lines.append("  " + words.runLeftInPlace(file: file))
                lines.append(contentsOf: reason.split(separator: "\n").map { "      \($0)" })
            }
            for (file, _) in intake.waiting { lines.append("  " + words.runWaiting(file: file)) }
            if let inbound = report.inbound[id] {
                lines.append("  " + words.runMailbox(fetched: inbound.fetched, recorded: inbound.recorded, duplicates: inbound.duplicates,
                                                     ignored: inbound.ignored, tasksOpened: inbound.tasksOpened))
                if inbound.truncated > 0 { lines.append("  " + words.runMailboxTruncated(inbound.truncated)) }
                for (folder, error) in inbound.failures.sorted(by: { $0.key < $1.key }) {
                    lines.append("  " + words.runMailboxNotRead(folder: folder, error: error.message))
                }
            }
            if let planning = report.planning[id] {
                let plan = planning.plan
                lines.append("  " + words.runPlan(date: plan.date, emails: plan.contacts.count, tasks: plan.tasks.count))
                for contact in plan.contacts {
                    let invoices = contact.invoices.map {
                        RunInvoice(number: $0.receivable.number, open: $0.receivable.open, daysLate: $0.daysLate)
                    }
                    lines.append("    " + words.runContact(customer: contact.customer.externalID, name: contact.customer.name ?? "", step: contact.step.name,
                                                           emails: contact.customer.emails.map(\.value).joined(separator: ", "), invoices: invoices))
                }
                for task in plan.tasks {
                    lines.append("    " + words.runTask(customer: task.customer.externalID, name: task.customer.name ?? "", kind: task.kind,
                                                        step: task.step.name, invoices: task.invoices.map(\.receivable.number).joined(separator: ", "),
                                                        note: task.note))
                }
                // A step passed over because it no longer applies (a courtesy reminder for an
                // invoice already late) is in the journal and `relance plan`, not in this summary.
                for decision in plan.decisions where decision.verdict != .act && decision.rule != .stepNotApplicable {
                    lines.append("    " + words.runDecision(waits: decision.verdict == .wait, customer: decision.customer,
                                                            invoice: decision.invoice, reason: decision.reason))
                }
                if !planning.queued.isEmpty { lines.append("  " + words.runQueued(planning.queued.count)) }
                if !planning.awaitingApproval.isEmpty { lines.append("  " + words.runAwaitingApproval(planning.awaitingApproval.count)) }
                if !planning.openedTasks.isEmpty { lines.append("  " + words.runTasksOpened(planning.openedTasks.count)) }
                for document in planning.documents { lines.append("  " + words.runToPrint(path: document.path)) }
                for (customer, reason) in planning.failures { lines.append("  " + words.runFailed(customer: customer, reason: reason)) }
                for file in planning.reviewFiles { lines.append("  " + words.runForReview(path: file.path)) }
            }
        }
        // The closing lines are for every creditor at once: in their one shared language, else English.
        let words = Language.shared(by: runtime.creditors.map(\.configuration.language)).wording
        let sending = report.sending
        lines.append(words.runSent(sent: sending.sent, retrying: sending.retrying, failed: sending.failed))
        lines.append(words.runDelivery(runtime.creditors.map { creditor in
            let id = creditor.configuration.id.rawValue
            return creditor.configuration.smtp.map { RunDelivery.smtp(creditor: id, host: $0.host, port: $0.port) }
                ?? .files(creditor: id, folder: runtime.configuration.outboxFolder.appendingPathComponent(id).path)
        }))
        for (creditor, opening) in sending.outsideWindow.sorted(by: { $0.key < $1.key }) {
            lines.append(words.runOutsideSendWindow(creditor: "\(creditor)", until: opening.formatted(.iso8601)))
        }
        if !sending.paused.isEmpty {
            lines.append(words.runPaused(sending.paused.map(\.rawValue).sorted()))
        }
        // Each entry is one line: imported names, file names and reasons are escaped there
        // (`PrintableText`), so none can forge a line of its own.
        return lines.map(\.printable).joined(separator: "\n")
    }
}
