/// Everything the planner needs, gathered by the caller: the planner itself reads no
/// clock, no store and no configuration file, so the same input always gives the same plan.
public struct PlanningInput: Sendable, Hashable {
    public var creditor: CreditorID
    public var today: CivilDate
    public var policy: Policy
    public var receivables: [Receivable]
    /// Reasons that hold every contact for this creditor today (review mode, a pause…).
    public var creditorHolds: [String]

    public init(creditor: CreditorID, today: CivilDate, policy: Policy, receivables: [Receivable], creditorHolds: [String] = []) {
        self.creditor = creditor
        self.today = today
        self.policy = policy
        self.receivables = receivables
        self.creditorHolds = creditorHolds
    }
}
