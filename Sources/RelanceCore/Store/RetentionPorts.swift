public import Foundation

/// How long personal data is kept (GDPR), and what a purge removed.
public struct RetentionPolicy: Sendable, Hashable {
    /// Bytes of sent, failed or cancelled messages and of stored inbound mail.
    public var mailDays: Int
    /// Customers with nothing open and no activity for this long are anonymised.
    public var inactiveCustomerDays: Int

    public init(mailDays: Int = 365, inactiveCustomerDays: Int = 3 * 365) {
        self.mailDays = mailDays
        self.inactiveCustomerDays = inactiveCustomerDays
    }
}

public struct PurgeReport: Sendable, Hashable {
    public var messagesBlanked = 0
    public var inboundBlanked = 0
    /// Bank entries whose payer and label were removed (settled, past the mail period).
    public var bankEntriesRedacted = 0
    public var customersAnonymised = 0
    public var eventsRedacted = 0
    /// Invoices of anonymised customers whose kept PDF or XML the store no longer refers to.
    public var documentsReleased = 0

    public init() {}

    public var isEmpty: Bool { messagesBlanked + inboundBlanked + bankEntriesRedacted + customersAnonymised + eventsRedacted + documentsReleased == 0 }
}

public protocol RetentionStore: Sendable {
    /// Removes what is past the policy at `time`; each purge is recorded as an event.
    func purge(_ policy: RetentionPolicy, at time: Date) async throws -> PurgeReport

    /// The kept invoice documents (paths relative to the state folder) some invoice still
    /// refers to; the others may be deleted from disk.
    func referencedDocuments() async throws -> Set<String>
}
