public import Foundation

/// A decision or observation to append to the journal: who/what it concerns and why.
public struct NewEvent: Sendable, Hashable {
    public var time: Date
    public var kind: String
    public var creditor: CreditorID?
    public var customerID: Int64?
    public var invoiceID: Int64?
    public var messageID: Int64?
    public var importID: Int64?
    /// One sentence a person can read: the reason.
    public var summary: String
    public var detail: [String: String]

    public init(time: Date, kind: String, creditor: CreditorID? = nil, customerID: Int64? = nil,
                invoiceID: Int64? = nil, messageID: Int64? = nil, importID: Int64? = nil,
                summary: String, detail: [String: String] = [:]) {
        self.time = time
        self.kind = kind
        self.creditor = creditor
        self.customerID = customerID
        self.invoiceID = invoiceID
        self.messageID = messageID
        self.importID = importID
        self.summary = summary
        self.detail = detail
    }
}

public struct JournalEntry: Sendable, Hashable {
    public var id: Int64
    public var event: NewEvent

    public init(id: Int64, event: NewEvent) {
        self.id = id
        self.event = event
    }
}
