import Foundation

/// Review mode's approvals and a person's do-not-remind, in English.
extension EnglishWording {
    public func messageAwaitingApproval(step: String, to: [String], invoices: Int, plannedOn: CivilDate) -> String {
        "Review mode: \(stepName(step)) to \(to.joined(separator: ", ")) for \(counted(invoices, "invoice", "invoices")), planned for \(date(plannedOn)), awaits a person's approval."
    }

    public func messageApproval(messageID: Int64, approved: Bool, by person: String) -> String {
        approved ? "Message #\(messageID) approved by \(person): queued for sending."
            : "Message #\(messageID) skipped by \(person): it will not be sent."
    }

    public func heldMessageDecision(messageID: Int64, released: Bool, by person: String, wasFailed: Bool) -> String {
        let was = wasFailed ? "it had failed" : "it was held"
        return released ? "Message #\(messageID) sent again as it was, on \(person)'s decision (\(was))."
            : "Message #\(messageID) skipped by \(person): it will not be sent (\(was))."
    }

    public func doNotRemindSet(customer: String, reason: String, by person: String) -> String {
        "Customer \(customer) marked do-not-remind by \(person): \(reason)."
    }

    public func doNotRemindRemoved(customer: String, reason: String, by person: String) -> String {
        "Do-not-remind removed from customer \(customer) by \(person) (it said: \(reason))."
    }

    public func doNotRemindByPersonReason(by person: String, since: CivilDate, why: String) -> String {
        "marked do-not-remind by \(person) on \(date(since)) (\(why))"
    }
}
