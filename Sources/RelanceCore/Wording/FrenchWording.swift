/// Relance's words in French, for a French creditor's people. Typography: a space before `:`,
/// dates `07/12/2026`, amounts `2 376,80 €`.
public struct FrenchWording: Wording {
    public init() {}
    public var language: Language { .french }

    // MARK: Names

    public func stepName(_ step: String) -> String {
        switch step {
        case "courtesy-reminder": "rappel de courtoisie"
        case "first-reminder": "première relance"
        case "second-reminder": "deuxième relance"
        case "phone-call": "relance téléphonique"
        case "final-reminder": "dernière relance"
        case "formal-letter": "lettre de relance"
        case "registered-letter": "lettre recommandée"
        case "formal-notice": "mise en demeure"
        case "legal-action": "action en justice"
        case "hand-off": "transmission au recouvrement"
        case "contact": "prise de contact"
        default: Self.readable(step)
        }
    }

    public func channelPhrase(_ channel: PolicyStep.Channel) -> String {
        switch channel {
        case .email: "par courriel"
        case .phone: "par téléphone"
        case .letter: "par lettre simple"
        case .registeredLetter: "par lettre recommandée avec AR"
        case .formalNotice: "par mise en demeure"
        case .legalAction: "en justice"
        case .handOff: "par un recouvreur"
        }
    }

    public func daysLate(_ days: Int) -> String {
        switch days {
        case ..<1: "pas encore échue"
        case 1: "1 jour de retard"
        default: "\(days) jours de retard"
        }
    }

    public func bucket(_ bucket: AgingBucket) -> String {
        switch bucket {
        case .notDue: "non échu"
        case .late1to30: "1 à 30 j"
        case .late31to60: "31 à 60 j"
        case .late61to90: "61 à 90 j"
        case .over90: "plus de 90 j"
        case .credit: "avoirs"
        }
    }

    public func taskKind(_ kind: WorkTask.Kind) -> String {
        switch kind {
        case .call: "Appel"
        case .readReply: "Réponse à lire"
        case .letter: "Lettre"
        case .registeredLetter: "Lettre recommandée"
        case .formalNotice: "Mise en demeure"
        case .legalAction: "Action en justice"
        case .handOff: "Transmission au recouvrement"
        case .reviewMessage: "Message à vérifier"
        case .fixConfiguration: "Réglage à corriger"
        case .identifyCustomer: "Client à identifier"
        case .checkPayment: "Paiement à vérifier"
        }
    }

    public func outcome(_ outcome: TaskOutcome) -> String {
        switch outcome {
        case .promisedToPay(let day, let amount):
            "promesse de paiement\(amount.map { " de \(self.amount($0))" } ?? "") pour le \(date(day))"
        case .dispute(let invoices, _):
            invoices.isEmpty ? "litige sur les factures"
                : "litige sur \(invoices.count > 1 ? "les factures" : "la facture") \(invoices.joined(separator: ", "))"
        case .disputeResolved(let invoices, _):
            invoices.isEmpty ? "litige résolu"
                : "litige résolu sur \(invoices.count > 1 ? "les factures" : "la facture") \(invoices.joined(separator: ", "))"
        case .wrongNumber: "mauvais numéro"
        case .paid: "règlement annoncé"
        case .noAnswer: "pas de réponse"
        case .letterSent(let tracking): tracking.map { "lettre envoyée, n° de suivi \($0)" } ?? "lettre envoyée"
        case .letterPosted(let day, let tracking, let acknowledged):
            "lettre postée le \(date(day))\(tracking.map { " (n° de suivi \($0))" } ?? "")\(acknowledged.map { ", accusé de réception signé le \(date($0))" } ?? "")"
        case .acknowledged(let day): "accusé de réception signé le \(date(day))"
        case .newAddress(let address): "nouvelle adresse \(address.value)"
        case .done(let note): note.map { "fait : \($0)" } ?? "fait"
        case .cancelled(let reason): reason.isEmpty ? "annulée" : "annulée : \(reason)"
        case .superseded(let id): "remplacée par la tâche n°\u{00A0}\(id)"
        }
    }

