extension FrenchWording {
    public func serviceName(_ name: String) -> String {
        switch name {
        case "digest": "Point quotidien"
        case "intake": "Dépôt des exports"
        case "mailbox": "Boîte de réception"
        case "planner": "Planification"
        case "sender": "Envoi"
        case "retention": "Conservation"
        case "reload": "Rechargement"
        default: name
        }
    }

    public func serviceNote(_ note: ServiceNote) -> String {
        switch note {
        case .digestsSent(let sent):
            return counted(sent, "point quotidien envoyé", "points quotidiens envoyés")
        case .imported(let imported, let rejected, let held):
            return counted(imported, "export importé", "exports importés") + ", " + counted(rejected, "refusé", "refusés")
                + (held > 0 ? ", " + counted(held, "retenu", "retenus") + " en attente de confirmation (`relance import held`)" : "")
        case .mailboxRead(let recorded, let unreadable):
            return counted(recorded, "message reçu enregistré", "messages reçus enregistrés")
                + (unreadable.isEmpty ? "" : ", NON LUES : " + unreadable.sorted().joined(separator: ", "))
        case .planned(let hour, let minute, let queued):
            return "planifié \(dates.clock(hour: hour, minute: minute)), " + counted(queued, "message en file", "messages en file")
        case .sent(let sent, let waiting, let paused):
            return counted(sent, "envoyé", "envoyés") + ", " + counted(waiting, "en attente", "en attente")
                + (paused.isEmpty ? "" : ", EN PAUSE : " + paused.sorted().joined(separator: ", "))
        case .purged(let mails, let files, let customers):
            return "purge : " + counted(mails, "courriel", "courriels") + ", " + counted(files, "fichier", "fichiers") + ", "
                + counted(customers, "client anonymisé", "clients anonymisés")
        }
    }
}
