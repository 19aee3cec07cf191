/// What `relance run --once` and `relance status` print about one creditor, in that creditor's language (#13). The
/// run's machine-wide closing lines (sent, delivery, send windows, paused transports) are in the creditors' one
/// shared language, English otherwise (`Language.shared(by:)`).
public protocol RunSummaryWording: Sendable {
    func runCreditor(id: String, name: String, active: Bool) -> String
    func runNoNewFile() -> String
    /// `reconfirmedAsOf`: the same undated export again, the books taken as unchanged as of that day.
    func runImportDuplicate(file: String, importID: Int64, reconfirmedAsOf: CivilDate?) -> String
    func runImportHeld(file: String, importID: Int64) -> String
    func runImported(file: String, items: Int, customers: Bool, new: Int, changed: Int, settled: Int, importID: Int64) -> String
    func runToIdentify(_ count: Int) -> String
    /// `warning: …` / `avertissement : …`, before an import's warning.
    func runWarning(_ text: String) -> String
    func runRejected(file: String) -> String
    func runLeftInPlace(file: String) -> String
    func runWaiting(file: String) -> String
    func runMailbox(fetched: Int, recorded: Int, duplicates: Int, ignored: Int, tasksOpened: Int) -> String
    func runMailboxTruncated(_ count: Int) -> String
    func runMailboxNotRead(folder: String, error: String) -> String
    func runPlan(date: CivilDate, emails: Int, tasks: Int) -> String
    func runContact(customer: String, name: String, step: String, emails: String, invoices: [RunInvoice]) -> String
    func runTask(customer: String, name: String, kind: WorkTask.Kind, step: String, invoices: String, note: String?) -> String
    func runDecision(waits: Bool, customer: String, invoice: String?, reason: String) -> String
    func runQueued(_ count: Int) -> String
    func runAwaitingApproval(_ count: Int) -> String
    func runTasksOpened(_ count: Int) -> String
    func runToPrint(path: String) -> String
    func runFailed(customer: String, reason: String) -> String
    func runForReview(path: String) -> String

    // `relance run --once`: the closing lines, for every creditor at once.
    func runSent(sent: Int, retrying: Int, failed: Int) -> String
    func runDelivery(_ destinations: [RunDelivery]) -> String
    /// `until` is ISO 8601, as the rest of the operator's times.
    func runOutsideSendWindow(creditor: String, until: String) -> String
    func runPaused(_ creditors: [String]) -> String

    // `relance status`: a creditor's lines (times stay ISO 8601, as the rest of the operator's status).
    func statusCreditor(id: String, active: Bool, paused: Bool, outboxPaused: Bool, openTasks: Int, heldImports: Int) -> String
    func statusOutboxPaused(since: String, reason: String) -> String
    func statusToResume(_ command: String) -> String
    func statusProblem(_ text: String) -> String
    func statusLastImport(at: String, summary: String) -> String
    func statusMailbox(folder: String, uidValidity: String, lastUID: String, polled: String) -> String
    func statusSendWindowClosed(until: String) -> String
    func statusNextRetry(_ at: String) -> String
}

/// An invoice of a planned email, as the run's summary lists it.
public struct RunInvoice: Sendable, Hashable {
    public var number: String
    public var open: Money
    /// Negative: due in that many days.
    public var daysLate: Int

    public init(number: String, open: Money, daysLate: Int) {
        self.number = number
        self.open = open
        self.daysLate = daysLate
    }
}

/// Where a creditor's messages went, as the run's closing line names it.
public enum RunDelivery: Sendable, Hashable {
    case smtp(creditor: String, host: String, port: Int)
    /// No SMTP server configured: each message written as an `.eml` file into `folder`.
    case files(creditor: String, folder: String)
}
