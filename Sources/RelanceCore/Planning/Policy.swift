/// A named dunning ladder: the ordered steps a late invoice goes through.
public struct Policy: Sendable, Hashable, Codable {
    public var name: String
    public var steps: [PolicyStep]
    /// Calendar days that must separate two contacts with the same customer.
    public var minimumDaysBetweenContacts: Int

    public init(name: String, steps: [PolicyStep], minimumDaysBetweenContacts: Int = 7) {
        self.name = name
        self.steps = steps
        self.minimumDaysBetweenContacts = minimumDaysBetweenContacts
    }

    /// The email part of the French ladder: a polite reminder a few days after the due date,
    /// a firmer one, then a last one before the formal steps.
    public static let standard = Policy(name: "standard", steps: [
        PolicyStep(name: "first-reminder", channel: .email, trigger: .afterDue(days: 3)),
        PolicyStep(name: "second-reminder", channel: .email, trigger: .afterPrevious(days: 12)),
        PolicyStep(name: "final-reminder", channel: .email, trigger: .afterPrevious(days: 12)),
    ])
}

public struct PolicyStep: Sendable, Hashable, Codable {
    /// The step's name, which is also the name of its template in `mail-templates/`.
    public var name: String
    public var channel: Channel
    public var trigger: Trigger

    public init(name: String, channel: Channel, trigger: Trigger) {
        self.name = name
        self.channel = channel
        self.trigger = trigger
    }

    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        case email
        case phone
        case letter
        case registeredLetter = "registered-letter"
        case formalNotice = "formal-notice"
        case legalAction = "legal-action"
        case handOff = "hand-off"
    }

    public enum Trigger: Sendable, Hashable, Codable {
        /// Days after the due date; negative for a courtesy reminder before it.
        case afterDue(days: Int)
        /// Days after the previous step was taken.
        case afterPrevious(days: Int)
    }
}
