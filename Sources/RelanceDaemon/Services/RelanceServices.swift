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
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: IntakeService(runtime: runtime, planner: plannerBell, interval: .seconds(30))),
                .init(service: PlannerService(runtime: runtime, doorbell: plannerBell, sender: senderBell, interval: .seconds(300))),
                .init(service: SenderService(runtime: runtime, doorbell: senderBell, interval: .seconds(60))),
                .init(service: MailboxPollerService(runtime: runtime, planner: plannerBell)),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: runtime.logger))
        runtime.logger.notice("relance started", metadata: ["creditors": "\(runtime.creditors.map(\.configuration.id.rawValue))"])
        try await group.run()
    }
}
