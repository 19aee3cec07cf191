import Logging
import RelanceCore
import ServiceLifecycle

/// Runs the retention purge once at start and then daily.
struct RetentionService: Service {
    let runtimes: RuntimeHolder
    let health: ServiceHealth

    func run() async throws {
        await ServiceLoop(name: "retention", logger: runtimes.logger, doorbell: nil, interval: .seconds(86_400), health: health).run {
            let runtime = await runtimes.current
            guard let (report, files, documents) = try await runtime.work.run(.retention, { try await runtime.purge() }) else { return nil }
            return report.isEmpty && files + documents == 0 ? nil
                : .purged(mails: report.messagesBlanked + report.inboundBlanked, files: files + documents, customers: report.customersAnonymised)
        }
    }
}
