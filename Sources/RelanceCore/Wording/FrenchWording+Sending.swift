extension FrenchWording {
    /// What came from elsewhere (a server, the system) is quoted in « », untranslated.
    public func sendFailure(_ failure: SendFailure) -> String {
        switch failure {
        case .reported(let text):
            "«\u{00A0}\(text)\u{00A0}»"
        case .smtp(let failure):
            smtpFailure(failure)
        case .setting(let fault):
            settingFault(fault)
        case .notAttempted:
            "envoi non tenté"
        case .addressRefused(let address, let reply):
            "le serveur a refusé l'adresse \(address) : «\u{00A0}\(reply)\u{00A0}»"
        case .archiveRefused(let address, let reply):
            "le serveur a refusé la copie d'archive (archive_bcc, \(address)) : après un incident, la reprise ne trouverait "
                + "aucune preuve de l'envoi et renverrait le message ; réponse du serveur : «\u{00A0}\(reply)\u{00A0}»"
        case .everyRecipientRefused(let replies):
            "tous les destinataires ont été refusés : "
                + replies.map { "\($0.address) : «\u{00A0}\($0.reply)\u{00A0}»" }.joined(separator: listSeparator)
        case .everyRecipientRefusedAtOnce(let failure):
            "tous les destinataires ont été refusés d'un coup, pour une raison sans rapport avec leurs adresses : \(sendFailure(failure))"
        case .outboxFolderUnwritable(let failure):
            "impossible d'écrire dans le dossier d'envoi : \(fileSystemFailure(failure))"
        case .outboxFileNotRenamed(let failure):
            "impossible de donner son nom final au fichier : \(fileSystemFailure(failure))"
        case .gaveUp(let attempts, let last):
            "abandon après \(attempts) \(attempts > 1 ? "tentatives" : "tentative") ; dernière erreur : \(sendFailure(last))"
        }
    }

    public func messageGivenUpTitle(messageID: Int64, attempts: Int) -> String {
        "La relance n°\u{00A0}\(messageID) n'a pas pu être envoyée : abandon après \(attempts) \(attempts > 1 ? "tentatives" : "tentative")"
    }
}
