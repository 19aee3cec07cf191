import RelanceCore

/// The words of the Mail page for what the store keeps as identifiers: a reminder's step and
/// state (`first-reminder`, `awaiting-approval`), a received message's kind (`autoreply`), which
/// the page showed as they are, in English, on a French page.
extension ConsoleWording {
    /// The entry in words: a reminder as Today names it (« première relance · mode relecture : à
    /// approuver »), a received message by its kind (« réponse automatique »).
    func mailLabel(_ entry: MailLogEntry) -> String {
        switch entry.what {
        case .received(let kind): inboundKind(kind)
        case .reminder(let step, let state): language.wording.stepName(step) + " · " + messageState(state)
        }
    }

    /// « envoyé » only for a reminder that left; one awaiting approval, queued, held or cancelled
    /// is a « relance » (its state says the rest); « reçu » for a received message.
    func mailDirection(_ entry: MailLogEntry) -> String {
        switch entry.what {
        case .received: receivedMail
        case .reminder(_, .sent): sentMail
        case .reminder: reminderMail
        }
    }

    /// `InboundKind`'s raw values (bounce, autoreply, complaint, delivery-report, reply, other);
    /// another is shown as it is.
    func inboundKind(_ raw: String) -> String { inboundKinds[raw] ?? raw }
}