    public func taskState(_ state: WorkTask.State) -> String {
        switch state {
        case .open: "ouverte"
        case .done: "faite"
        case .cancelled: "annulée"
        }
    }

    public func labelled(_ label: String, _ value: String) -> String { "\(label) : \(value)" }

    public func detailLabel(_ key: String) -> String {
        switch key {
        case "customer": "Client"
        case "announced": "Paiement annoncé"
        case "step": "Étape"
        case "invoices": "Factures"
        case "also_outstanding": "Également dues"
        case "phones", "phone": "Téléphone"
        case "emails": "Courriel"
        case "address": "Adresse"
        case "script": "Script d'appel"
        case "before": "Déjà fait"
        case "amounts": "Montants"
        case "procedure": "Procédure"
        case "payment_deadline": "Date limite de paiement"
        case "note": "Note"
        case "reason": "Motif"
        case "excerpt": "Extrait"
        case "hints": "Indices"
        case "from": "De"
        case "customers": "Clients"
        case "message": "N° du message"
        case "bounced_address": "Adresse rejetée"
        case "status": "Code"
        case "diagnostic": "Diagnostic du serveur"
        case "document": "Document"
        case "amount_due": "Montant dû"
        case "temporary_bounces": "Courriels non remis"
        case "invoice": "Facture"
        case "amount": "Montant reçu"
        case "booked": "Date de réception"
        case "label": "Libellé du virement"
        case "ledger_as_of": "Grand livre arrêté au"
        case "what_to_do": "À faire"
        default: Self.readable(key).capitalizedFirst
        }
    }

    public func verdict(_ verdict: PlanDecision.Verdict) -> String {
        switch verdict {
        case .act: "à faire"
        case .wait: "attend"
        case .skip: "écarté"
        }
    }

    public func taskReason(_ code: String) -> String? {
        switch code {
        case "no-contact": "ni adresse de courriel ni téléphone dans les contacts"
        case "unresolved": "l'acheteur ne correspond à aucun client connu"
        case "complaint": "le client a signalé une relance comme spam"
        default: nil
        }
    }

    public func replyHint(_ code: String) -> String? {
        switch code {
        case "paid": return "dit avoir payé"
        case "dispute": return "conteste"
        case "not-received": return "dit ne pas avoir reçu la facture"
        default:
            guard code.hasPrefix("promise:"), let day = CivilDate(iso8601: code.dropFirst("promise:".count)) else { return nil }
            return "promet de payer le \(date(day))"
        }
    }

    public func procedure(_ procedure: LegalProcedure) -> String {
        switch procedure {
        case .smallClaims: "procédure simplifiée de recouvrement des petites créances (commissaire de justice, jusqu'à 5\u{202F}000\u{00A0}€)"
        case .orderForPayment: "injonction de payer (tribunal de commerce)"
        }
    }

