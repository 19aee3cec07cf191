public import Foundation

/// One message in the mail log: a reminder sent (or waiting), or a message received.
public struct MailLogEntry: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case sent, received
    }

    public var direction: Direction
    public var id: Int64
    public var creditor: CreditorID
    public var customerCode: String?
    public var customerName: String?
    public var time: Date
    /// Recipients of a reminder; for a received message, its classification's summary.
    public var counterpart: String
    /// The reminder's step and state, or the received message's kind.
    public var label: String
    public var raw: [UInt8]?

    public init(direction: Direction, id: Int64, creditor: CreditorID, customerCode: String?, customerName: String?, time: Date,
                counterpart: String, label: String, raw: [UInt8]?) {
        self.direction = direction
        self.id = id
        self.creditor = creditor
        self.customerCode = customerCode
        self.customerName = customerName
        self.time = time
        self.counterpart = counterpart
        self.label = label
        self.raw = raw
    }
}

public protocol MailLogStore: Sendable {
    /// The most recent messages, both ways, matching `search` (recipient, customer code or name,
    /// received summary or excerpt; case-insensitive) when given; without their raw bytes.
    func mailLog(of creditor: CreditorID, search: String?, limit: Int) async throws -> [MailLogEntry]

    /// One message with its raw bytes, if it belongs to the creditor.
    func mailEntry(_ direction: MailLogEntry.Direction, id: Int64, of creditor: CreditorID) async throws -> MailLogEntry?
}
