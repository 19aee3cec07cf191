import Foundation

/// Review mode's approvals and a person's « ne pas relancer », en français.
extension FrenchWording {
    public func messageAwaitingApproval(step: String, to: [String], invoices: Int, plannedOn: CivilDate) -> String {
        let invoiceWord = invoices > 1 ? "factures" : "facture"
        return "Mode relecture : relance (\(stepName(step))) pour \(to.joined(separator: ", ")) sur \(invoices) \(invoiceWord), "
            + "prévue le \(date(plannedOn)), en attente d'approbation."
    }

    public func messageApproval(messageID: Int64, approved: Bool, by person: String) -> String {
        approved ? "Message n°\u{00A0}\(messageID) approuvé par \(person) : il part à l'envoi."
            : "Message n°\u{00A0}\(messageID) écarté par \(person) : il ne sera pas envoyé."
    }

    public func heldMessageDecision(messageID: Int64, released: Bool, by person: String, wasFailed: Bool) -> String {
        let was = wasFailed ? "il était en échec" : "il était retenu"
        return released ? "Message n°\u{00A0}\(messageID) renvoyé tel quel sur décision \(FrenchPreposition.de(person)) (\(was))."
            : "Message n°\u{00A0}\(messageID) écarté par \(person) : il ne sera pas envoyé (\(was))."
    }

    public func doNotRemindSet(customer: String, reason: String, by person: String) -> String {
        "Client \(customer) marqué «\u{00A0}ne pas relancer\u{00A0}» par \(person) : \(reason)."
    }

    public func doNotRemindRemoved(customer: String, reason: String, by person: String) -> String {
        "«\u{00A0}Ne pas relancer\u{00A0}» retiré du client \(customer) par \(person) (motif : \(reason))."
    }

    public func doNotRemindByPersonReason(by person: String, since: CivilDate, why: String) -> String {
        "marqué «\u{00A0}ne pas relancer\u{00A0}» par \(person) le \(date(since)) (\(why))"
    }
}
