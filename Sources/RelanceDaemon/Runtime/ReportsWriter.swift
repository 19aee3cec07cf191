public import Foundation
public import RelanceCore
import RelanceMail

/// Writes a creditor's current aged balance into the reports folder, as CSV and as one HTML
/// page, each replaced atomically: a person with the file open never sees half a report.
public struct ReportsWriter: Sendable {
    public let folder: URL
    public let store: any ReceivablesStore & TaskStore & BankPaymentStore

    public init(folder: URL, store: any ReceivablesStore & TaskStore & BankPaymentStore) {
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
    @discardableResult
    public func writeTasks(_ creditor: CreditorConfiguration) async throws -> [URL] {
        let tasks = try await store.tasks(of: creditor.id, state: .open)
        let target = folder.appendingPathComponent(creditor.id.rawValue)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let timeZone = TimeZone(identifier: creditor.timeZone) ?? .current
        let words = creditor.language.wording
        let files = [(target.appendingPathComponent("tasks.csv"), Self.tasksCSV(tasks, format: creditor.spreadsheet, timeZone: timeZone, words: words)),
                     (target.appendingPathComponent("tasks.html"),
                      TasksPage.html(TasksPage.context(tasks, creditorName: creditor.legalName, timeZone: timeZone, words: words)))]
        for (url, text) in files { try Data(text.utf8).write(to: url, options: .atomic) }
        return files.map(\.0)
    }

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
