extension FrenchWording {
    public func messageSentBeforeInterruption(messageID: Int64, evidence: InterruptionEvidence) -> String {
        "Le message n°\u{00A0}\(messageID) était en cours d'envoi quand Relance s'est arrêté ; \(interruptionEvidence(evidence)) : il est donc parti et ne sera pas renvoyé."
    }

    public func messageRequeuedAfterInterruption(messageID: Int64, evidence: InterruptionEvidence) -> String {
        "Le message n°\u{00A0}\(messageID) était en cours d'envoi quand Relance s'est arrêté ; \(interruptionEvidence(evidence)) : le serveur ne l'a jamais reçu, il est renvoyé."
    }

    public func messageHeldAfterInterruption(messageID: Int64, reason: InterruptionHoldReason) -> String {
        "Le message n°\u{00A0}\(messageID) était en cours d'envoi quand Relance s'est arrêté : il a pu parvenir au serveur, ou non. Il est retenu plutôt que renvoyé à l'aveugle (\(interruptionHoldReason(reason))) ; vérifiez la boîte du destinataire ou le dossier des messages envoyés, puis envoyez-le ou annulez-le."
    }

    public func interruptionEvidence(_ evidence: InterruptionEvidence) -> String {
        switch evidence {
        case .copyFound(let messageID, let source): "une copie portant le Message-ID \(messageID) se trouve dans \(source)"
        case .noCopy(let messageID, let source, let seconds):
            "aucune copie portant le Message-ID \(messageID) ne se trouve dans \(source) \(seconds) s après la tentative"
        }
    }

    public func interruptionHoldReason(_ reason: InterruptionHoldReason) -> String {
        switch reason {
        case .noEvidenceSource: "aucune source de preuve n'est configurée : renseignez `archive_bcc` ou `sent_copy_lookup`"
        }
    }

    public func checkHeldMessageTitle(messageID: Int64, recipients: [String]) -> String {
        "Vérifier si la relance n°\u{00A0}\(messageID) est parvenue à \(recipients.joined(separator: ", ")) avant de la renvoyer ou de l'annuler"
    }

    public func messageCopiedToSent(messageID: Int64, folder: String) -> String {
        "Une copie du message n°\u{00A0}\(messageID) a été déposée dans le dossier \(quoted(folder))."
    }

    public func addressRefusedByServer(address: String, role: String?, messageID: Int64, reply: String) -> String {
        let as_ = role == "cc" ? "en copie" : "destinataire"
        return "Le serveur a refusé l'adresse \(address) (\(as_)) du message n°\u{00A0}\(messageID) comme erronée : \(reply)"
    }

    public func outboxPausedTitle(creditor: String, reason: String) -> String {
        "Les envois du créancier \(creditor) sont en pause : \(reason)"
    }

    public func retentionPurged(messages: Int, inbound: Int, bankEntries: Int, customers: Int, events: Int, documents: Int) -> String {
        return "Purge de conservation : \(counted(messages, "contenu de message envoyé", "contenus de messages envoyés")) et "
            + "\(counted(inbound, "courriel reçu", "courriels reçus")) effacés, "
            + "payeurs et libellés \(bankEntries > 1 ? "de \(bankEntries) écritures bancaires" : "de \(bankEntries) écriture bancaire") effacés, "
            + "\(counted(customers, "client inactif anonymisé", "clients inactifs anonymisés")) "
            + "(\(counted(events, "ligne du journal expurgée", "lignes du journal expurgées")), "
            + "\(counted(documents, "document de facture libéré", "documents de facture libérés")))."
    }

    public func bankReceiptsRematched(_ count: Int) -> String {
        count > 1 ? "\(count) encaissements restés sans facture sont maintenant rapprochés des factures de cet import."
            : "1 encaissement resté sans facture est maintenant rapproché des factures de cet import."
    }
}
