import Logging
import RelanceCore
import ServiceLifecycle

/// Scans every creditor's drop folder — at once when inotify says something landed, and
/// periodically whatever happens (the scan is the truth) — and rings the planner after an import.
struct IntakeService: Service {
    let runtimes: RuntimeHolder
    let planner: Doorbell
    let interval: Duration
    let health: ServiceHealth

    func run() async throws {
        let wakeUp = Doorbell()
        let initial = await runtimes.current
        let folders = initial.creditors.map(\.intake.folder)
        for folder in folders { try? folder.createFolders() }
        let watcher = DropFolderWatcher(folders: folders.map(\.folder), logger: runtimes.logger)
        watcher?.start(ringing: wakeUp, settle: .milliseconds(Int64(initial.configuration.stableAfterSeconds * 1000)))
        defer { watcher?.stop() }
        let othersImports = ImportsSeen()
        await ServiceLoop(name: "intake", logger: runtimes.logger, doorbell: wakeUp, interval: interval, health: health).run {
            let runtime = await runtimes.current
            // A creditor a reload added gets its folder, and its inotify watch, at the next round.
            let folders = runtime.creditors.map(\.intake.folder)
            for folder in folders { try? folder.createFolders() }
            watcher?.watch(folders.map(\.folder))
            var imported = 0
            var rejected = 0
            var held = 0
            for creditor in runtime.creditors {
                // Another daemon sharing the book may be scanning this folder: it imports, this one waits.
                let scanned = try await runtime.work.run(.intake(creditor.configuration.id)) { try await creditor.intake.scan() }
                // On a shared book another daemon may have imported a file and died before planning:
                // a newer applied import than last seen has this daemon's planner look at the day.
                // (A held snapshot a person confirms later becomes applied then, under its own id.)
                if runtime.work.isShared {
                    let recent = try await runtime.store.importHistory(of: creditor.configuration.id, limit: 20)
                    if othersImports.isNew(recent.filter { $0.status == .applied }.map(\.importID).max(), for: creditor.configuration.id) {
                        planner.ring()
                    }
                }
                guard let report = scanned else { continue }
                imported += report.imported.count
                rejected += report.rejected.count
                held += report.held.count
                if !report.imported.isEmpty {
                    try await runtime.reports.write(creditor.configuration, asOf: runtime.today(for: creditor))
                    planner.ring()
                }
            }
            guard imported + rejected > 0 else { return nil }
            return .imported(imported: imported, rejected: rejected, held: held)
        }
    }
}
