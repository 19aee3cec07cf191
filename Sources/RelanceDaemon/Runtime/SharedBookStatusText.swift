public import Foundation
public import RelancePostgres
import RelanceCore

/// `relance status` on a PostgreSQL book: each daemon (host, pid, last heartbeat), who holds
/// which lease, who is sending what. For the operator, in English like the rest of the daemon's
/// own lines; every age is measured on the database's clock, never this machine's.
public enum SharedBookStatusText {
    /// A daemon whose last heartbeat is older than this is reported as silent (it beats every
    /// few seconds while it runs; a minute without one means stopped, paused or cut off).
    public static let silentAfter: TimeInterval = 60

    public static func lines(_ status: SharedBookStatus) -> [String] {
        let now = status.databaseNow
        var lines = ["Daemons sharing this book (by PostgreSQL's clock, \(stamp(now))):"]
        if status.daemons.isEmpty { lines.append("  none has run on this database yet") }
        for daemon in status.daemons {
            let silence = now.timeIntervalSince(daemon.heartbeatAt)
            let state = silence > silentAfter ? "SILENT for \(age(silence))" : "alive"
            lines.append("  \(daemon.id.printable): host \(daemon.host.printable), pid \(daemon.pid), version \(daemon.version.printable), "
                         + "started \(stamp(daemon.startedAt)), last heartbeat \(age(silence)) ago — \(state)")
        }
        lines.append("Leases:")
        if status.leases.isEmpty { lines.append("  none taken yet") }
        for lease in status.leases {
            let left = lease.expiresAt.timeIntervalSince(now)
            let holding = left > 0 ? "held by \(lease.holder.printable) for \(age(left)) more"
                                   : "free (last held by \(lease.holder.printable), expired \(age(-left)) ago)"
            lines.append("  \(lease.name.printable): \(holding), token \(lease.token)")
        }
        let claims = status.claims.sorted { $0.key < $1.key }
        if !claims.isEmpty {
            lines.append("Messages being sent:")
            for (holder, count) in claims {
                var line = "  \(holder.printable): \(count.live) claimed"
                if count.expired > 0 {
                    line += ", \(count.expired) past their claim (its daemon presumed dead: recovery checks the servers' evidence first)"
                }
                lines.append(line)
            }
        }
        return lines
    }

    static func stamp(_ date: Date) -> String { date.formatted(.iso8601) }

    /// "4 s", "3 min 5 s", "2 h 10 min", "3 d 4 h": precise enough to tell alive from stuck.
    static func age(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds.rounded()))
        switch total {
        case ..<60: return "\(total) s"
        case ..<3_600: return "\(total / 60) min \(total % 60) s"
        case ..<86_400: return "\(total / 3_600) h \(total % 3_600 / 60) min"
        default: return "\(total / 86_400) d \(total % 86_400 / 3_600) h"
        }
    }
}
