/// What the task lists of the reports folder (`tasks.csv`, `tasks.html`) are made from, so that
/// they are written again only when it changed: on a book of 10,000 customers, the lists are
/// 50 MB and took the daemon minutes of CPU, every planner tick (five minutes), for the same
/// tasks (issue #14's benchmark, benchmarks/console-p95.sh).
public protocol TaskReportStore: Sendable {
    /// A digest of every column of the creditor's open tasks, in id order: the same digest, the
    /// same open tasks. Stable from one process to the next (it is kept next to the reports).
    func openTasksFingerprint(of creditor: CreditorID) async throws -> String
}
