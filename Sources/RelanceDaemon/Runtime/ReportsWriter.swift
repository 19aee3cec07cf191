public import Foundation
public import RelanceCore

/// Writes a creditor's current aged balance into the reports folder, as CSV and as one HTML
/// page, each replaced atomically: a person with the file open never sees half a report.
public struct ReportsWriter: Sendable {
    public let folder: URL
    public let store: any ReceivablesStore

    public init(folder: URL, store: any ReceivablesStore) {
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
        return files.map(\.0)
    }
}
