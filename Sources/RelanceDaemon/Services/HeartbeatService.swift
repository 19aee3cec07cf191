import Logging
import RelanceCore
import ServiceLifecycle

/// On a book several daemons share: says every few seconds that this daemon is alive, so that
/// `relance status` shows who runs and who went silent. A database that cannot be reached is
/// logged and tried again at the next beat (the other services wait for it on their own).
struct HeartbeatService: Service {
    let store: any DaemonPresenceStore
    let logger: Logger
    let health: ServiceHealth
    static let interval: Duration = .seconds(10)

    func run() async throws {
        await ServiceLoop(name: "heartbeat", logger: logger, doorbell: nil, interval: Self.interval, health: health).run {
            try await store.heartbeat(version: RelanceVersion.current)
            return nil
        }
    }
}
