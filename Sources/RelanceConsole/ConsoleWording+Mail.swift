import RelanceCore

/// The words of the Mail page for what the store keeps as identifiers: a reminder's step and
/// state (`first-reminder · awaiting-approval`), a received message's kind (`autoreply`), which
/// the page showed as they are, in English, on a French page.
extension ConsoleWording {
    /// The store's label in words: a reminder as Today names it (« première relance · mode
    /// relecture : à approuver »), a received message by its kind (« réponse automatique »). A
    /// label of another shape (none is written today) is shown as it is.
    func mailLabel(_ entry: MailLogEntry) -> String {
        switch entry.direction {
        case .received:
            return inboundKind(entry.label)
        case .sent:
            // `AppDatabase`'s and `PostgresStore`'s mail log write `step · state`.
            let parts = entry.label.components(separatedBy: " · ")
            guard parts.count == 2, let state = OutboxState(rawValue: parts[1]) else { return entry.label }
            return language.wording.stepName(parts[0]) + " · " + messageState(state)
        }
    }

    /// « envoyé » only for a reminder that left; one awaiting approval, queued, held or cancelled
    /// is a « relance » (its state says the rest); « reçu » for a received message.
    func mailDirection(_ entry: MailLogEntry) -> String {
        switch entry.direction {
        case .received: return receivedMail
        case .sent: return entry.label.hasSuffix(" · " + OutboxState.sent.rawValue) ? sentMail : (language == .french ? "relance" : "reminder")
        }
    }

    /// `InboundKind`'s raw values (bounce, autoreply, complaint, delivery-report, reply, other).
    func inboundKind(_ raw: String) -> String {
        let french = language == .french
        switch raw {
        case "bounce": return french ? "courriel rejeté" : "bounce"
        case "autoreply": return french ? "réponse automatique" : "auto-reply"
        case "complaint": return french ? "plainte" : "complaint"
        case "delivery-report": return french ? "avis de remise" : "delivery report"
        case "reply": return french ? "réponse" : "reply"
        case "other": return french ? "autre" : "other"
        default: return raw
        }
    }
}
