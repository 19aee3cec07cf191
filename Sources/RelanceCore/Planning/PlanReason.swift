/// Why the planner acted, waited or skipped, kept as the facts and worded only when someone
/// reads it (`text`), in the creditor's language.
///
/// A large book's plan has a reason for every open invoice, and most are never read: the
/// daemon journals only the customers' holds, and `relance plan` prints no reason for a
/// contact. Wording every one while planning was a tenth of `relance plan`'s CPU on 100,000
/// invoices (benchmarks/plan.sh). The reasons the planner gives for nearly every invoice or
/// contact are facts here; the rare ones arrive worded (`worded`). The words themselves stay
/// in each language's `Wording` (`ReasonWording.reason(_:)`).
///
/// Two reasons are equal when their words are: a reason decoded from JSON (worded) equals the
/// one planned from the same facts.
public struct PlanReason: Sendable, Hashable, Codable {
    public enum Facts: Sendable {
        /// `ReasonWording.stepBeforeDue`.
        case stepBeforeDue(step: String, daysLate: Int)
        /// `ReasonWording.notYetDue`; the days as days since the epoch, to keep a reason small.
        case notYetDue(daysLate: Int, dueDay: Int, step: String, onDay: Int)
        /// `ReasonWording.ladderComplete`.
        case ladderComplete(policy: String)
        /// `ReasonWording.contactPlanned`.
        case contactPlanned(step: String, invoices: [PlannedInvoice], reviewMode: Bool)
        /// `ReasonWording.taskPlanned`.
        case taskPlanned(step: String, kind: WorkTask.Kind, invoices: [PlannedInvoice], reviewMode: Bool)
        /// A reason worded already.
        case worded(String)
    }

    public var facts: Facts
    /// The language `text` is worded in: the creditor's, as the planner's other words.
    public var language: Language

    public init(_ facts: Facts, in language: Language) {
        self.facts = facts
        self.language = language
    }

    /// A reason worded already (its language no longer matters).
    public static func worded(_ text: String) -> PlanReason {
        PlanReason(.worded(text), in: .french)
    }

    /// The reason in words.
    public var text: String {
        if case .worded(let text) = facts { return text }
        return language.wording.reason(facts)
    }

    public static func == (lhs: PlanReason, rhs: PlanReason) -> Bool { lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Encoded as its words, as when reasons were strings (`relance plan --json`).
    public init(from decoder: any Decoder) throws {
        self = .worded(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
