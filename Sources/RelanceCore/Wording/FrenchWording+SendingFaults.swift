extension FrenchWording {
    /// Les mots de la configuration : chaque panne nomme la clé à corriger (sous son nom, qui est
    /// ce que la personne modifie dans relance.toml) et la section où elle se trouve.
    public func settingFault(_ fault: SendingSettingFault) -> String {
        let server = fault.server, section = fault.section
        switch fault.kind {
        case .noGreeting:
            return "\(server) a accepté la connexion mais n'a envoyé aucun message d'accueil : il parle sans doute TLS dès le "
                + "premier octet (TLS implicite, comme sur le port 465). Indiquez security = \"tls\" dans \(section), ou utilisez "
                + "le port de soumission 587 avec security = \"starttls\"" + said(fault)
        case .handshakeExpectsStartTLS:
            return "la négociation TLS avec \(server) a échoué : le serveur commence sans doute en clair et attend STARTTLS "
                + "(comme sur les ports 587 et 25). Indiquez security = \"starttls\" dans \(section), ou utilisez le port 465 "
                + "avec security = \"tls\"" + said(fault)
        case .handshakeFailed:
            return "la négociation TLS avec \(server) a échoué. Vérifiez security dans \(section) (\"starttls\" pour le port 587, "
                + "\"tls\" pour le port 465) et ca_file" + said(fault)
        case .certificateUntrusted(let host, let caFile):
            let trust = caFile.map { "le fichier d'autorité ca_file = \"\($0)\"" } ?? "les autorités du système (aucun ca_file n'est indiqué)"
            return "le certificat de \(server) n'est pas reconnu par \(trust), ou ne porte pas le nom \(host). Si le serveur "
                + "utilise une autorité de certification privée, indiquez son fichier PEM dans ca_file de \(section) ; vérifiez "
                + "que host est bien le nom inscrit sur le certificat" + said(fault)
        case .caFileUnreadable(let caFile):
            return "ca_file = \"\(caFile)\" dans \(section) ne se lit pas comme un fichier PEM : corrigez le chemin ou les "
                + "droits du fichier" + said(fault)
        case .startTLSUnavailable:
            return "\(server) ne propose pas STARTTLS, qu'exige security = \"starttls\". Utilisez le port 587 avec "
                + "security = \"starttls\" ou le port 465 avec security = \"tls\" dans \(section)" + said(fault)
        case .loginRefused(let username, let credential):
            return "\(server) a refusé l'identification de username = \"\(username)\" : vérifiez le secret "
                + (credential.map { "de \($0)" } ?? "indiqué") + " dans \(section), et username" + said(fault)
        case .credentialMissing(let policyReply):
            return "\(server) exige une identification (il propose AUTH et a refusé le message : \(quoted(policyReply))), "
                + "mais aucun secret n'est configuré : indiquez username et password_credential (ou oauth2_token_credential) "
                + "dans \(section)"
        case .credentialUnavailable(let credential, let variable):
            return credentialUnavailable(credential: credential, variable: variable)
        case .evidenceCredentialUnavailable(let credential, let variable):
            return "la boîte de preuve des envois est illisible, si bien qu'un envoi interrompu ne pourrait pas être tranché : "
                + credentialUnavailable(credential: credential, variable: variable) + " (le secret nommé dans \(section))"
        case .evidenceSettingsUnusable(let detail):
            return "les réglages de la boîte de preuve des envois dans \(section) sont inutilisables : \(quoted(detail))"
        case .evidenceFolderMissing(let folder, let key, let keySection):
            return "le dossier de preuve \(quoted(folder)) n'existe pas sur \(server) (\(key) dans \(keySection)) : un envoi "
                + "interrompu ne pourrait jamais y être retrouvé et partirait deux fois. Corrigez \(key) dans \(keySection)."
        case .evidenceLoginRefused(let username):
            return "la boîte de preuve des envois sur \(server) a refusé l'identification de username = \"\(username)\" : "
                + "vérifiez le secret de password_credential dans \(section)."
        case .evidenceUnreadable(let detail):
            return "la boîte de preuve des envois de \(section) est illisible : \(quoted(detail))"
        }
    }

    public func credentialUnavailable(credential: String, variable: String) -> String {
        "le secret \"\(credential)\" n'est pas fourni : donnez-le par systemd (LoadCredential=\(credential):/chemin/du/fichier) "
            + "ou dans la variable d'environnement \(variable)"
    }

    /// Ce qu'ont dit le serveur et libcurl, cité tel quel.
    private func said(_ fault: SendingSettingFault) -> String {
        var parts: [String] = []
        if let reply = fault.serverReply { parts.append("serveur : \(quoted(reply))") }
        if let message = fault.libcurl { parts.append("libcurl : \(quoted(message))") }
        return parts.isEmpty ? "." : " (\(parts.joined(separator: " ; ")))."
    }
}
