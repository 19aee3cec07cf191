import RelanceCore

/// The words of review mode's approvals, a person's do-not-remind and the sessions, per language
/// (the templates read them as `w.…`, through `reviewWords`).
extension ConsoleWording {
    var reviewWords: [String: String] {
        switch language {
        case .french: [
            "approveMessage": "Approuver et envoyer",
            "skipAwaiting": "Écarter (ne pas envoyer)",
            "awaitingHint": "Mode relecture : rien ne part sans votre accord. Approuvée, la relance part telle quelle ; "
                + "écartée, l’étape compte comme faite.",
            "doNotRemindTitle": "Ne pas relancer",
            "doNotRemindReason": "Motif",
            "doNotRemindButton": "Ne plus relancer ce client",
            "doNotRemindRemove": "Relancer à nouveau",
            "doNotRemindPersonHint": "Aucune relance tant que ce marquage reste ; un fichier de contacts ne l’efface pas.",
        ]
        case .english: [
            "approveMessage": "Approve and send",
            "skipAwaiting": "Skip (do not send)",
            "awaitingHint": "Review mode: nothing leaves without your approval. If you approve a reminder, it is sent as it stands; "
                + "if you skip it, its step counts as taken.",
            "doNotRemindTitle": "Do not remind",
            "doNotRemindReason": "Reason",
            "doNotRemindButton": "Stop reminding this customer",
            "doNotRemindRemove": "Remind again",
            "doNotRemindPersonHint": "No reminders are sent while this mark stays; a contacts file does not clear it.",
        ]
        }
    }

    var doNotRemindNeedsReason: String {
        switch language {
        case .french: "Indiquez un motif, sur une ligne, de 1 à \(PersonDoNotRemind.maximumReasonLength) caractères."
        case .english: "Give a reason, on one line, 1 to \(PersonDoNotRemind.maximumReasonLength) characters."
        }
    }

    /// "Marqué « ne pas relancer » par marie le 03/12/2026 : client en liquidation."
    func doNotRemindBy(_ flag: PersonDoNotRemind, on day: CivilDate) -> String {
        switch language {
        case .french: "Marqué \(quoted("ne pas relancer")) par \(flag.setBy) le \(date(day)) : \(flag.reason)"
        case .english: "Marked do-not-remind by \(flag.setBy) on \(date(day)): \(flag.reason)"
        }
    }
}
