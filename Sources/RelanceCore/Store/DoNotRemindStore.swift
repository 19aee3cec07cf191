public import Foundation

/// A person's "do not remind" on a customer (console or `relance customer do-not-remind`):
/// kept apart from the contacts file's flag, so that a later contacts import never clears it.
public struct PersonDoNotRemind: Sendable, Hashable, Codable {
    public var reason: String
    public var setBy: String
    public var setAt: Date
    /// The day it was set in the creditor's time zone (the planner has no clock of its own).
    public var setOn: CivilDate?

    public init(reason: String, setBy: String, setAt: Date, setOn: CivilDate? = nil) {
        self.reason = reason
        self.setBy = setBy
        self.setAt = setAt
        self.setOn = setOn
    }

    /// The longest reason kept (the schema refuses longer ones).
    public static let maximumReasonLength = 500

    /// A reason as a person typed it, on one line, or nil when it cannot be stored: empty,
    /// too long, or holding control characters (a line break would forge a journal line).
    public static func validReason(_ text: String) -> String? {
        let reason = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= maximumReasonLength,
              !reason.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        return reason
    }
}

public protocol DoNotRemindStore: Sendable {
    /// Sets (or replaces) a person's do-not-remind on the customer, journaled with who and why.
    func setDoNotRemind(customerID: Int64, reason: String, by person: String, at time: Date) async throws
    /// Removes it, journaled; a store error `.notFound` when there was none.
    func removeDoNotRemind(customerID: Int64, by person: String, at time: Date) async throws
    func doNotRemind(customerID: Int64) async throws -> PersonDoNotRemind?
}
