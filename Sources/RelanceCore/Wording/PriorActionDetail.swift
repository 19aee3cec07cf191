/// What a prior action's recorded detail means. The planner records a task's outcome by its
/// `TaskOutcome.summary` (and a contact made by hand by a fixed sentence); this reads them back
/// so that each language can word them.
enum PriorActionDetail: Hashable {
    case outcome(TaskOutcome)
    case manualContact

    static let manualContactSummary = "contact made by hand before Relance (contacts file)"

    init?(_ summary: String) {
        if summary == Self.manualContactSummary {
            self = .manualContact
            return
        }
        func date(after prefix: String) -> CivilDate? {
            summary.hasPrefix(prefix) ? CivilDate(iso8601: summary.dropFirst(prefix.count)) : nil
        }
        if let day = date(after: "promised to pay on ") { self = .outcome(.promisedToPay(on: day)); return }
        if let day = date(after: "acknowledgement of receipt signed on ") { self = .outcome(.acknowledged(on: day)); return }
        if summary.hasPrefix("disputes invoice ") {
            self = .outcome(.dispute(invoice: String(summary.dropFirst("disputes invoice ".count))))
            return
        }
        if summary.hasPrefix("letter sent (tracking number "), summary.hasSuffix(")") {
            self = .outcome(.letterSent(trackingNumber: String(summary.dropFirst("letter sent (tracking number ".count).dropLast())))
            return
        }
        switch summary {
        case "wrong number": self = .outcome(.wrongNumber)
        case "says it has paid": self = .outcome(.paid)
        case "no answer": self = .outcome(.noAnswer)
        case "letter sent": self = .outcome(.letterSent(trackingNumber: nil))
        case "done": self = .outcome(.done(note: nil))
        default:
            if summary.hasPrefix("done: ") { self = .outcome(.done(note: String(summary.dropFirst(6)))); return }
            return nil
        }
    }
}
