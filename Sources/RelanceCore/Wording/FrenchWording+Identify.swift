extension FrenchWording {
    public func identifyBuyerTitle(invoices: [String], more: Bool, file: String) -> String {
        let list = invoices.joined(separator: ", ") + (more ? "…" : "")
        return (invoices.count > 1 || more ? "Identifier le client des factures \(list)" : "Identifier le client de la facture \(list)")
            + " (fichier \(file))"
    }

    public func customerWithoutContactTitle(customer: String) -> String {
        "Le client \(customer) doit de l'argent mais n'a ni adresse de courriel ni téléphone : ajoutez-les au fichier des contacts"
    }

    public func buyerUnidentified(buyer: String, file: String) -> String {
        "\(file) nomme un acheteur (\(buyer)) qui ne correspond à aucun client (identifiant, SIREN, numéro de TVA ou nom) : "
            + "aucune relance tant qu'une personne ne l'a pas identifié."
    }

    public func customerIdentified(customer: String, file: String, closedTasks: [Int64]) -> String {
        "Le client \(customer) est nommé par \(file), le grand livre du créancier : il est identifié"
            + (closedTasks.isEmpty ? "." : closedTasks.count > 1
                ? ", tâches \(closedTasks.map { "n°\u{00A0}\($0)" }.joined(separator: ", ")) closes."
                : ", tâche n°\u{00A0}\(closedTasks[0]) close.")
    }

    public func identifyTasksClosedByLedger(file: String) -> String {
        "Le grand livre \(file) nomme le client de chaque facture de cet acheteur non identifié : sa tâche «\u{00A0}Client à identifier\u{00A0}» est close."
    }

    public func namedByTheLedger() -> String { "nommé par le grand livre" }
    public func invoicesBelongToAKnownCustomer() -> String { "ses factures appartiennent à un client connu" }
}
