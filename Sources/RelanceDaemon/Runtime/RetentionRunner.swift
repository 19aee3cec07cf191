import Foundation
public import RelanceCore

/// The daily purge: the store's personal data past its keeping period, the kept invoice PDFs
/// and XML no invoice refers to any more, and the dropped files in `processed/` folders older
/// than `processed_files_days` (dated folders, removed whole).
/// Inputs that were rejected are never purged: a person has yet to look at them.
extension RelanceRuntime {
    public func purge() async throws -> (store: PurgeReport, files: Int, documents: Int) {
        let report = try await store.purge(configuration.retention, at: clock.now())
        let documents = try await sweepDocuments()
        var removed = 0
        for creditor in creditors {
            let cutoff = today(for: creditor).adding(days: -configuration.processedFilesDays)
            let processed = configuration.dropFolder(of: creditor.configuration).appendingPathComponent("processed")
            let days = (try? FileManager.default.contentsOfDirectory(atPath: processed.path)) ?? []
            for day in days.sorted() {
                guard let date = CivilDate(iso8601: day), date < cutoff else { continue }
                let folder = processed.appendingPathComponent(day)
                removed += ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).count
                try FileManager.default.removeItem(at: folder)
                let summary = creditor.configuration.language.wording.processedFilesPurged(day: date, folder: day, olderThanDays: configuration.processedFilesDays)
                try await store.record(NewEvent(time: clock.now(), kind: "purge.files", creditor: creditor.configuration.id, summary: summary))
            }
        }
        return (report, removed, documents)
    }

    /// Deletes kept documents no invoice refers to (their customer was anonymised). A file
    /// younger than a day is left alone: an import may have written it and not committed yet.
    private func sweepDocuments() async throws -> Int {
        // The file times are the machine's: the real clock, not an injected one.
        let removed = try DocumentVault(stateFolder: configuration.stateFolder)
            .sweep(keeping: try await store.referencedDocuments(), writtenBefore: Date().addingTimeInterval(-86_400))
        if removed > 0 {
            // One sweep for every creditor: in their language when they share one, English otherwise
            // (as the store words its own purge line).
            let words = Language.shared(by: creditors.map(\.configuration.language)).wording
            try await store.record(NewEvent(time: clock.now(), kind: "purge.documents", summary: words.keptDocumentsPurged(removed)))
        }
        return removed
    }
}
