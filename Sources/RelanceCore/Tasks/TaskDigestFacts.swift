/// What the digest tells about the task model, as plain data (the digest renders it):
/// letters waiting to be posted, promises due today, escalated tasks, and the outcomes
/// people sent by email since the last digest — acknowledged, or refused with why.
public struct TaskDigestFacts: Sendable, Hashable {
    public struct Promise: Sendable, Hashable {
        public var customerID: Int64
        public var until: CivilDate
        public var reason: String
    }

    public var lettersToPost: [WorkTask] = []
    public var promisesDueToday: [Promise] = []
    public var escalated: [WorkTask] = []
    public var acknowledged: [RecordedTaskOutcome] = []
    /// Emailed outcomes that were not recorded, each with why (journal summaries).
    public var refused: [String] = []

    public init() {}

    public static func build(openTasks: [WorkTask], holds: [CustomerHold], today: CivilDate,
                             acknowledged: [RecordedTaskOutcome], refused: [String]) -> TaskDigestFacts {
        var facts = TaskDigestFacts()
        facts.lettersToPost = openTasks.filter { $0.state == .open && $0.kind.needsPosting }
        facts.escalated = openTasks.filter { $0.state == .open && $0.escalatedAt != nil }
        facts.promisesDueToday = holds.filter { $0.kind == .promise && $0.until == today }
            .map { Promise(customerID: $0.customerID, until: today, reason: $0.reason) }
        facts.acknowledged = acknowledged
        facts.refused = refused
        return facts
    }

    public var isEmpty: Bool {
        lettersToPost.isEmpty && promisesDueToday.isEmpty && escalated.isEmpty && acknowledged.isEmpty && refused.isEmpty
    }
}
