import Logging
import ServiceLifecycle

/// Scans every creditor's drop folder periodically and rings the planner after an import.
struct IntakeService: Service {
    let runtimes: RuntimeHolder
    let planner: Doorbell
    let interval: Duration
    let health: ServiceHealth

    func run() async throws {
        await ServiceLoop(name: "intake", logger: runtimes.logger, doorbell: nil, interval: interval, health: health).run {
            let runtime = await runtimes.current
            var imported = 0
            var rejected = 0
            for creditor in runtime.creditors {
                let report = try await creditor.intake.scan()
                imported += report.imported.count
                rejected += report.rejected.count
                if !report.imported.isEmpty {
                    try await runtime.reports.write(creditor.configuration, asOf: runtime.today(for: creditor))
                    planner.ring()
                }
            }
            return imported + rejected == 0 ? nil : "\(imported) imported, \(rejected) rejected"
        }
    }
}
