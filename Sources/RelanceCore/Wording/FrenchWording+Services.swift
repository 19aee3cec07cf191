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
        func count(_ value: Int, _ one: String, _ many: String) -> String { "\(value) \(value > 1 ? many : one)" }
        switch note {
        case .digestsSent(let sent):
            return count(sent, "point quotidien envoyé", "points quotidiens envoyés")
        case .imported(let imported, let rejected, let held):
            return count(imported, "export importé", "exports importés") + ", " + count(rejected, "refusé", "refusés")
                + (held > 0 ? ", " + count(held, "retenu", "retenus") + " en attente de confirmation (`relance import held`)" : "")
        case .mailboxRead(let recorded, let unreadable):
            return count(recorded, "message reçu enregistré", "messages reçus enregistrés")
                + (unreadable.isEmpty ? "" : ", NON LUES : " + unreadable.sorted().joined(separator: ", "))
        case .planned(let hour, let minute, let queued):
            return "planifié à \(dates.time(hour: hour, minute: minute)), " + count(queued, "message en file", "messages en file")
        case .sent(let sent, let waiting, let paused):
            return count(sent, "envoyé", "envoyés") + ", " + count(waiting, "en attente", "en attente")
                + (paused.isEmpty ? "" : ", EN PAUSE : " + paused.sorted().joined(separator: ", "))
        case .purged(let mails, let files, let customers):
            return "purge : " + count(mails, "courriel", "courriels") + ", " + count(files, "fichier", "fichiers") + ", "
                + count(customers, "client anonymisé", "clients anonymisés")
        }
    }
}
