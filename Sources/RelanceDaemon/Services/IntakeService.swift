import Logging
import ServiceLifecycle

/// Scans every creditor's drop folder periodically and rings the planner after an import.
struct IntakeService: Service {
    let runtime: RelanceRuntime
    let planner: Doorbell
    let interval: Duration

    func run() async throws {
        await ServiceLoop(name: "intake", logger: runtime.logger, doorbell: nil, interval: interval).run {
            for creditor in runtime.creditors {
                let report = try await creditor.intake.scan()
                if !report.imported.isEmpty { planner.ring() }
            }
        }
    }
}
