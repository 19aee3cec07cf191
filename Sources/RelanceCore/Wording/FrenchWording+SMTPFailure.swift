extension FrenchWording {
    /// `SMTP : le serveur SMTP a refusé le message pour l'instant ; le serveur a répondu « 451 4.3.0 … ».
    /// Nouvel essai plus tard ; le message n'a pas été accepté.` — nos mots en français, ceux du
    /// serveur et de libcurl cités tels quels.
    public func smtpFailure(_ failure: SMTPFailure) -> String {
        var text = "SMTP : " + smtpSummary(failure.kind)
        if let detail = failure.detail { text += " (\(quoted(detail)))" }
        if let reply = failure.serverReply { text += " ; le serveur a répondu \(quoted(reply))" }
        if let message = failure.libcurl { text += " ; libcurl : \(quoted(message))" }
        return text + ". " + smtpAdvice(failure.kind)
    }

    private func smtpSummary(_ kind: SMTPFailure.Kind) -> String {
        switch kind {
        case .invalidConfiguration: "les réglages SMTP sont inutilisables"
        case .invalidEnvelopeAddress: "une adresse de l'enveloppe a été refusée avant la connexion"
        case .connectFailed: "connexion impossible au serveur SMTP"
        case .tlsFailed: "la négociation TLS avec le serveur SMTP a échoué"
        case .certificateUntrusted: "le certificat du serveur SMTP n'a pas pu être vérifié"
        case .caFileUnreadable: "le fichier d'autorité (ca_file) est illisible"
        case .startTLSUnavailable: "le serveur SMTP ne propose pas STARTTLS, qui est exigé"
        case .authenticationFailed: "le serveur SMTP a refusé l'identification"
        case .senderRefused: "le serveur SMTP a refusé l'expéditeur de l'enveloppe"
        case .allRecipientsRefused: "le serveur SMTP a refusé tous les destinataires"
        case .temporaryFailure: "le serveur SMTP a refusé le message pour l'instant"
        case .permanentFailure: "le serveur SMTP a refusé le message"
        case .timeout: "le serveur SMTP n'a pas répondu à temps"
        case .connectionLost: "la connexion au serveur SMTP a été perdue"
        case .cancelled: "l'envoi a été annulé"
        case .protocolError: "l'échange SMTP s'est mal passé"
        case .resourceUnavailable: "libcurl n'a pas pu démarrer ou a manqué de mémoire"
        case .handOverDeadlinePassed: "le message n'a pas été remis : son délai est passé avant (rien n'a été livré)"
        }
    }

    private func smtpAdvice(_ kind: SMTPFailure.Kind) -> String {
        switch kind {
        case .invalidConfiguration: "Corrigez host ou port dans la configuration (ou le nom EHLO)."
        case .invalidEnvelopeAddress: "Corrigez l'adresse à sa source ; elle n'a été envoyée nulle part."
        case .connectFailed: "Vérifiez host et port, et que le serveur fonctionne et est joignable."
        case .tlsFailed: "Vérifiez que security correspond au port : security = \"tls\" pour 465, \"starttls\" pour 587."
        case .certificateUntrusted:
            "Si le serveur utilise une autorité de certification privée, indiquez son fichier PEM dans ca_file ; vérifiez que host est le nom inscrit sur le certificat."
        case .caFileUnreadable: "Vérifiez que ca_file désigne un fichier PEM lisible."
        case .startTLSUnavailable:
            "Utilisez le port 587 avec security = \"starttls\" ou le port 465 avec security = \"tls\" ; security = \"plain\" ne sert que pour un serveur sur cette machine."
        case .authenticationFailed: "Vérifiez username et le secret de password_credential (ou renouvelez le jeton d'oauth2_token_credential)."
        case .senderRefused: "Vérifiez que le compte a le droit d'envoyer sous cette adresse d'expéditeur."
        case .allRecipientsRefused:
            "Lisez la réponse faite à chaque destinataire : X.1.x dit l'adresse erronée, X.7.x un refus qui nous vise (identification, relais), 4xx un nouvel essai plus tard."
        case .temporaryFailure: "Nouvel essai plus tard ; le message n'a pas été accepté."
        case .permanentFailure: "Ne pas réessayer tel quel ; lisez la réponse du serveur."
        case .timeout:
            "Nouvel essai plus tard ; si le serveur n'a rien répondu du tout, vérifiez que security correspond au port (465 demande security = \"tls\")."
        case .connectionLost: "Nouvel essai : la connexion sera rouverte."
        case .cancelled: "Rien à faire ; annulé après l'envoi du contenu, le message a pu être accepté ou non."
        case .protocolError: "Consultez l'échange enregistré ; le serveur n'est peut-être pas un serveur SMTP."
        case .resourceUnavailable: "Vérifiez l'installation de libcurl et la mémoire disponible."
        case .handOverDeadlinePassed: "Rien à faire ; le message pourra repartir (l'envoi était en pause ou trop lent)."
        }
    }
}
