import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// `relance run`: one `ServiceGroup` of the daemon's loops, stopped gracefully by SIGTERM or SIGINT.
public struct RelanceServices: Sendable {
    public let runtime: RelanceRuntime

    public init(runtime: RelanceRuntime) { self.runtime = runtime }

    public func run() async throws {
        try await runtime.prepare()
        let plannerBell = Doorbell()
        let senderBell = Doorbell()
        let health = ServiceHealth(file: runtime.configuration.stateFolder.appendingPathComponent("status.json"))
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: IntakeService(runtime: runtime, planner: plannerBell, interval: .seconds(30), health: health)),
                .init(service: PlannerService(runtime: runtime, doorbell: plannerBell, sender: senderBell, interval: .seconds(300), health: health)),
                .init(service: SenderService(runtime: runtime, doorbell: senderBell, interval: .seconds(60), health: health)),
                .init(service: DigestService(runtime: runtime, interval: .seconds(900), health: health)),
                .init(service: RetentionService(runtime: runtime, health: health)),
                .init(service: NotifierService(notifier: SystemdNotifier(), health: health)),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: runtime.logger))
        runtime.logger.notice("relance started", metadata: ["creditors": "\(runtime.creditors.map(\.configuration.id.rawValue))"])
        try await group.run()
    }
}
