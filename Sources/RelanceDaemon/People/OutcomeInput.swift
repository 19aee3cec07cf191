import Foundation
public import RelanceCore

/// A task's outcome as a person typed it — `relance tasks done`'s options or the console's form
/// fields, as text — read into a `TaskOutcome` by one parser, so that both accept the same
/// words, dates and amounts and refuse the same mistakes. Pure.
public struct OutcomeInput: Sendable, Hashable {
    public var outcome: String
    public var date: String?
    public var amount: String?
    public var invoices: [String]
    public var reason: String?
    public var means: String?
    public var phone: String?
    public var email: String?
    public var tracking: String?
    public var acknowledged: String?
    public var note: String?

    /// The outcomes' codes, in the order people are offered them.
    public static let codes = ["promised", "dispute", "dispute-resolved", "paid", "wrong-number", "new-address", "no-answer", "letter-posted", "done", "cancelled"]

    /// Blank fields count as absent (an empty form field is not a value).
    public init(outcome: String, date: String? = nil, amount: String? = nil, invoices: [String] = [], reason: String? = nil,
                means: String? = nil, phone: String? = nil, email: String? = nil, tracking: String? = nil,
                acknowledged: String? = nil, note: String? = nil) {
        func field(_ text: String?) -> String? {
            text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        self.outcome = outcome.trimmingCharacters(in: .whitespaces)
        self.date = field(date)
        self.amount = field(amount)
        // A form has one field for several numbers: commas or semicolons between them (a number may hold a space).
        self.invoices = invoices.flatMap { $0.split(whereSeparator: { $0 == "," || $0 == ";" }) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        self.reason = field(reason)
        self.means = field(means)
        self.phone = field(phone)
        self.email = field(email)
        self.tracking = field(tracking)
        self.acknowledged = field(acknowledged)
        self.note = field(note)
    }

    /// The outcome, or what is wrong with the input (which field, what it held, what was expected).
    public func parsed(currency: Currency = .euro) throws(OutcomeInputError) -> TaskOutcome {
        func day(_ text: String?, _ field: String) throws(OutcomeInputError) -> CivilDate? {
            guard let text else { return nil }
            guard let date = OutcomeValues.date(text) else { throw OutcomeInputError(.unreadableDate, field: field, value: text, outcome: outcome) }
            return date
        }
        func required<T>(_ value: T?, _ field: String) throws(OutcomeInputError) -> T {
            guard let value else { throw OutcomeInputError(.missing, field: field, value: nil, outcome: outcome) }
            return value
        }
        switch outcome {
        case "promised":
            var money: Money?
            if let amount {
                guard let read = OutcomeValues.amount(amount, currency: currency) else {
                    throw OutcomeInputError(.unreadableAmount, field: "amount", value: amount, outcome: outcome)
                }
                money = read
            }
            return .promisedToPay(on: try required(try day(date, "date"), "date"), amount: money)
        case "dispute": return .dispute(invoices: invoices, reason: reason ?? note)
        case "dispute-resolved": return .disputeResolved(invoices: invoices, note: note ?? reason)
        case "paid": return .paid(on: try day(date, "date"), means: means ?? note)
        case "wrong-number": return .wrongNumber(phone: phone)
        case "new-address":
            let text = try required(email, "email")
            guard let address = EmailAddress(text) else { throw OutcomeInputError(.notAnEmail, field: "email", value: text, outcome: outcome) }
            return .newAddress(address)
        case "no-answer": return .noAnswer
        case "letter-posted", "letter-sent":
            return .letterPosted(on: try required(try day(date, "date"), "date"), trackingNumber: tracking,
                                 acknowledgedOn: try day(acknowledged, "acknowledged"))
        case "done": return .done(note: note)
        case "cancelled": return .cancelled(reason: reason ?? note ?? "")
        default: throw OutcomeInputError(.unknownOutcome, field: "outcome", value: outcome, outcome: outcome)
        }
    }
}

/// What is wrong with an `OutcomeInput`; each channel says it in its own terms (the CLI names
/// its `--option`, the console its form field in the user's language).
public struct OutcomeInputError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: String, Sendable, Hashable {
        case missing, unreadableDate, unreadableAmount, notAnEmail, unknownOutcome
    }

    public var problem: Problem
    /// The input's field: `date`, `amount`, `email`, `acknowledged` or `outcome`.
    public var field: String
    public var value: String?
    public var outcome: String

    public init(_ problem: Problem, field: String, value: String?, outcome: String) {
        self.problem = problem
        self.field = field
        self.value = value
        self.outcome = outcome
    }

    /// In the CLI's terms (`--date 31/02/2027: …`), in English (logs, errors without a creditor).
    public var description: String { worded(EnglishWording()) }

    /// In the CLI's terms, in the creditor's words.
    public func worded(_ words: any Wording) -> String {
        let option = "--\(field)"
        switch problem {
        case .missing: return words.outcomeOptionMissing(outcome: outcome, option: option)
        case .unreadableDate: return words.outcomeOptionNotADate(option: option, value: value ?? "")
        case .unreadableAmount: return words.outcomeOptionNotAnAmount(option: option, value: value ?? "")
        case .notAnEmail: return words.outcomeOptionNotAnEmail(option: option, value: value ?? "")
        case .unknownOutcome: return words.outcomeUnknown(value ?? "", known: OutcomeInput.codes)
        }
    }
}