    public func eventKind(_ kind: String) -> String {
        switch kind {
        case "message.queued": "Relance préparée"
        case "message.awaiting-approval": "Relance à approuver"
        case "message.approved": "Relance approuvée"
        case "message.skipped": "Relance écartée"
        case "message.released": "Relance renvoyée"
        case "customer.do-not-remind", "customer.do-not-remind-removed": "Ne pas relancer"
        case "message.sending": "Relance en cours d'envoi"
        case "message.sent": "Relance envoyée"
        case "message.retry", "message.requeued": "Relance à renvoyer"
        case "message.held": "Relance retenue"
        case "message.cancelled": "Relance annulée"
        case "message.failed": "Relance non envoyée"
        case "message.copied-to-sent": "Copie dans Envoyés"
        case "customer.email-added", "customer.email-changed": "Adresses du client"
        case "invoice.opened": "Facture ouverte"
        case "invoice.settled": "Facture réglée"
        case "invoice.reopened": "Facture rouverte"
        case "invoice.disputed": "Facture contestée"
        case "invoice.dispute-resolved": "Litige réglé"
        case "invoice.due-changed", "invoice.due-disagreement": "Échéance"
        case "invoice.terms-beyond-cap": "Délai de paiement hors plafond"
        case "invoice.document-kept": "Facture électronique conservée"
        case "invoice.customer-resolved", "invoice.customer-changed": "Client de la facture"
        case "invoice.older-snapshot": "Export plus ancien"
        case "task.opened": "Tâche ouverte"
        case "task.closed": "Tâche close"
        case "task.escalated": "Tâche en retard"
        case "mail.received": "Courriel reçu"
        case "mail.bounce-temporary": "Courriel retardé"
        case "mail.bounce-unclear": "Rejet peu clair"
        case "address.invalid", "address.refused", "customer.email-invalid": "Adresse invalide"
        case "address.cleared": "Adresse de nouveau valide"
        case "customer.created": "Client créé"
        case "customer.updated": "Client mis à jour"
        case "customer.identified": "Client identifié"
        case "customer.unidentified": "Client à identifier"
        case "customer.paused": "Relances en pause"
        case "customer.resumed": "Relances reprises"
        case "plan.held": "Décision"
        case "import.applied": "Export importé"
        case "import.held": "Export retenu"
        case "import.confirmed": "Export confirmé"
        case "import.rejected": "Export refusé"
        case "bank.matched": "Paiement reçu à la banque"
        case "bank.reversed": "Paiement rejeté par la banque"
        case "bank.linked": "Virement rattaché au client"
        case "bank.unmatched": "Virement reçu non rapproché"
        case "bank.overpaid": "Paiement supérieur au dû"
        case "bank.dismissed": "Virement écarté"
        case "bank.reversal-unmatched": "Rejet bancaire non rapproché"
        case "customer.address-corrected": "Adresse corrigée"
        case "import.duplicate": "Export déjà importé"
        case "import.rows-refused": "Lignes refusées"
        case "import.warning": "Avertissement d'import"
        case "import.uploaded": "Fichier déposé"
        case "import.confirmed-by": "Export confirmé"
        case "outbox.paused": "Envois en pause"
        case "outbox.resumed": "Envois repris"
        case "task.outcome-refused": "Résultat non enregistré"
        case "task.superseded": "Tâche remplacée"
        case "task.updated": "Tâche mise à jour"
        case "digest.sent": "Point quotidien envoyé"
        case "creditor.registered": "Créancier enregistré"
        case "creditor.state": "État du créancier"
        case "plan.failed": "Étape non exécutée"
        case "purge.documents", "purge.files", "purge": "Purge"
        case "console.user.added", "console.user.updated", "console.user.removed": "Utilisateur de la console"
        default: kind
        }
    }

    // MARK: Tasks

    public func taskTitle(_ kind: WorkTask.Kind, customer: String, customerID: String, total: String) -> String {
        let who = "\(customer) (\(customerID))"
        return switch kind {
        case .call: "Appeler \(who) — \(total)"
        case .letter: "Envoyer une lettre de relance à \(who) — \(total)"
        case .registeredLetter: "Envoyer une lettre recommandée AR à \(who) — \(total)"
        case .formalNotice: "Envoyer une mise en demeure à \(who) — \(total)"
        case .legalAction: "Engager une action en recouvrement contre \(who) — \(total)"
        case .handOff: "Confier au recouvrement le dossier \(FrenchPreposition.de(customer)) (\(customerID)) — \(total)"
        case .readReply, .reviewMessage, .fixConfiguration, .identifyCustomer, .checkPayment: "Traiter \(who) — \(total)"
        }
    }

    public func taskInvoice(number: String, amount: Money, daysLate: Int) -> String {
        "\(number) (\(self.amount(amount)), \(self.daysLate(daysLate)))"
    }

    public func invoiceWithAmount(number: String, amount: Money) -> String { "\(number) (\(self.amount(amount)))" }

    public func priorAction(_ action: PriorAction) -> String {
        let what = "\(date(action.on)) : \(stepName(action.step))"
        switch action.detail.flatMap(PriorActionDetail.init) {
        case .outcome(let outcome)?: return "\(what) (\(self.outcome(outcome)))"
        case .manualContact?: return "\(what) (contact pris manuellement avant Relance)"
        case nil: return what
        }
    }

