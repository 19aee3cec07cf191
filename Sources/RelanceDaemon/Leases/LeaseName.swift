public import RelanceCore

/// The names of the leases daemons share, one per piece of work that must run once.
public struct LeaseName: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public static func intake(_ creditor: CreditorID) -> LeaseName { LeaseName(rawValue: "intake:\(creditor.rawValue)") }
    public static func planning(_ creditor: CreditorID) -> LeaseName { LeaseName(rawValue: "planning:\(creditor.rawValue)") }
    public static func mailbox(_ creditor: CreditorID) -> LeaseName { LeaseName(rawValue: "mailbox:\(creditor.rawValue)") }
    public static func digest(_ creditor: CreditorID) -> LeaseName { LeaseName(rawValue: "digest:\(creditor.rawValue)") }
    public static let retention = LeaseName(rawValue: "retention")
    /// Copies of sent messages into the creditors' Sent folders (one copy each, not one per daemon).
    public static let sentCopies = LeaseName(rawValue: "sent-copies")

    public var description: String { rawValue }
}
