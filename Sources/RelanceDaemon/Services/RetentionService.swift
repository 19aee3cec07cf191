import Logging
import ServiceLifecycle

/// Runs the retention purge once at start and then daily.
struct RetentionService: Service {
    let runtime: RelanceRuntime
    let health: ServiceHealth

    func run() async throws {
        await ServiceLoop(name: "retention", logger: runtime.logger, doorbell: nil, interval: .seconds(86_400), health: health).run {
            let (report, files) = try await runtime.purge()
            return report.isEmpty && files == 0 ? nil : "purged \(report.messagesBlanked + report.inboundBlanked) mails, \(files) files, \(report.customersAnonymised) customers"
        }
    }
}