    public func priorActionOfSeveralSteps(_ actions: [PriorAction]) -> String {
        let steps = actions.map { "\(stepName($0.step)) (\($0.invoices.joined(separator: ", ")))" }
        return "\(date(actions[0].on)) : " + (steps.count > 1 ? steps.dropLast().joined(separator: ", ") + " et " + steps.last! : steps[0])
    }

    public var listSeparator: String { " ; " }

    public func breakdown(principal: String, interest: String, indemnities: String, total: String) -> String {
        "principal \(principal), intérêts \(interest), indemnités \(indemnities), total \(total)"
    }

    public func interestUnknown(missing: [String]) -> String {
        "intérêts non calculables, \(missing.count > 1 ? "taux manquants" : "taux manquant") : \(missing.joined(separator: " ; "))"
    }

    /// The bundled tables by their French names; a table the configuration names keeps its own.
    func rateTableName(_ name: String) -> String {
        switch name {
        case RateTable.ecbMainRefinancingRate.name: "taux des opérations principales de refinancement de la BCE"
        case RateTable.frenchLegalInterestRate.name: "taux de l'intérêt légal (professionnels)"
        default: name
        }
    }

    public func missingRate(_ rate: MissingRate) -> String {
        "taux inconnu pour le \(semesterName(rate.semester)) (table \(quoted(rateTableName(rate.table)))) : ajoutez-le dans [penalties] de la configuration (clé \(quoted("\(rate.semester)")))"
    }

    /// `1er semestre 2026`, `2e semestre 2026`, its three words joined by no-break spaces
    /// (U+00A0) as a long date's are: a letter's line never ends on « 1er » with « semestre 2026 »
    /// on the next.
    public func semesterName(_ semester: Semester) -> String {
        "\(semester.half == 1 ? "1er" : "2e")\u{00A0}semestre\u{00A0}\(semester.year)"
    }

    public func emailStepBecomesCall(step: String, invalidAddresses: [String]) -> String {
        invalidAddresses.isEmpty
            ? "aucune adresse de courriel connue pour ce client : l'étape \(quoted(stepName(step))) se fait par téléphone"
            : "toutes les adresses de ce client sont invalides (\(invalidAddresses.joined(separator: ", "))) : l'étape \(quoted(stepName(step))) se fait par téléphone"
    }

    public func taskHeading(id: Int64, kind: WorkTask.Kind, creditor: String, due: CivilDate?, state: WorkTask.State,
                            outcome: TaskOutcome?, title: String) -> String {
        var heading = "n°\u{00A0}\(id) · \(taskKind(kind)) · \(creditor)"
        if let due { heading += " · avant le \(date(due))" }
        if state != .open { heading += " · \(taskState(state))" + (outcome.map { " (\(self.outcome($0)))" } ?? "") }
        return heading + " — \(title)"
    }

    public func noTasks(includingClosed: Bool) -> String { includingClosed ? "Aucune tâche." : "Aucune tâche ouverte." }

    public func taskClosed(id: Int64, outcome: TaskOutcome) -> String { "Tâche n°\u{00A0}\(id) close : \(self.outcome(outcome))." }

    public func taskOpened(id: Int64, kind: WorkTask.Kind, title: String) -> String {
        "Tâche n°\u{00A0}\(id) (\(Self.lowercasedKinds[kind] ?? taskKind(kind).lowercased())) : \(title)"
    }

    /// `taskKind` lowercased once for every kind: `lowercased()` on non-ASCII text is slow,
    /// and a first load journals a task line for each of thousands of customers (issue #17).
    private static let lowercasedKinds: [WorkTask.Kind: String] =
        Dictionary(uniqueKeysWithValues: WorkTask.Kind.allCases.map { ($0, FrenchWording().taskKind($0).lowercased()) })

    public func taskAnsweredByContacts(id: Int64, file: String) -> String {
        "Tâche n°\u{00A0}\(id) close : le fichier de contacts \(file) identifie le client et donne un contact utilisable."
    }

