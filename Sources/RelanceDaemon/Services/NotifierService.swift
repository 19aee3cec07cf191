import Logging
import ServiceLifecycle

/// Tells systemd (`Type=notify`) that the daemon is ready, what it is doing (`STATUS=`), and
/// that it is alive (`WATCHDOG=1`, when the unit sets `WatchdogSec=`) — only while no service's
/// tick has stopped moving (`TickWatch`): a hung daemon goes unfed and systemd restarts it.
struct NotifierService: Service {
    let notifier: SystemdNotifier
    let health: ServiceHealth
    let logger: Logger
    /// Tests shorten it; the daemon uses `TickWatch.stallLimit`.
    var stallLimit: Duration = TickWatch.stallLimit

    func run() async throws {
        notifier.ready(status: "started")
        let interval = notifier.watchdogInterval ?? .seconds(30)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            await beat()
        }
        notifier.stopping()
    }

    /// One beat: STATUS and the watchdog's ping while every tick moves; the hung ticks named, and
    /// no ping, once one has not moved for `stallLimit`.
    func beat(at now: ContinuousClock.Instant = .now) async {
        let stalls = health.ticks.stalls(at: now, limit: stallLimit)
        if stalls.isEmpty {
            notifier.status(await health.statusLine())
            if notifier.watchdogInterval != nil { notifier.watchdog() }
        } else {
            let line = Self.stalledLine(stalls)
            notifier.status(line)
            logger.critical("a service stopped moving: the watchdog is no longer fed, systemd will restart the daemon", metadata: [
                "stalled": "\(line)", "watchdog": "\(notifier.watchdogInterval != nil ? "set" : "not set (WatchdogSec=)")",
            ])
        }
    }

    /// systemd's `STATUS=` (the operator's, in English): which tick hangs and for how long.
    static func stalledLine(_ stalls: [TickWatch.Stall]) -> String {
        "hung: " + stalls.map { stall in
            let seconds = stall.quiet.components.seconds
            return "\(stall.service) has not moved for " + (seconds < 120 ? "\(seconds) s" : "\(seconds / 60) min")
        }.joined(separator: "; ")
    }
}
