/// Everything the planner needs, gathered by the caller: the planner itself reads no
/// clock, no store and no configuration file, so the same input always gives the same plan.
public struct PlanningInput: Sendable {
    public var creditor: CreditorID
    /// Today in the creditor's time zone.
    public var today: CivilDate
    /// The creditor's default policy; a customer's `CustomerState.policy` overrides it.
    public var policy: Policy
    public var receivables: [Receivable]
    /// Extra reasons that hold every contact for this creditor today, as free text.
    public var creditorHolds: [String]
    /// Review mode, pause, and how fresh the ledger is.
    public var creditorState: CreditorState
    /// What is known about each customer beyond the ledger, by `CustomerSummary.id`.
    /// A customer absent here has no pause, no task, no dispute.
    public var customers: [Int64: CustomerState]
    /// Business days: nothing is planned on other days, and intervals count business days.
    public var calendar: any BusinessCalendar
    /// Late-payment interest and indemnities for the formal steps.
    public var terms: LatePaymentTerms
    /// The creditor's language: how amounts and days are written in the plan's reasons (`TaskWords`).
    public var language: Language = .french
    /// The creditor's `escalate_after_days` (its digest's), unless the policy sets its own.
    public var escalateAfterDays: Int = 3

    public init(creditor: CreditorID, today: CivilDate, policy: Policy, receivables: [Receivable],
                creditorHolds: [String] = [], creditorState: CreditorState = CreditorState(),
                customers: [Int64: CustomerState] = [:], calendar: any BusinessCalendar = FrenchBusinessCalendar(),
                terms: LatePaymentTerms = .french) {
        self.creditor = creditor
        self.today = today
        self.policy = policy
        self.receivables = receivables
        self.creditorHolds = creditorHolds
        self.creditorState = creditorState
        self.customers = customers
        self.calendar = calendar
        self.terms = terms
    }
}