    public func noLongerDueNote(paidAtBank: Bool) -> String {
        paidAtBank ? "plus rien n'est dû (payé d'après la banque, en attente du grand livre)"
            : "plus rien n'est dû (réglé d'après le grand livre)"
    }

    public func taskNoLongerDue(id: Int64, kind: WorkTask.Kind, note: String) -> String {
        "Tâche n°\u{00A0}\(id) (\(Self.lowercasedKinds[kind] ?? taskKind(kind).lowercased())) close : \(note)."
    }

    public func nothingDemandedLeftNote() -> String {
        "plus rien de ce qu'elle réclame n'est dû ; les factures qu'elle citait seulement suivent leurs propres relances"
    }

    public func taskRefreshed(id: Int64, kind: WorkTask.Kind, replacedBy: Int64?, settled: [String], paidAtBank: [String],
                              disputed: [String], owed: String) -> String {
        func invoices(_ numbers: [String], _ one: String, _ many: String) -> String? {
            numbers.isEmpty ? nil : numbers.count == 1 ? "la facture \(numbers[0]) \(one)" : "les factures \(numbers.joined(separator: ", ")) \(many)"
        }
        let changes = [invoices(settled, "est réglée", "sont réglées"),
                       invoices(paidAtBank, "est payée d'après la banque", "sont payées d'après la banque"),
                       invoices(disputed, "est contestée", "sont contestées")].compactMap { $0 }
        let what = (changes.isEmpty ? ["les montants dus ont changé"] : changes).joined(separator: listSeparator)
        let kindName = Self.lowercasedKinds[kind] ?? taskKind(kind).lowercased()
        guard let replacedBy else { return "Tâche n°\u{00A0}\(id) (\(kindName)) mise à jour : \(what) ; reste \(owed)." }
        return "Tâche n°\u{00A0}\(id) (\(kindName)) remplacée par la tâche n°\u{00A0}\(replacedBy), même étape : \(what) ; reste \(owed). "
            + "Poster la nouvelle lettre, pas l'ancienne (conservée)."
    }

    public func documentToPrint() -> String { "document à imprimer" }

    public func openTasksHeading(count: Int) -> String {
        switch count {
        case 0: "Aucune tâche ouverte"
        case 1: "1 tâche ouverte"
        default: "\(count) tâches ouvertes"
        }
    }

    public func tasksPageTitle(creditor: String) -> String { "Tâches — \(creditor)" }

    public func taskColumns() -> TaskColumns {
        TaskColumns(number: "N°", kind: "Type", customer: "Client", opened: "Ouverte le", due: "À traiter avant le", what: "À faire",
                    details: "Détails", document: "Document")
    }

    // MARK: Call script

    public func callAskFor(customer: String, customerID: String) -> String {
        "Demander la personne chargée du règlement des fournisseurs chez \(customer) (client \(customerID))."
    }

    public func callIntroduce(creditor: String, invoiceCount: Int) -> String {
        "Se présenter de la part \(FrenchPreposition.de(creditor)), au sujet "
            + (invoiceCount > 1 ? "de factures échues et non réglées :" : "d'une facture échue et non réglée :")
    }

    public func callCheckAddress(_ lines: [String]) -> String {
        "Vérifier l'adresse postale au dossier : " + lines.joined(separator: ", ") + "."
    }

    public func callInvoice(number: String, amount: Money, due: CivilDate?, daysLate: Int) -> String {
        let dueText = due.map { "échue le \(date($0))" } ?? "sans date d'échéance"
        return "\(number) : \(self.amount(amount)), \(dueText), \(self.daysLate(daysLate))."
    }

    public func callFirstContact(invoiceCount: Int) -> String {
        "Aucune relance ne leur est encore parvenue : cet appel est le premier contact au sujet "
            + (invoiceCount > 1 ? "de ces factures." : "de cette facture.")
    }

    public func callEarlierActions(_ actions: [PriorAction]) -> String {
        "Actions précédentes : " + priorActions(actions) + "."
    }

