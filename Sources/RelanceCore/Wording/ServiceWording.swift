/// What a daemon service's last round did, as facts (#13): kept in `status.json` and worded
/// when shown — `/health` and `relance status` in the creditor's language — never stored as
/// English text.
public enum ServiceNote: Codable, Sendable, Hashable {
    case digestsSent(Int)
    case imported(imported: Int, rejected: Int, held: Int)
    /// `unreadable`: the mailboxes not read, `creditor/folder (code)`.
    case mailboxRead(recorded: Int, unreadable: [String])
    /// The local time of day the planner ran.
    case planned(hour: Int, minute: Int, queued: Int)
    /// `paused`: the creditors whose outbox waits.
    case sent(sent: Int, waiting: Int, paused: [String])
    case purged(mails: Int, files: Int, customers: Int)
}

/// The daemon's services as a person reads them on `/health` and in `relance status`.
public protocol ServiceWording: Sendable {
    /// `digest` → `Point quotidien`, `planner` → `Planification`.
    func serviceName(_ name: String) -> String
    func serviceNote(_ note: ServiceNote) -> String
}
