public import Foundation

/// One message in the mail log: a reminder sent (or waiting), or a message received.
public struct MailLogEntry: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case sent, received
    }

    /// What the entry is, as values the console words (it once read a « step · state » text back apart).
    public enum What: Sendable, Hashable {
        /// A reminder: its step of the ladder and its state in the outbox.
        case reminder(step: String, state: OutboxState)
        /// A received message: its kind as classified (`InboundKind`'s raw value).
        case received(kind: String)
    }

    public var what: What
    public var id: Int64
    public var creditor: CreditorID
    public var customerCode: String?
    public var customerName: String?
    public var time: Date
    /// Recipients of a reminder; for a received message, its classification's summary.
    public var counterpart: String
    public var raw: [UInt8]?

    public var direction: Direction {
        if case .reminder = what { .sent } else { .received }
    }

    public init(_ what: What, id: Int64, creditor: CreditorID, customerCode: String?, customerName: String?, time: Date,
                counterpart: String, raw: [UInt8]?) {
        self.what = what
        self.id = id
        self.creditor = creditor
        self.customerCode = customerCode
        self.customerName = customerName
        self.time = time
        self.counterpart = counterpart
        self.raw = raw
    }
}

public protocol MailLogStore: Sendable {
    /// The most recent messages, both ways, matching `search` (recipient, customer code or name,
    /// received summary or excerpt, the stored step, state or kind; case-insensitive) when given,
    /// or whose step, state or kind is one of `codes` (those whose words, in the reader's language,
    /// hold the search: the store keeps codes); without their raw bytes.
    func mailLog(of creditor: CreditorID, search: String?, codes: [String], limit: Int) async throws -> [MailLogEntry]

    /// One message with its raw bytes, if it belongs to the creditor.
    func mailEntry(_ direction: MailLogEntry.Direction, id: Int64, of creditor: CreditorID) async throws -> MailLogEntry?
}

extension MailLogStore {
    /// The search as typed, with no words to look for as codes.
    public func mailLog(of creditor: CreditorID, search: String?, limit: Int) async throws -> [MailLogEntry] {
        try await mailLog(of: creditor, search: search, codes: [], limit: limit)
    }
}
