extension FrenchWording {
    public func outcomeOptionMissing(outcome: String, option: String) -> String {
        "`--outcome \(outcome)` demande `\(option)` (voir `relance tasks done --help`)"
    }

    public func outcomeOptionNotADate(option: String, value: String) -> String {
        "`\(option)` \(value) : une date s'écrit JJ/MM/AAAA ou AAAA-MM-JJ, par exemple 15/01/2027"
    }

    public func outcomeOptionNotAnAmount(option: String, value: String) -> String {
        "`\(option)` \(value) : un montant s'écrit 912,00"
    }

    public func outcomeOptionNotAnEmail(option: String, value: String) -> String {
        "`\(option)` \(value) : ce n'est pas une adresse de courriel"
    }

    public func outcomeUnknown(_ value: String, known: [String]) -> String {
        "`--outcome` \(value) : résultat inconnu ; résultats possibles : \(known.map { "`\($0)`" }.joined(separator: ", "))"
    }

    public func outcomeRefusedOnTask(taskID: Int64, why: String) -> String {
        "Tâche n°\u{00A0}\(taskID) : \(why)"
    }

    public func customerPaused(customer: String, creditor: String, until: CivilDate?) -> String {
        "Client \(customer) du créancier \(creditor) en pause " + (until.map { "jusqu'au \(date($0)) inclus." } ?? "jusqu'à sa reprise.")
    }

    public func creditorPaused(creditor: String, until: CivilDate?) -> String {
        "Créancier \(creditor) en pause " + (until.map { "jusqu'au \(date($0)) inclus" } ?? "jusqu'à sa reprise") + " : rien n'est envoyé."
    }

    public func invoiceWasNotDisputed(invoice: String, creditor: String) -> String {
        "La facture \(invoice) du créancier \(creditor) n'était pas contestée : rien n'a changé."
    }

    public func disputeResolvedByResume(invoice: String, creditor: String, taskID: Int64) -> String {
        "Facture \(invoice) du créancier \(creditor) : litige résolu (enregistré sur la tâche n°\u{00A0}\(taskID)) ; elle reprend sa place dans les relances."
    }

    public func customerResumed(customer: String, creditor: String) -> String {
        "Client \(customer) du créancier \(creditor) : les relances reprennent."
    }

    public func creditorResumed(creditor: String, outboxRetried: Bool) -> String {
        "Créancier \(creditor) : les relances reprennent"
            + (outboxRetried ? " ; ses envois, arrêtés sur une erreur, sont tentés à nouveau." : ".")
    }

    public func digestSentNow(creditor: String, day: CivilDate, recipients: [String]) -> String {
        "Point quotidien du \(date(day)) envoyé pour \(creditor) à \(recipients.joined(separator: ", "))."
    }

    public func digestNotSentNow(creditor: String, day: CivilDate) -> String {
        "Rien à faire pour \(creditor) le \(date(day)) : pas de point quotidien envoyé (send_when_empty = false)."
    }

    public func messagesNoneWaiting() -> String { "Aucune relance n'attend de décision." }

    public func messageForReview(id: Int64, creditor: String, step: String, state: OutboxState, recipients: [String], subject: String) -> String {
        let waits = switch state {
        case .awaitingApproval: "à approuver"
        case .held: "retenue : envoyée ou non ?"
        case .failed: "en échec après plusieurs essais"
        default: "en attente"
        }
        return "Message n°\u{00A0}\(id) (\(creditor)) · \(stepName(step)) · \(waits) · pour \(recipients.joined(separator: ", ")) : \(subject)"
    }

    public func messageWaitsBecause(_ reason: String) -> String { "motif : \(reason)" }

    public func messageDecided(id: Int64, decision: MessageReviewDecision, approving: Bool) -> String {
        switch decision {
        case .send where approving:
            "Message n°\u{00A0}\(id) approuvé et mis en file ; l'envoi l'annule encore si une facture a été réglée ou le client mis en pause depuis."
        case .send:
            "Message n°\u{00A0}\(id) remis en file ; l'envoi l'annule encore si une facture a été réglée ou modifiée depuis."
        case .skip:
            "Message n°\u{00A0}\(id) écarté : il ne sera pas envoyé."
        }
    }
}