    public func callQuestions(invoiceCount: Int) -> [String] {
        [
            "Demander si le paiement a été fait ; sinon, à quelle date il le sera.",
            invoiceCount > 1 ? "Demander si une facture est contestée, laquelle et pourquoi." : "Demander si la facture est contestée et, si oui, pourquoi.",
            "Noter le résultat : promesse de paiement le JJ/MM/AAAA, litige sur la facture X, payé, pas de réponse, ou mauvais numéro.",
        ]
    }

    // MARK: Aged balance

    public func agingTitle(creditor: String, legalName: String, asOf: CivilDate) -> String {
        "Balance âgée \(FrenchPreposition.de(legalName)) (\(creditor)) au \(date(asOf))"
    }

    public func agingPageTitle(legalName: String) -> String { "Balance âgée — \(legalName)" }

    public func agingAsOf(_ day: CivilDate) -> String { "Au \(date(day))" }

    public func agingColumns() -> AgingColumns {
        AgingColumns(customer: "Client", customerName: "Nom du client", customerOrInvoice: "Client / facture", invoice: "Facture",
                     issued: "Émise le", due: "Échéance", daysLate: "Jours de retard", bucket: "Tranche", open: "Reste dû",
                     currency: "Devise", total: "Total", lastAction: "Dernière action", lastActionOn: "Date de la dernière action")
    }

    public func agingTotal(currency: Currency) -> String { "TOTAL \(currency.code)" }

    public func lastAction(step: String, on day: CivilDate) -> String { "\(stepName(step)) le \(date(day))" }

    // MARK: Customer

    public func customerHeading(customerID: String, name: String?, creditor: String) -> String {
        "Client \(customerID)\(name.map { " — \($0)" } ?? "") (créancier \(creditor))"
    }

    public func customerEmails(_ emails: [String]) -> String { "Courriel : \(emails.joined(separator: ", "))" }

    public func customerOpen(_ items: [String]) -> String {
        items.isEmpty ? "Reste dû : rien" : "Reste dû : \(items.joined(separator: " ; "))"
    }

    public func openItem(number: String, amount: Money, due: CivilDate?, received: Money?) -> String {
        "\(number) \(self.amount(amount))" + (due.map { " échue le \(date($0))" } ?? " sans échéance")
            + (received.map { " (reçu à la banque : \(self.amount($0)), en attente du grand livre)" } ?? "")
    }

    public func timelineHeading() -> String { "Historique :" }

    // MARK: Plan

    public func planHeading(creditor: String, date day: CivilDate, contacts: Int) -> String {
        let count = switch contacts {
        case 0: "aucun client à relancer par courriel"
        case 1: "1 client à relancer par courriel"
        default: "\(contacts) clients à relancer par courriel"
        }
        return "Créancier \(creditor), le \(date(day)) : \(count)"
    }

    public func planContact(customerID: String, name: String?, step: String, channel: PolicyStep.Channel) -> String {
        "\(customerID)\(name.map { " \($0)" } ?? "") : \(stepName(step)) \(channelPhrase(channel))"
    }

    public func planInvoice(number: String, amount: Money, daysLate: Int, step: String) -> String {
        "\(number) : \(self.amount(amount)), \(self.daysLate(daysLate)) → \(stepName(step))"
    }

    public func planTask(customerID: String, name: String?, kind: WorkTask.Kind, step: String,
                         invoices: [(number: String, step: String)]) -> String {
        let list = invoices.map { "\($0.number) (\(stepName($0.step)))" }.joined(separator: ", ")
        return "tâche : \(customerID)\(name.map { " \($0)" } ?? "") : \(taskKind(kind)) (\(stepName(step))) : \(list)"
    }

    public func planDecision(_ verdict: PlanDecision.Verdict, customerID: String, invoice: String?, reason: String) -> String {
        "\(self.verdict(verdict)) : \(customerID)\(invoice.map { " \($0)" } ?? "") : \(reason)"
    }
}


extension FrenchWording {
    /// `0 facture`, `1 facture`, `2 factures`: French keeps the singular below two.
    func counted(_ value: Int, _ one: String, _ many: String) -> String { "\(value) \(value > 1 ? many : one)" }
}
