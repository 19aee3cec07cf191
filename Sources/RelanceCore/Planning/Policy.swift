/// A named dunning ladder: the ordered steps a late invoice goes through, and the rules
/// that pace them.
public struct Policy: Sendable, Hashable, Codable {
    public var name: String
    public var steps: [PolicyStep]
    /// Business days that must separate two contacts with the same customer.
    public var minimumBusinessDaysBetweenContacts: Int
    /// Calendar days a formal notice gives the customer to pay.
    public var formalNoticeDeadlineDays: Int
    /// Business days the step after a task waits for the task's outcome before the task is
    /// escalated and the ladder goes on.
    public var taskOutcomeWaitBusinessDays: Int
    /// A customer whose net balance (in this currency) is at or below this amount gets nothing.
    /// Other currencies are compared with zero.
    public var minimumNetBalance: Money
    /// Calendar days a letter may stay unposted before its task is escalated to a person (the
    /// ladder waits for the posting all the same); nil: the creditor's `escalate_after_days`.
    public var escalateAfterDays: Int?
    /// Calls without an answer, each on another business day, before the ladder's next step.
    public var noAnswerAttempts: Int = 3
    /// Days an invoice the customer says it paid waits for the ledger before the accountant checks.
    public var paidWaitDays: Int = 10

    public init(name: String, steps: [PolicyStep], minimumBusinessDaysBetweenContacts: Int = 5,
                formalNoticeDeadlineDays: Int = 8, taskOutcomeWaitBusinessDays: Int = 5,
                minimumNetBalance: Money = .zero(.euro)) {
        self.name = name
        self.steps = steps
        self.minimumBusinessDaysBetweenContacts = minimumBusinessDaysBetweenContacts
        self.formalNoticeDeadlineDays = formalNoticeDeadlineDays
        self.taskOutcomeWaitBusinessDays = taskOutcomeWaitBusinessDays
        self.minimumNetBalance = minimumNetBalance
    }

    public func index(of stepName: String) -> Int? { steps.firstIndex { $0.name == stepName } }

    /// What a recorded outcome depends on, in the creditor's language.
    public func outcomeSettings(language: Language) -> TaskOutcomeSettings {
        TaskOutcomeSettings(noAnswerAttempts: noAnswerAttempts, paidWaitDays: paidWaitDays, language: language)
    }

    /// The French ladder: a courtesy email before the due date, two reminders, a phone call,
    /// a last email, then the formal steps — a letter recalling what was done, a registered
    /// letter, a formal notice (mise en demeure), and legal action (small-claims procedure up to
    /// 5,000 €, injonction de payer above).
    public static let standardFrench = Policy(name: "standard-fr", steps: ladder(lastStep: PolicyStep(
        name: "legal-action", channel: .legalAction, trigger: .afterPrevious(days: 15),
        conditions: StepConditions(minimumOpenAmount: Money(minorUnits: 10_000, currency: .euro)))))

    /// The same ladder for customers abroad, where French procedures do not reach: it ends with
    /// a hand-off to a collection agency.
    public static let standardEnglish = Policy(name: "standard-en", steps: ladder(lastStep: PolicyStep(
        name: "hand-off", channel: .handOff, trigger: .afterPrevious(days: 15))))

    /// The default policy of a creditor that names none: the French ladder.
    public static let standard: Policy = {
        var policy = standardFrench
        policy.name = "standard"
        return policy
    }()

    /// The policies every configuration knows without declaring them.
    public static let builtIn: [Policy] = [standard, standardFrench, standardEnglish]

    private static func ladder(lastStep: PolicyStep) -> [PolicyStep] {
        [
            PolicyStep(name: "courtesy-reminder", channel: .email, trigger: .afterDue(days: -3)),
            PolicyStep(name: "first-reminder", channel: .email, trigger: .afterDue(days: 5)),
            PolicyStep(name: "second-reminder", channel: .email, trigger: .afterPrevious(days: 15)),
            PolicyStep(name: "phone-call", channel: .phone, trigger: .afterPrevious(days: 7)),
            PolicyStep(name: "final-reminder", channel: .email, trigger: .afterPrevious(days: 7)).attachingStatement(),
            PolicyStep(name: "formal-letter", channel: .letter, trigger: .afterPrevious(days: 10)),
            PolicyStep(name: "registered-letter", channel: .registeredLetter, trigger: .afterPrevious(days: 10)),
            PolicyStep(name: "formal-notice", channel: .formalNotice, trigger: .afterPrevious(days: 10)),
            lastStep,
        ]
    }
}

public struct PolicyStep: Sendable, Hashable, Codable {
    /// The step's name, recorded in each invoice's history.
    public var name: String
    public var channel: Channel
    public var trigger: Trigger
    /// The template that renders the message or document; the step's name by default.
    public var template: String
    /// Email steps: attach a statement of account (CSV) of every open item.
    public var attachStatement = false
    public var conditions: StepConditions

    public init(name: String, channel: Channel, trigger: Trigger, template: String? = nil,
                conditions: StepConditions = StepConditions()) {
        self.name = name
        self.channel = channel
        self.trigger = trigger
        self.template = template ?? name
        self.conditions = conditions
    }

    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        case email
        case phone
        case letter
        case registeredLetter = "registered-letter"
        case formalNotice = "formal-notice"
        case legalAction = "legal-action"
        case handOff = "hand-off"

        /// Formal documents demand payment of the invoices that reached the step and show the
        /// statutory amounts.
        public var isFormal: Bool {
            switch self {
            case .letter, .registeredLetter, .formalNotice, .legalAction, .handOff: true
            case .email, .phone: false
            }
        }
    }

    public enum Trigger: Sendable, Hashable, Codable {
        /// Days after the due date; negative for a courtesy reminder before it.
        case afterDue(days: Int)
        /// Days after the previous step was taken.
        case afterPrevious(days: Int)
        /// Business days after the previous step was taken, counted with the creditor's
        /// calendar (weekends and public holidays do not count): "7 business days later".
        case afterPreviousBusinessDays(days: Int)
    }
}

/// When a step applies at all. A step whose amount condition is not met is skipped (and
/// the skip is recorded); one whose lateness condition is not met yet waits.
public struct StepConditions: Sendable, Hashable, Codable {
    /// The customer's net open amount in this currency must be at least this. Invoices in
    /// another currency are not subject to it.
    public var minimumOpenAmount: Money?
    /// The invoice must be at least this many days late.
    public var minimumDaysLate: Int?

    public init(minimumOpenAmount: Money? = nil, minimumDaysLate: Int? = nil) {
        self.minimumOpenAmount = minimumOpenAmount
        self.minimumDaysLate = minimumDaysLate
    }
}

extension PolicyStep {
    /// The same step, asking for a statement of account attached to its email.
    public func attachingStatement(_ attach: Bool = true) -> PolicyStep {
        var step = self
        step.attachStatement = attach
        return step
    }
}
