extension EnglishWording {
    public func runCreditor(id: String, name: String, active: Bool) -> String {
        "Creditor \(id) (\(name))\(active ? "" : " — review mode, nothing is sent")"
    }
    public func runNoNewFile() -> String { "Imported: no new file" }
    public func runImportDuplicate(file: String, importID: Int64, reconfirmedAsOf: CivilDate?) -> String {
        guard let asOf = reconfirmedAsOf else { return "Imported: \(file): same content as import #\(importID), nothing changed" }
        return "Imported: \(file): same content as import #\(importID), undated: books taken as unchanged as of \(date(asOf))"
    }
    public func runImportHeld(file: String, importID: Int64) -> String {
        "HELD: \(file) (import #\(importID)) — nothing changed; `relance import confirm \(importID)` applies it"
    }
    public func runImported(file: String, items: Int, customers: Bool, new: Int, changed: Int, settled: Int, importID: Int64) -> String {
        customers ? "Imported: \(file): \(items) customers; \(new) new, \(changed) changed (import #\(importID))"
            : "Imported: \(file): \(items) open items; \(new) new, \(changed) changed, \(settled) settled (import #\(importID))"
    }
    public func runToIdentify(_ count: Int) -> String { "\(counted(count, "invoice", "invoices")) with a customer to identify: see `relance tasks`" }
    public func runWarning(_ text: String) -> String { "warning: \(text)" }
    public func runRejected(file: String) -> String { "REJECTED: \(file) — moved to rejected/, see \(file).error.txt" }
    public func runLeftInPlace(file: String) -> String { "LEFT IN PLACE: \(file) — could not be moved aside" }
    public func runWaiting(file: String) -> String { "Waiting: \(file) is still being written" }
    public func runMailbox(fetched: Int, recorded: Int, duplicates: Int, ignored: Int, tasksOpened: Int) -> String {
        "Mailbox: \(counted(fetched, "new message", "new messages")), \(recorded) ours, \(duplicates) already recorded, \(ignored) not ours (left as they were), \(counted(tasksOpened, "task", "tasks")) opened"
    }
    public func runMailboxTruncated(_ count: Int) -> String {
        "Mailbox: \(count == 1 ? "1 message over maximum_message_megabytes was" : "\(count) messages over maximum_message_megabytes were") read cut to that size"
    }
    public func runMailboxNotRead(folder: String, error: String) -> String { "MAILBOX NOT READ: \(folder): \(error) (retried at the next run)" }
    public func runPlan(date: CivilDate, emails: Int, tasks: Int) -> String {
        "Plan for \(self.date(date)): \(counted(emails, "email", "emails")), \(counted(tasks, "task", "tasks")) for people"
    }
    public func runContact(customer: String, name: String, step: String, emails: String, invoices: [RunInvoice]) -> String {
        let listed = invoices.map { invoice in
            let when = invoice.daysLate > 0 ? "\(counted(invoice.daysLate, "day", "days")) late" : "due in \(counted(-invoice.daysLate, "day", "days"))"
            return "\(invoice.number) (\(amount(invoice.open)), \(when))"
        }
        return "\(customer) \(name): \(stepName(step)) → \(emails): \(listed.joined(separator: ", "))"
    }
    public func runTask(customer: String, name: String, kind: WorkTask.Kind, step: String, invoices: String, note: String?) -> String {
        "\(customer) \(name): \(taskKind(kind).lowercased()) task (\(stepName(step))) for \(invoices)\(note.map { " — \($0)" } ?? "")"
    }
    public func runDecision(waits: Bool, customer: String, invoice: String?, reason: String) -> String {
        "\(waits ? "waits" : "skips"): \(customer)\(invoice.map { " \($0)" } ?? ""): \(reason)"
    }
    public func runQueued(_ count: Int) -> String { "Queued: \(counted(count, "message", "messages"))" }
    public func runAwaitingApproval(_ count: Int) -> String {
        "Awaiting approval (review mode): \(counted(count, "message", "messages")) — relance message held, or the console's Today"
    }
    public func runTasksOpened(_ count: Int) -> String { "Tasks opened: \(count) (relance tasks)" }
    public func runToPrint(path: String) -> String { "To print / hand over: \(path)" }
    public func runFailed(customer: String, reason: String) -> String { "FAILED for \(customer): \(reason)" }
    public func runForReview(path: String) -> String { "For review (not sent): \(path)" }
    public func runSent(sent: Int, retrying: Int, failed: Int) -> String { "Sent: \(sent), retrying later: \(retrying), failed: \(failed)" }
    public func runDelivery(_ destinations: [RunDelivery]) -> String {
        "Delivery: " + destinations.map { destination in
            switch destination {
            case .smtp(let creditor, let host, let port): "\(creditor) via SMTP \(host):\(port)"
            case .files(let creditor, let folder): "\(creditor) as .eml files in \(folder)"
            }
        }.joined(separator: "; ")
    }
    public func runOutsideSendWindow(creditor: String, until: String) -> String {
        "Outside \(creditor)'s send window: its messages wait until \(until)."
    }
    public func runPaused(_ creditors: [String]) -> String {
        "PAUSED (a problem on our side, see the log): \(creditors.joined(separator: ", "))"
    }

    public func statusCreditor(id: String, active: Bool, paused: Bool, outboxPaused: Bool, openTasks: Int, heldImports: Int) -> String {
        "Creditor \(id): \(active ? "active" : "review mode")\(paused ? ", PAUSED" : "")\(outboxPaused ? ", OUTBOX PAUSED" : "")"
            + "; open tasks \(openTasks)" + (heldImports > 0 ? "; \(counted(heldImports, "import", "imports")) HELD (relance import held)" : "")
    }
    public func statusOutboxPaused(since: String, reason: String) -> String { "Outbox paused since \(since): \(reason)" }
    public func statusToResume(_ command: String) -> String { "To resume: \(command)" }
    public func statusProblem(_ text: String) -> String { "PROBLEM: \(text)" }
    public func statusLastImport(at: String, summary: String) -> String { "Last import (\(at)): \(summary)" }
    public func statusMailbox(folder: String, uidValidity: String, lastUID: String, polled: String) -> String {
        "Mailbox \(folder): UIDVALIDITY \(uidValidity), last UID \(lastUID), polled \(polled)"
    }
    public func statusSendWindowClosed(until: String) -> String { "Send window closed: mail waits until \(until)" }
    public func statusNextRetry(_ at: String) -> String { "Next retry: \(at)" }
}
