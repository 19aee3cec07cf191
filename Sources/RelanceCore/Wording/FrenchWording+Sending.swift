extension FrenchWording {
    /// What came from elsewhere (a server, the system) is quoted in « », untranslated.
    public func sendFailure(_ failure: SendFailure) -> String {
        switch failure {
        case .reported(let text):
            "\(quoted(text))"
        case .smtp(let failure):
            smtpFailure(failure)
        case .setting(let fault):
            settingFault(fault)
        case .notAttempted:
            "envoi non tenté"
        case .addressRefused(let address, let reply):
            "le serveur a refusé l'adresse \(address) : \(quoted(reply))"
        case .archiveRefused(let address, let reply):
            "le serveur a refusé la copie d'archive (archive_bcc, \(address)) : après un incident, la reprise ne trouverait "
                + "aucune preuve de l'envoi et renverrait le message ; réponse du serveur : \(quoted(reply))"
        case .everyRecipientRefused(let replies):
            "tous les destinataires ont été refusés : "
                + replies.map { "\($0.address) : \(quoted($0.reply))" }.joined(separator: listSeparator)
        case .everyRecipientRefusedAtOnce(let failure):
            "tous les destinataires ont été refusés d'un coup, pour une raison sans rapport avec leurs adresses : \(sendFailure(failure))"
        case .outboxFolderUnwritable(let folder, let error):
            "impossible d'écrire dans le dossier \(folder) : \(quoted(error))"
        case .outboxFileNotRenamed(let file, let error):
            "impossible de renommer le fichier \(file) : \(quoted(error))"
        case .gaveUp(let attempts, let last):
            "abandon après \(attempts) \(attempts > 1 ? "tentatives" : "tentative") ; dernière erreur : \(sendFailure(last))"
        }
    }

    public func messageNotSentTitle(messageID: Int64, failure: SendFailure) -> String {
        "La relance n°\u{00A0}\(messageID) n'a pas pu être envoyée : \(sendFailure(failure))"
    }
}
