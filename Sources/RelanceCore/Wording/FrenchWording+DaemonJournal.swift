extension FrenchWording {
    public func sendingRestart(_ restart: SendingRestart) -> String {
        switch restart {
        case .daemonStarted: "Relance a démarré avec la configuration telle qu'elle est maintenant"
        case .configurationReloaded: "la configuration a été rechargée"
        }
    }

    public func plannedActionFailed(step: String, customer: String, error: String) -> String {
        "L'étape \(quoted(stepName(step))) n'a pas pu être exécutée pour le client \(customer) : \(quoted(error))"
    }

    public func processedFilesPurged(day: CivilDate, folder: String, olderThanDays days: Int) -> String {
        "Fichiers traités le \(date(day)) supprimés (dossier processed/\(folder), conservés plus \(days > 1 ? "de \(days) jours" : "d'un jour"))."
    }

    public func keptDocumentsPurged(_ count: Int) -> String {
        count > 1
            ? "\(count) documents de facture conservés supprimés : plus aucune facture n'y renvoie (leurs clients ont été anonymisés)."
            : "\(count) document de facture conservé supprimé : plus aucune facture n'y renvoie (son client a été anonymisé)."
    }
}
