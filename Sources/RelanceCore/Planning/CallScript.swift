/// What the person making a reminder call says, line by line, in the creditor's language (the
/// script is for its staff): who to ask for, the invoices with amounts and days late, what was
/// done before, the questions to ask and the outcomes to record.
public enum CallScript {
    public static func lines(for task: PlannedTask, creditorName: String, language: Language) -> [String] {
        let customer = "\(task.customer.name ?? task.customer.externalID)"
        let french = language == .french
        var lines = [french
            ? "Demander la personne chargée du règlement des fournisseurs chez \(customer) (client \(task.customer.externalID))."
            : "Ask for the person in charge of supplier payments at \(customer) (customer \(task.customer.externalID))."]
        lines.append(french
            ? "Se présenter de la part \(FrenchPreposition.de(creditorName)), au sujet de factures échues et non réglées :"
            : "Say you are calling on behalf of \(creditorName) about invoices that are past due:")
        for invoice in task.invoices {
            let amount = invoice.claimed.formatted(locale: language)
            let due = invoice.receivable.due.map { date($0, french: french) } ?? "?"
            lines.append(french
                ? "  \(invoice.receivable.number) : \(amount), échue le \(due), \(invoice.daysLate) jours de retard."
                : "  \(invoice.receivable.number): \(amount) due on \(due), \(invoice.daysLate) days late.")
        }
        if task.priorActions.isEmpty {
            lines.append(french
                ? "Aucune relance ne leur est encore parvenue : cet appel est le premier contact au sujet de ces factures."
                : "No earlier reminder reached them: this call is the first contact about these invoices.")
        } else {
            let recalled = task.priorActions.map { "\($0.step) \(french ? "le" : "on") \(date($0.on, french: french))" }
            lines.append((french ? "Actions précédentes : " : "Earlier actions: ") + recalled.joined(separator: ", ") + ".")
        }
        let address = PostalAddress.letterLines(task.postalAddress)
        if !address.isEmpty {
            // The formal steps that follow go by post: the address on file is checked now.
            lines.append((french ? "Vérifier l'adresse postale au dossier : " : "Check the postal address on file: ")
                         + address.joined(separator: ", ") + ".")
        }
        lines += french ? [
            "Demander si le paiement a été fait ; sinon, à quelle date il le sera.",
            "Demander si une facture est contestée, laquelle et pourquoi.",
            "Noter le résultat : promesse de paiement le JJ/MM/AAAA, litige sur la facture X, payé, pas de réponse, ou mauvais numéro.",
        ] : [
            "Ask whether payment has been made; if not, on what date it will be.",
            "Ask whether any invoice is disputed, which one and why.",
            "Record the outcome: promised to pay on DATE, dispute on invoice X, paid, no answer, or wrong number.",
        ]
        return lines
    }

    private static func date(_ date: CivilDate, french: Bool) -> String {
        guard french else { return date.iso8601 }
        let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(pad(date.day))/\(pad(date.month))/\(date.year)"
    }
}
