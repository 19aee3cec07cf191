import Foundation

/// What a prior action's recorded detail means. The planner records a task's outcome by its
/// `TaskOutcome.summary` (and a contact made by hand by a fixed sentence); this reads them back
/// so that each language can word them.
public enum PriorActionDetail: Hashable, Sendable {
    case outcome(TaskOutcome)
    case manualContact

    static let manualContactSummary = "contact made by hand before Relance (contacts file)"

    public init?(_ summary: String) {
        if summary == Self.manualContactSummary {
            self = .manualContact
            return
        }
        func date(after prefix: String) -> CivilDate? {
            summary.hasPrefix(prefix) ? CivilDate(iso8601: summary.dropFirst(prefix.count)) : nil
        }
        if let day = date(after: "promised to pay on ") { self = .outcome(.promisedToPay(on: day)); return }
        // "promised to pay on 2027-01-15 for 912.00 EUR" (an amount, since v6-task-outcomes).
        if summary.hasPrefix("promised to pay on "), let separator = summary.range(of: " for ") {
            let words = summary[separator.upperBound...].split(separator: " ")
            if let day = CivilDate(iso8601: summary[summary.index(summary.startIndex, offsetBy: "promised to pay on ".count)..<separator.lowerBound]),
               words.count == 2, let currency = Currency(code: String(words[1])), let amount = Money(decimal: words[0], currency: currency) {
                self = .outcome(.promisedToPay(on: day, amount: amount))
                return
            }
        }
        if let day = date(after: "acknowledgement of receipt signed on ") { self = .outcome(.acknowledged(on: day)); return }
        if summary.hasPrefix("disputes invoice ") {
            self = .outcome(.dispute(invoices: summary.dropFirst("disputes invoice ".count).split(separator: ", ").map(String.init)))
            return
        }
        if summary.hasPrefix("letter sent (tracking number "), summary.hasSuffix(")") {
            self = .outcome(.letterSent(trackingNumber: String(summary.dropFirst("letter sent (tracking number ".count).dropLast())))
            return
        }
        switch summary {
        case "wrong number": self = .outcome(.wrongNumber())
        case "says it has paid": self = .outcome(.paid())
        case "disputes the invoices": self = .outcome(.dispute(invoices: []))
        case "no answer": self = .outcome(.noAnswer)
        case "letter sent": self = .outcome(.letterSent(trackingNumber: nil))
        case "done": self = .outcome(.done(note: nil))
        default:
            if summary.hasPrefix("done: ") { self = .outcome(.done(note: String(summary.dropFirst(6)))); return }
            return nil
        }
    }
}
