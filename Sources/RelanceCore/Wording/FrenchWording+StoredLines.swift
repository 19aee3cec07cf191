extension FrenchWording {
    private func found(_ method: BankReversalFinder.Method) -> String {
        switch method {
        case .bankReference: "la banque désigne le mouvement qu'elle contre-passe"
        case .reference: "même référence de paiement"
        case .remittance: "même libellé de virement"
        case .payerIBAN: "même compte payeur (IBAN)"
        case .payerName: "même nom de payeur"
        case .amountAndDate: "même montant, seul virement de ce montant les jours précédents : une supposition à vérifier"
        }
    }

    public func reversalUnmatched(amount: Money, on day: CivilDate, label: String, candidates: Int?) -> String {
        guard let candidates else {
            return "Contre-passation de \(self.amount(amount)) le \(date(day)) (\(label)) : aucun virement antérieur de ce montant n'a été "
                + "trouvé sur ce compte, rien n'a donc été annulé (le virement est peut-être antérieur aux relevés lus par Relance)."
        }
        return "Contre-passation de \(self.amount(amount)) le \(date(day)) (\(label)) : \(candidates) virements antérieurs correspondent "
            + "autant, aucun n'a donc été annulé. Vérifiez avec la banque quel paiement est revenu, puis prévenez le comptable."
    }

    public func reversedReceiptPaidNothing(amount: Money, booked: CivilDate, label: String, reversedOn: CivilDate,
                                           method: BankReversalFinder.Method) -> String {
        "Le virement de \(self.amount(amount)) reçu le \(date(booked)) (\(label)) a été contre-passé par la banque le \(date(reversedOn)) "
            + "(trouvé par : \(found(method))) ; il ne réglait aucune facture : rien d'autre ne change et il n'est plus à rattacher."
    }

    public func reversedPayment(invoice: String, payment: String, reversedOn: CivilDate, method: BankReversalFinder.Method,
                                lettered: Bool) -> String {
        let why = "contre-passé par la banque le \(date(reversedOn)) (trouvé par : \(found(method)))"
        return lettered
            ? "Facture \(invoice) : le \(payment) a été \(why) ; le grand livre l'avait déjà lettré : le prochain export doit montrer la facture de nouveau ouverte — prévenez le comptable."
            : "Facture \(invoice) : le \(payment) a été \(why) ; la facture est de nouveau due et les relances reprennent."
    }

    public func creditorStateChanged(creditor: String, active: Bool?, paused: Bool, until: CivilDate?, reason: String) -> String {
        let mode = active.map { $0 ? "actif (les relances partent)" : "en mode relecture (rien ne part sans validation)" } ?? "comme le dit la configuration"
        let pause = paused ? ", en pause\(until.map { " jusqu'au \(date($0))" } ?? "")" : ""
        return "Le créancier \(creditor) est désormais \(mode)\(pause)\(reason.isEmpty ? "" : " : \(reason)")."
    }

    public func addressGivenAsRight(by person: String?, taskID: Int64?) -> String {
        if let taskID { return "donnée comme la bonne adresse (tâche n°\u{00A0}\(taskID))" }
        return "donnée comme la bonne adresse par \(person ?? "une personne")"
    }

    public func consoleUserSaved(name: String, added: Bool, creditors: [String]?) -> String {
        let sees = creditors.map { $0.count > 1 ? "les créanciers \($0.joined(separator: ", "))" : "le créancier \($0.joined())" } ?? "tous les créanciers"
        return "utilisateur de la console \(name) \(added ? "ajouté" : "modifié"), voit \(sees)"
    }

    public func consoleUserRemoved(name: String) -> String { "utilisateur de la console \(name) supprimé" }

    public func heldImportConfirmed(importID: Int64, by person: String) -> String { "import retenu n°\u{00A0}\(importID) confirmé par \(person)" }

    public func heldImportRejectedReason(by person: String, said: String?) -> String {
        "Refusé par \(person)" + (said.map { " : \($0)" } ?? ".")
    }

    public func exportDeposited(file: String, bytes: Int, by person: String) -> String {
        "Fichier \(file) (\(Language.french.grouped(bytes)) octets) déposé dans le dossier de dépôt par \(person)"
    }
}
