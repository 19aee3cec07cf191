import Foundation
public import RelanceCore

/// The daily purge: the store's personal data past its keeping period, and the dropped files
/// in `processed/` folders older than `processed_files_days` (dated folders, removed whole).
/// Inputs that were rejected are never purged: a person has yet to look at them.
extension RelanceRuntime {
    public func purge() async throws -> (store: PurgeReport, files: Int) {
        let report = try await store.purge(configuration.retention, at: clock.now())
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
                try await store.record(NewEvent(time: clock.now(), kind: "purge.files", creditor: creditor.configuration.id,
                                                summary: "Processed files of \(day) removed (older than \(configuration.processedFilesDays) days)."))
            }
        }
        return (report, removed)
    }
}
