public import Foundation

/// Tasks for people: opened by the ladder, the mailbox and the outbox; closed only with an
/// outcome, through `TaskOutcomeStore.applyTaskOutcome` (the one path, `TaskOutcomeRecorder`).
public protocol TaskStore: Sendable {
    /// Opens a task, or returns the open one with the same `dedupKey` (then `isNew` is false).
    func openTask(_ task: NewTask, at time: Date) async throws -> (id: Int64, isNew: Bool)
    func tasks(of creditor: CreditorID?, state: WorkTask.State?) async throws -> [WorkTask]
}

/// Pauses, invalid addresses, disputes and the creditor's own state: what people and the
/// mailbox say on top of the ledger. The planner reads all of it before acting.
public protocol CustomerStateStore: Sendable {
    /// Records that an address is wrong; returns false when it already was.
    func markAddressInvalid(_ address: EmailAddress, of creditor: CreditorID, reason: String, evidence: String?,
                            at time: Date) async throws -> Bool
    func clearInvalidAddress(_ address: EmailAddress, of creditor: CreditorID, reason: String, at time: Date) async throws
    func invalidAddresses(of creditor: CreditorID) async throws -> [InvalidAddress]

    func holdCustomer(_ customerID: Int64, kind: CustomerHold.Kind, until: CivilDate?, reason: String,
                      at time: Date) async throws -> Int64
    /// Releases the customer's live holds (of the given kinds, or all).
    func resumeCustomer(_ customerID: Int64, kinds: Set<CustomerHold.Kind>?, reason: String, at time: Date) async throws
    func liveHolds(of creditor: CreditorID) async throws -> [CustomerHold]

    func markDisputed(invoiceID: Int64, reason: String, at time: Date) async throws
    /// The task a dispute on the invoice numbered `number` is resolved on (`relance resume
    /// --invoice` records `dispute-resolved` there): the task that recorded the dispute, else an
    /// open task of the customer; nil when the invoice is not disputed. Throws when the creditor
    /// has no such invoice.
    func disputeTask(invoice number: String, of creditor: CreditorID) async throws -> Int64?
    /// Ids of the creditor's open invoices under dispute.
    func disputedInvoices(of creditor: CreditorID) async throws -> Set<Int64>

    func creditorState(_ creditor: CreditorID) async throws -> CreditorStoredState
    func setCreditorState(_ state: CreditorStoredState, of creditor: CreditorID, reason: String, at time: Date) async throws

    /// The customer with this id in the creditor's books.
    func customerID(external: String, of creditor: CreditorID) async throws -> Int64?
}
