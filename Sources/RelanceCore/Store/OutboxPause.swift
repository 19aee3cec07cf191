public import Foundation

/// A creditor's outbox stopped for a fault on our side (configuration, credentials, TLS):
/// since when and why. It holds until the configuration is loaded again (a restart or
/// `systemctl reload relance`) or a person runs `relance resume --creditor ID`.
public struct OutboxPause: Sendable, Hashable, Codable {
    public var since: Date
    public var reason: String

    public init(since: Date, reason: String) {
        self.since = since
        self.reason = reason
    }

    /// How to resume, for `relance status` and the log.
    public static func howToResume(_ creditor: CreditorID) -> String {
        "fix the configuration as the reason says, then `systemctl reload relance` (or restart it); "
            + "or `relance resume --creditor \(creditor)` to try again as it is"
    }
}
