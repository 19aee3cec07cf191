import Synchronization

/// Which services are inside a tick and when each last moved, so that systemd's watchdog is fed
/// only while the daemon works. A ping sent whatever happens proves only that the notifier's own
/// loop runs: a sender stuck on a lock that never frees, or a tick that loops forever, would keep
/// the daemon "alive" for ever while nothing is sent. A tick that has not moved for `stallLimit`
/// withholds the pings, and systemd restarts the daemon after `WatchdogSec=`.
///
/// A tick moves when it starts, ends, or reports progress from inside (the sender, between
/// messages: a long drain at a slow server is work, not a stall). Every network operation is
/// bounded by libcurl's timeouts, so a healthy tick never stays silent that long.
/// Monotonic instants: a wall clock stepped by NTP (or `run --now`) must not look like a stall.
final class TickWatch: Sendable {
    /// How long a tick may go without moving before the daemon is judged hung. Longer than any
    /// honest step: a 1,000,000-row import (about 40 s of CPU), a mailbox's look-back.
    static let stallLimit: Duration = .seconds(30 * 60)

    struct Stall: Equatable, Sendable {
        let service: String
        let quiet: Duration
    }

    private let lastMoved = Mutex<[String: ContinuousClock.Instant]>([:])

    func began(_ service: String, at now: ContinuousClock.Instant = .now) {
        lastMoved.withLock { $0[service] = now }
    }

    /// Progress inside a tick; outside one (between ticks) there is nothing to watch.
    func progressed(_ service: String, at now: ContinuousClock.Instant = .now) {
        lastMoved.withLock { ticks in
            if ticks[service] != nil { ticks[service] = now }
        }
    }

    func ended(_ service: String) {
        _ = lastMoved.withLock { $0.removeValue(forKey: service) }
    }

    /// Ticks that have not moved for longer than `limit`, longest first.
    func stalls(at now: ContinuousClock.Instant = .now, limit: Duration = stallLimit) -> [Stall] {
        lastMoved.withLock { ticks in
            ticks.compactMap { service, moved in
                let quiet = moved.duration(to: now)
                return quiet > limit ? Stall(service: service, quiet: quiet) : nil
            }
        }.sorted { ($0.quiet, $1.service) > ($1.quiet, $0.service) }
    }
}
