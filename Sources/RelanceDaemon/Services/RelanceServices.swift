import Foundation
import Logging
import RelanceCore
public import ServiceLifecycle
import UnixSignals

/// `relance run`: one `ServiceGroup` of the daemon's loops, stopped gracefully by SIGTERM or SIGINT;
/// SIGHUP reloads the configuration and templates.
public struct RelanceServices: Sendable {
    public let runtime: RelanceRuntime
    /// Services built by the executable from the running configuration (the web console), run and
    /// stopped with the daemon's own loops.
    let additional: @Sendable (RuntimeHolder) throws -> [any Service]

    public init(runtime: RelanceRuntime, additional: @escaping @Sendable (RuntimeHolder) throws -> [any Service] = { _ in [] }) {
        self.runtime = runtime
        self.additional = additional
    }

    /// A stop is bounded, so that the daemon ends in its own words before systemd's
    /// `TimeoutStopSec` kills it without any: a tick in progress (an import, a batch being sent)
    /// has `gracefulStop` to finish, then the services are cancelled (an interrupted send is
    /// resolved at the next start, as after a crash); whatever still runs at `stopDeadline`
    /// after the stop request is ended by `StopDeadlineService`, which says so. Tested against the
    /// unit file's limit.
    public static let gracefulStop: Duration = .seconds(40)
    public static let stopDeadline: Duration = .seconds(50)

    public func run() async throws {
        try await runtime.prepare()
        let plannerBell = Doorbell()
        let senderBell = Doorbell()
        let health = ServiceHealth(file: runtime.configuration.stateFolder.appendingPathComponent("status.json"), clock: runtime.clock)
        let runtimes = RuntimeHolder(runtime)
        let extra = try additional(runtimes)
        var configuration = ServiceGroupConfiguration(
            services: [
                .init(service: IntakeService(runtimes: runtimes, planner: plannerBell, interval: .seconds(30), health: health)),
                .init(service: PlannerService(runtimes: runtimes, doorbell: plannerBell, sender: senderBell, interval: .seconds(300), health: health)),
                .init(service: SenderService(runtimes: runtimes, doorbell: senderBell, interval: .seconds(60), health: health)),
                .init(service: DigestService(runtimes: runtimes, interval: .seconds(900), health: health)),
                .init(service: RetentionService(runtimes: runtimes, health: health)),
                .init(service: ReloadService(runtimes: runtimes)),
                .init(service: NotifierService(notifier: SystemdNotifier(), health: health, logger: runtime.logger)),
                .init(service: MailboxPollerService(runtimes: runtimes, planner: plannerBell, health: health)),
            ] + presence(health: health) + extra.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
              // Last, so that a graceful shutdown tells it first.
              + [.init(service: StopDeadlineService(deadline: Self.stopDeadline, logger: runtime.logger, onDeadline: { exit(EXIT_FAILURE) }))],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: runtime.logger)
        configuration.maximumGracefulShutdownDuration = Self.gracefulStop
        let group = ServiceGroup(configuration: configuration)
        runtime.logger.notice("relance started", metadata: ["creditors": "\(runtime.creditors.map(\.configuration.id.rawValue))"])
        try await group.run()
    }

    /// The heartbeat, on a store several daemons share only.
    private func presence(health: ServiceHealth) -> [ServiceGroupConfiguration.ServiceConfiguration] {
        guard let store = runtime.store as? any DaemonPresenceStore else { return [] }
        return [.init(service: HeartbeatService(store: store, logger: runtime.logger, health: health))]
    }
}
