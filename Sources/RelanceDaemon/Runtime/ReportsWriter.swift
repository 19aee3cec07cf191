public import Foundation
public import RelanceCore
import RelanceMail

/// Writes a creditor's current aged balance into the reports folder, as CSV and as one HTML
/// page, each replaced atomically: a person with the file open never sees half a report.
public struct ReportsWriter: Sendable {
    public let folder: URL
    public let store: any ReceivablesStore & TaskStore & BankPaymentStore & TaskReportStore

    public init(folder: URL, store: any ReceivablesStore & TaskStore & BankPaymentStore & TaskReportStore) {
        self.folder = folder
        self.store = store
    }

    @discardableResult
    public func write(_ creditor: CreditorConfiguration, asOf: CivilDate) async throws -> [URL] {
        let balance = AgedBalance(receivables: try await BankAwareReceivables.read(creditor.id, from: store), asOf: asOf)
        let target = folder.appendingPathComponent(creditor.id.rawValue)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let title = creditor.language.wording.agingPageTitle(legalName: creditor.legalName)
        let files = [
            (target.appendingPathComponent("aged-balance.csv"),
             AgedBalanceCSV.render(balance, format: creditor.spreadsheet, language: creditor.language)),
            (target.appendingPathComponent("aged-balance.html"), AgedBalanceHTML.render(balance, title: title, language: creditor.language)),
        ]
        for (url, text) in files {
            try Data(text.utf8).write(to: url, options: .atomic)
        }
        return files.map(\.0) + (try await writeTasks(creditor))
    }

    /// The open tasks as `tasks.csv` and `tasks.html`, for people who prefer a spreadsheet or a
    /// browser: in the creditor's language, the CSV in its spreadsheet's format.
    ///
    /// Written only when the open tasks (`TaskReportStore.openTasksFingerprint`) or what words
    /// them changed since the last write, or when a file is missing: the planner asks every
    /// tick, and 10,000 open tasks took minutes of CPU to write again the same 50 MB.
    @discardableResult
    public func writeTasks(_ creditor: CreditorConfiguration) async throws -> [URL] {
        let target = folder.appendingPathComponent(creditor.id.rawValue)
        let urls = [target.appendingPathComponent("tasks.csv"), target.appendingPathComponent("tasks.html")]
        let written = target.appendingPathComponent(".tasks-written")
        let stamp = [Self.tasksLayout, try await store.openTasksFingerprint(of: creditor.id), creditor.language.rawValue,
                     "\(creditor.spreadsheet)", creditor.legalName, creditor.timeZone].joined(separator: "\n")
        if (try? String(contentsOf: written, encoding: .utf8)) == stamp, urls.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) {
            return urls
        }
        let tasks = try await store.tasks(of: creditor.id, state: .open)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let timeZone = TimeZone(identifier: creditor.timeZone) ?? .current
        let words = creditor.language.wording
        let texts = [Self.tasksCSV(tasks, format: creditor.spreadsheet, timeZone: timeZone, words: words),
                     TasksPage.html(TasksPage.context(tasks, creditorName: creditor.legalName, timeZone: timeZone, words: words))]
        for (url, text) in zip(urls, texts) { try Data(text.utf8).write(to: url, options: .atomic) }
        // Last: a crash before it only means writing the same lists again.
        try Data(stamp.utf8).write(to: written, options: .atomic)
        return urls
    }

    /// Changed when the lists' layout or words change, so that a new version writes them again.
    static let tasksLayout = "tasks-1"

    /// One row per task; a detail's lines (a call script) joined by ` / ` to keep one line a row.
    static func tasksCSV(_ tasks: [WorkTask], format: SpreadsheetFormat, timeZone: TimeZone, words: any Wording) -> String {
        let columns = words.taskColumns()
        var rows = [[columns.number, columns.kind, columns.opened, columns.due, columns.what, columns.details, columns.document]]
        for task in tasks.sorted(by: { $0.id < $1.id }) {
            let details = TaskDetails.ordered(task.detail).map {
                words.labelled(words.detailLabel($0.key), words.detailValue($0.key, $0.value).split(separator: "\n").joined(separator: " / "))
            }.joined(separator: " ; ")
            rows.append([String(task.id), words.taskKind(task.kind), words.date(CivilDate(task.createdAt, in: timeZone)),
                         task.dueOn.map(words.date) ?? "", task.title, details, task.documentPath ?? ""])
        }
        return format.document(rows)
    }
}
