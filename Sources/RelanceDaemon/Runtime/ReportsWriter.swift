public import Foundation
public import RelanceCore

/// Writes a creditor's current aged balance into the reports folder, as CSV and as one HTML
/// page, each replaced atomically: a person with the file open never sees half a report.
public struct ReportsWriter: Sendable {
    public let folder: URL
    public let store: any ReceivablesStore & TaskStore

    public init(folder: URL, store: any ReceivablesStore & TaskStore) {
        self.folder = folder
        self.store = store
    }

    @discardableResult
    public func write(_ creditor: CreditorConfiguration, asOf: CivilDate) async throws -> [URL] {
        let balance = AgedBalance(receivables: try await store.openReceivables(of: creditor.id), asOf: asOf)
        let target = folder.appendingPathComponent(creditor.id.rawValue)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let title = creditor.language == .french ? "Balance âgée — \(creditor.legalName)" : "Aged balance — \(creditor.legalName)"
        let files = [
            (target.appendingPathComponent("aged-balance.csv"), AgedBalanceCSV.render(balance)),
            (target.appendingPathComponent("aged-balance.html"), AgedBalanceHTML.render(balance, title: title, language: creditor.language)),
        ]
        for (url, text) in files {
            try Data(text.utf8).write(to: url, options: .atomic)
        }
        return files.map(\.0) + (try await writeTasks(creditor))
    }

    /// The open tasks as `tasks.csv` and `tasks.html`, for people who prefer a spreadsheet or a browser.
    @discardableResult
    public func writeTasks(_ creditor: CreditorConfiguration) async throws -> [URL] {
        let tasks = try await store.tasks(of: creditor.id, state: .open)
        let target = folder.appendingPathComponent(creditor.id.rawValue)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        var csv = ["id,kind,created,due,title,details,document"]
        for task in tasks {
            let details = task.detail.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
            csv.append([String(task.id), task.kind.rawValue, task.createdAt.formatted(.iso8601), task.dueOn?.iso8601 ?? "",
                        task.title, details, task.documentPath ?? ""].map(AgedBalanceCSV.cell).joined(separator: ","))
        }
        let french = creditor.language == .french
        var html = "<!DOCTYPE html><html lang=\"\(creditor.language.rawValue)\"><head><meta charset=\"utf-8\"><title>"
            + AgedBalanceHTML.escapeText(french ? "Tâches — \(creditor.legalName)" : "Tasks — \(creditor.legalName)")
            + "</title><style>body{font:14px sans-serif;margin:2em}td,th{padding:.3em .6em;border-bottom:1px solid #ddd;text-align:left}</style></head><body>"
        html += "<h1>\(AgedBalanceHTML.escapeText(french ? "Tâches ouvertes" : "Open tasks")) (\(tasks.count))</h1><table><tr><th>#</th><th>\(french ? "Type" : "Kind")</th><th>\(french ? "Depuis" : "Since")</th><th>\(french ? "Quoi" : "What")</th></tr>"
        for task in tasks {
            let details = task.detail.sorted { $0.key < $1.key }.map { AgedBalanceHTML.escapeText("\($0.key): \($0.value)") }.joined(separator: "<br>")
            html += "<tr><td>\(task.id)</td><td>\(task.kind.rawValue)</td><td>\(task.createdAt.formatted(date: .abbreviated, time: .omitted))</td>"
            // The letter to print (or the dossier's folder), one click away from the list.
            let document = task.documentPath.map {
                "<br><a href=\"\(AgedBalanceHTML.escapeText(URL(fileURLWithPath: $0).absoluteString))\">\(AgedBalanceHTML.escapeText(french ? "document à imprimer" : "document to print"))</a>"
            } ?? ""
            html += "<td>\(AgedBalanceHTML.escapeText(task.title))<br><small>\(details)</small>\(document)</td></tr>"
        }
        html += "</table></body></html>\n"
        let files = [(target.appendingPathComponent("tasks.csv"), csv.joined(separator: "\r\n") + "\r\n"),
                     (target.appendingPathComponent("tasks.html"), html)]
        for (url, text) in files { try Data(text.utf8).write(to: url, options: .atomic) }
        return files.map(\.0)
    }
}
