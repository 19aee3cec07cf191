public import Foundation

/// The task model of issue #13: one open task per customer and family, outcomes that act.
public protocol TaskOutcomeStore: Sendable {
    /// The task with what an outcome needs to be decided; nil when no such task exists.
    func taskOutcomeFacts(_ taskID: Int64) async throws -> TaskOutcomeFacts?
    /// Records the outcome and does everything it says, in one transaction.
    func applyTaskOutcome(_ application: TaskOutcomeApplication, at time: Date) async throws
    /// Opens the ladder's task for a customer's step, or moves the customer's open call on to
    /// it, or supersedes an unposted letter by it, in one transaction.
    func openLadderTask(_ task: NewTask, on day: CivilDate, at time: Date) async throws -> LadderTaskChange
    /// Writes an open ladder task again with today's figures, same step (`LadderTaskRefresh`): a
    /// call or dossier in place, an unposted letter superseded by the refreshed one; with its
    /// journal line, in one transaction. Nil when the task is no longer open at that step (a
    /// person posted the letter or recorded an outcome meanwhile): nothing is written.
    func refreshLadderTask(_ refresh: LadderTaskRefresh, at time: Date) async throws -> LadderTaskChange?
    /// Cancels, each with its reason and timeline line, the tasks `NoLongerDueTasks` found (those
    /// still open: a person may have closed one meanwhile), in one transaction; returns their ids.
    /// Cancelled, not done: a cancelled task is no step taken, should the invoice be due again.
    func closeNoLongerDueTasks(_ tasks: [NoLongerDueTask], at time: Date) async throws -> [Int64]
    /// Marks an open task escalated; false when it already was.
    func markTaskEscalated(_ taskID: Int64, at time: Date) async throws -> Bool
    /// Live payment claims whose wait ended before `day` and whose invoices are still open, save those a
    /// bank statement already shows paid: the bank match's own review (`reviewBankPayments`) takes them over.
    func expiredPaymentClaims(of creditor: CreditorID, on day: CivilDate) async throws -> [PaymentClaimFacts]
    /// Outcomes received by email and not yet acknowledged in a digest.
    func unacknowledgedEmailOutcomes(of creditor: CreditorID) async throws -> [RecordedTaskOutcome]
    func markOutcomesAcknowledged(_ ids: [Int64], at time: Date) async throws
    /// Every outcome recorded for the creditor's tasks since `time`, oldest first.
    func recordedOutcomes(of creditor: CreditorID, since time: Date) async throws -> [RecordedTaskOutcome]
}

public enum LadderTaskChange: Sendable, Hashable {
    case opened(Int64)
    /// The customer's open call moved on to this step (the update is journaled).
    case updated(Int64)
    /// The same step's task was already open: nothing changed.
    case unchanged(Int64)
    /// The new letter replaced an unposted one, kept as superseded.
    case superseded(old: Int64, new: Int64)

    public var taskID: Int64 {
        switch self {
        case .opened(let id), .updated(let id), .unchanged(let id): id
        case .superseded(_, let new): new
        }
    }
}

public struct RecordedTaskOutcome: Sendable, Hashable {
    public var id: Int64
    public var taskID: Int64
    public var customerID: Int64?
    public var outcome: TaskOutcome
    public var recordedBy: String
    public var channel: TaskOutcomeRequest.Channel
    public var recordedAt: Date

    public init(id: Int64, taskID: Int64, customerID: Int64?, outcome: TaskOutcome, recordedBy: String,
                channel: TaskOutcomeRequest.Channel, recordedAt: Date) {
        self.id = id
        self.taskID = taskID
        self.customerID = customerID
        self.outcome = outcome
        self.recordedBy = recordedBy
        self.channel = channel
        self.recordedAt = recordedAt
    }
}

/// An invoice the customer said it paid, still open after the wait.
public struct PaymentClaimFacts: Sendable, Hashable {
    public var claimID: Int64
    public var customerID: Int64
    public var customerExternalID: String
    public var customerName: String?
    public var invoiceID: Int64
    public var invoiceNumber: String
    public var paidOn: CivilDate?
    public var means: String?
    public var waitUntil: CivilDate

    public init(claimID: Int64, customerID: Int64, customerExternalID: String, customerName: String?, invoiceID: Int64,
                invoiceNumber: String, paidOn: CivilDate?, means: String?, waitUntil: CivilDate) {
        self.claimID = claimID
        self.customerID = customerID
        self.customerExternalID = customerExternalID
        self.customerName = customerName
        self.invoiceID = invoiceID
        self.invoiceNumber = invoiceNumber
        self.paidOn = paidOn
        self.means = means
        self.waitUntil = waitUntil
    }
}
