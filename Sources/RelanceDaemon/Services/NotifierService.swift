import Logging
import ServiceLifecycle

/// Tells systemd (`Type=notify`) that the daemon is ready, what it is doing (`STATUS=`), and
/// that it is alive (`WATCHDOG=1`, when the unit sets `WatchdogSec=`).
struct NotifierService: Service {
    let notifier: SystemdNotifier
    let health: ServiceHealth

    func run() async throws {
        notifier.ready(status: "started")
        let interval = notifier.watchdogInterval ?? .seconds(30)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            notifier.status(await health.statusLine())
            if notifier.watchdogInterval != nil { notifier.watchdog() }
        }
        notifier.stopping()
    }
}
