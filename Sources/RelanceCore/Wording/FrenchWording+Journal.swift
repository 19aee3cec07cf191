public import Foundation

extension FrenchWording {
    public func creditorRegistered(_ creditor: String) -> String { "Créancier \(creditor) enregistré d'après la configuration." }

    public func importApplied(file: String, kind: String, asOf: CivilDate, new: Int, changed: Int, settled: Int, unchanged: Int,
                              toIdentify: Int) -> String {
        "Export \(file) importé (\(exportKind(kind)), arrêté au \(date(asOf))) : \(invoices(new, "nouvelle", "nouvelles")), "
            + "\(invoices(changed, "modifiée", "modifiées")), \(invoices(settled, "réglée", "réglées")), "
            + "\(invoices(unchanged, "inchangée", "inchangées"))"
            + (toIdentify > 0 ? ", \(invoices(toIdentify, "dont le client est à identifier", "dont le client est à identifier"))." : ".")
    }

    /// An export's kind (`ParsedImport.Kind`'s code) as an accountant names it.
    func exportKind(_ kind: String) -> String {
        switch kind {
        case "open-invoices": "balance âgée"
        case "fec": "FEC"
        case "contacts": "contacts"
        case "ubl", "cii", "factur-x": "facture électronique \(kind.uppercased())"
        case "bank-statement": "relevé bancaire"
        default: kind
        }
    }

    /// `3 nouvelles` (the noun, facture, is understood).
    private func invoices(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count > 1 ? many : one)" }

    public func contactsImported(file: String, new: Int, known: Int) -> String {
        "Fichier de contacts \(file) importé : \(new) \(new > 1 ? "nouveaux clients" : "nouveau client"), \(known) \(known > 1 ? "clients connus vérifiés" : "client connu vérifié")."
    }

    public func invoiceSettledByImport(invoice: String, file: String, asOf: CivilDate) -> String {
        "La facture \(invoice) n'est plus ouverte dans \(file) (arrêté au \(date(asOf))) : réglée ; ses relances s'arrêtent."
    }

    public func customerAddressesChanged(role: String, customer: String, before: [String], after: [String]) -> String {
        func list(_ addresses: [String]) -> String { addresses.isEmpty ? "aucune" : addresses.joined(separator: ", ") }
        let whose = role == "cc" ? "en copie" : "destinataires"
        return "Adresses \(whose) du client \(customer) : \(list(before)) → \(list(after))."
    }

    public func importDuplicate(file: String, of importID: Int64, held: Bool) -> String {
        held ? "Le fichier \(file) a le même contenu que l'import n°\u{00A0}\(importID), qui est retenu : confirmez-le avec `relance import confirm \(importID)`."
            : "Le fichier \(file) a le même contenu que l'import n°\u{00A0}\(importID) : rien n'a changé."
    }

    public func importReconfirmed(file: String, of importID: Int64, asOf: CivilDate, previous: CivilDate) -> String {
        "Le fichier \(file) a le même contenu que l'import n°\u{00A0}\(importID), le dernier export, et ne porte pas de date : "
            + "les comptes sont tenus pour inchangés au \(date(asOf)) (l'export était daté du \(date(previous)))."
    }

    public func bankStatementAlreadyImported(file: String, as importID: Int64) -> String {
        "Le fichier \(file) est le relevé bancaire déjà importé sous le n°\u{00A0}\(importID) (mêmes comptes, mêmes écritures) : rien n'a changé."
    }

    public func customerPaused(kind: CustomerHold.Kind, until: CivilDate?, reason: String) -> String {
        let why = switch kind {
        case .manual: "par une personne"
        case .reply: "une réponse à lire"
        case .away: "absence"
        case .promise: "une promesse de paiement"
        case .complaint: "une plainte"
        }
        return "Relances suspendues (\(why))\(until.map { " jusqu'au \(date($0))" } ?? " jusqu'à leur reprise") : \(reason)."
    }

    public func customerResumed(reason: String) -> String { "Relances reprises : \(reason)." }

    public func addressMarkedInvalid(_ address: String, reason: String) -> String { "Adresse \(address) marquée invalide : \(reason)." }

    public func addressUsableAgain(_ address: String, reason: String) -> String { "Adresse \(address) de nouveau utilisable : \(reason)." }

    public func taskSuperseded(old: Int64, oldKind: WorkTask.Kind, oldStep: String?, new: Int64, newKind: WorkTask.Kind, newStep: String?) -> String {
        "Tâche n°\u{00A0}\(old) (\(taskKind(oldKind).lowercased()), étape \(oldStep.map(stepName) ?? "-")) jamais enregistrée comme postée : "
            + "remplacée par la tâche n°\u{00A0}\(new) (\(taskKind(newKind).lowercased()), étape \(newStep.map(stepName) ?? "-")) ; son document est conservé."
    }

    public func taskMovedOn(id: Int64, kind: WorkTask.Kind, from: String?, since: CivilDate?, to: String?, on day: CivilDate, title: String) -> String {
        "Tâche n°\u{00A0}\(id) (\(taskKind(kind).lowercased())) passée de l'étape \(from.map(stepName) ?? "-")"
            + "\(since.map { " (depuis le \(date($0)))" } ?? "") à l'étape \(to.map(stepName) ?? "-") le \(date(day)) : \(title)"
    }

    public func customerHeld(customer: String, on day: CivilDate, reason: String) -> String {
        "Client \(customer) non contacté le \(date(day)) : \(reason)."
    }

    public func taskEscalated(kind: WorkTask.Kind, customer: String, step: String, since: CivilDate, dueOn: CivilDate) -> String {
        "La tâche \(quoted(taskKind(kind).lowercased())) du client \(customer) (étape \(stepName(step)), ouverte le \(date(since))) "
            + "est sans résultat depuis le \(date(dueOn)) : une personne doit la reprendre."
    }

    public func importRowsRefused(count: Int, file: String, rows: [String], more: Bool) -> String {
        let listed = rows.map { "- \($0)" } + (more ? ["- …"] : [])
        let head = count > 1 ? "\(count) lignes de \(file) refusées, le reste importé ; leurs factures restent telles quelles (ce fichier ne les règle pas)"
            : "1 ligne de \(file) refusée, le reste importé ; sa facture reste telle quelle (ce fichier ne la règle pas)"
        return (["\(head). Corrigez les cellules et déposez l'export à nouveau :"] + listed)
            .joined(separator: "\n")
    }

    public func massSettlement(settling: Int, amount: Money, open: Money, percent: Int, threshold: Int) -> String {
        "il réglerait \(settling) \(settling > 1 ? "factures" : "facture"), \(self.amount(amount)) sur \(self.amount(open)) ouverts (\(percent)\u{00A0}%, au-delà du seuil de sécurité de \(threshold)\u{00A0}%)"
    }

    public func importHeld(importID: Int64, file: String, reason: String) -> String {
        "L'import n°\u{00A0}\(importID) de \(file) est RETENU, rien n'a changé : \(reason). C'est ce que donne un export tronqué ou filtré («\u{00A0}échues seulement\u{00A0}»). Si ces règlements sont réels, lancez `relance import confirm \(importID)`."
    }

    public func heldImportConfirmed(importID: Int64, file: String) -> String {
        "Import retenu n°\u{00A0}\(importID) de \(file) confirmé par une personne : appliqué maintenant."
    }

    public func heldImportRejected(importID: Int64, file: String, reason: String) -> String {
        // `reason` names who refused it ("Refusé par marie : …").
        "Import retenu n°\u{00A0}\(importID) de \(file) refusé : rien n'est appliqué. \(reason)"
    }

    public func importRejected(file: String, reason: String) -> String { "Le fichier \(file) a été refusé : \(reason)" }

    public func outboxPaused(creditor: String, reason: String) -> String {
        "Les envois du créancier \(creditor) sont en pause : le problème est de notre côté (\(reason)). Aucun client n'est concerné ; corrigez la configuration, les messages repartent à leur prochaine tentative."
    }

    public func outboxResumed(creditor: String, since: CivilDate, reason: String) -> String {
        "Les envois du créancier \(creditor), en pause depuis le \(date(since)), sont tentés à nouveau : \(reason)."
    }

    public func digestSent(day: CivilDate, to recipients: [String], serverReply: String) -> String {
        "Point quotidien du \(date(day)) envoyé à \(recipients.joined(separator: ", ")) (réponse du serveur : \(serverReply))."
    }

    public func digestNotNeeded(day: CivilDate) -> String { "Pas de point quotidien le \(date(day)) : rien à faire." }

    public func invoiceDisputed(invoice: String, reason: String) -> String {
        "Facture \(invoice) contestée : \(reason). Aucune relance, lettre ni mise en demeure ne la réclame tant que le litige n'est pas réglé (`relance resume --invoice`) ; les autres factures du client suivent leur cours."
    }

    public func disputeResolved(invoice: String, reason: String) -> String { "Litige sur la facture \(invoice) réglé : \(reason)." }

    public func disputeEndedByOutcome(_ outcome: TaskOutcome, taskID: Int64) -> String {
        if case .paid = outcome { return "règlement annoncé sur la tâche n°\u{00A0}\(taskID)" }
        if case .disputeResolved = outcome { return "résolu, comme enregistré sur la tâche n°\u{00A0}\(taskID)" }
        return "promesse de paiement enregistrée sur la tâche n°\u{00A0}\(taskID)"
    }

    public func outcomeRefusal(_ refusal: OutcomeRefusal) -> String {
        switch refusal {
        case .alreadyClosed(let id, let state, let outcome):
            "la tâche n°\u{00A0}\(id) est déjà \(taskState(state))\(outcome.map { " (\(self.outcome($0)))" } ?? "") : rien n'est enregistré"
        case .onlyLettersArePosted(let id, let kind):
            "la tâche n°\u{00A0}\(id) est de type \(quoted(taskKind(kind).lowercased())) : seule une lettre se poste"
        case .postedInTheFuture(let posted, let today): "la date d'envoi \(date(posted)) est postérieure à aujourd'hui (\(date(today)))"
        case .trackingNumberMissing: "une lettre recommandée s'enregistre avec son numéro de suivi (`--tracking`)"
        case .acknowledgementOutOfRange(let acknowledged, let posted, let today):
            "l'accusé de réception (\(date(acknowledged))) doit tomber entre l'envoi (\(date(posted))) et aujourd'hui (\(date(today)))"
        case .acknowledgementIsRecordedWithPosting:
            "l'accusé de réception s'enregistre avec `letter-posted --acknowledged DATE`"
        case .supersededByTheLadderOnly: "une tâche n'est remplacée que par l'étape suivante, pas à la main"
        case .promiseInThePast(let promised, let today): "la date promise \(date(promised)) est déjà passée (nous sommes le \(date(today)))"
        case .promisedAmountNotPositive: "le montant promis doit être supérieur à zéro"
        case .paidInTheFuture(let paid, let today): "la date de paiement \(date(paid)) est postérieure à aujourd'hui (\(date(today)))"
        case .phoneNotKnown(let phone, let known):
            "\(phone) ne figure pas parmi les numéros du client (\(known.isEmpty ? "aucun" : known.joined(separator: ", ")))"
        case .callOnly(let outcome, let id, let kind):
            "\(quoted(self.outcome(outcome))) s'enregistre sur un appel ; la tâche n°\u{00A0}\(id) est de type \(quoted(taskKind(kind).lowercased()))"
        case .invoiceNotOnTask(let invoice, let id, let open):
            "la facture \(invoice) n'est pas l'une des factures ouvertes de la tâche n°\u{00A0}\(id) (\(open.joined(separator: ", ")))"
        case .noSuchTask(let id): "la tâche n°\u{00A0}\(id) n'existe pas (relance tasks liste les tâches ouvertes)"
        case .noDisputeOpen(let id): "le client de la tâche n°\u{00A0}\(id) ne conteste aucune facture ouverte : aucun litige à résoudre"
        case .invoiceNotDisputed(let invoice, let disputed):
            "la facture \(invoice) n'est pas contestée (factures contestées : \(disputed.joined(separator: ", ")))"
        }
    }

    public func outcomeLineProblem(_ problem: OutcomeLineProblem) -> String {
        switch problem {
        case .lineTooLong: "ligne trop longue"
        case .tooManyOutcomes(let count): "plus de \(count) issues dans une même réponse"
        case .noTaskNumber: "un numéro de tâche doit suivre # (par exemple #12)"
        case .noOutcomeRecognised:
            "aucune issue reconnue (promis, litige, litige résolu, payé, mauvais numéro, pas de réponse, nouvelle adresse, postée, fait, annulé)"
        case .promiseNeedsDate: "une promesse s'écrit avec sa date (15/01/2027)"
        case .notAnAmount(let text): "\(text) n'est pas un montant (912,00)"
        case .newAddressNeedsAddress: "une nouvelle adresse s'écrit avec l'adresse"
        }
    }

    public func outcomeLineNotRead(taskID: Int64?, sender: String, line: String, problem: OutcomeLineProblem) -> String {
        let which = taskID.map { "Ligne de la réponse \(FrenchPreposition.de(sender)) sur la tâche n°\u{00A0}\($0)" }
            ?? "Une ligne de la réponse \(FrenchPreposition.de(sender))"
        return "\(which) : \(quoted(String(line.prefix(120)))) non lue : \(outcomeLineProblem(problem))."
    }

    public func outcomeNotRecorded(taskID: Int64, outcome: TaskOutcome, by: String, why: String) -> String {
        "Tâche n°\u{00A0}\(taskID) (réponse \(FrenchPreposition.de(by))) : résultat \(quoted(self.outcome(outcome))) non enregistré : \(why)."
    }
}

extension FrenchWording {
    public func messageQueued(step: String, to: [String], invoices: Int, plannedOn: CivilDate) -> String {
        "Message préparé (\(stepName(step))) pour \(to.joined(separator: ", ")) sur \(invoices) \(invoices > 1 ? "factures" : "facture"), prévu le \(date(plannedOn))."
    }

    public func messageAttempt(_ attempt: Int, messageID: Int64) -> String { "Tentative \(attempt) d'envoi du message n°\u{00A0}\(messageID)." }
    public func messageUnclaimed(messageID: Int64) -> String {
        "Message n°\u{00A0}\(messageID) remis en file d'envoi avant tout envoi (envois suspendus ou arrêt du service) : il n'est pas parti."
    }

    public func messageSent(step: String?, messageID: Int64, customer: String, recipients: String, serverReply: String) -> String {
        if let file = OutboxFolderReply.file(in: serverReply) {
            return "Message n°\u{00A0}\(messageID)\(step.map { " (\(stepName($0)))" } ?? "") pour \(customer) (\(recipients)) écrit dans le dossier d'envoi sous le nom \(file) (aucun serveur SMTP configuré : le fichier n'est pas envoyé)"
        }
        return "Message n°\u{00A0}\(messageID)\(step.map { " (\(stepName($0)))" } ?? "") envoyé à \(customer) (\(recipients)) ; réponse du serveur : \(serverReply)"
    }

    public func messageRetry(messageID: Int64, reason: String, retryAt: Date) -> String {
        "Message n°\u{00A0}\(messageID) non envoyé (\(reason)) ; nouvel essai le \(dateAndTimeUTC(retryAt))."
    }

    public func messageFailed(messageID: Int64, reason: String) -> String { "Message n°\u{00A0}\(messageID) en échec : \(reason)" }

    public func messageCancelled(messageID: Int64, because reason: MessageCancelReason) -> String {
        let why = switch reason {
        case .paidAtTheBank(let invoice): "un relevé bancaire montre la facture \(invoice) payée depuis la rédaction du message"
        case .settled(let invoice): "la facture \(invoice) est réglée"
        case .disputed(let invoice): "la facture \(invoice) est contestée"
        case .amountChanged(let invoice): "le montant dû de la facture \(invoice) a changé depuis la rédaction du message"
        case .customerPaused(let kind, let reason): "les relances du client sont en pause (\(holdKindName(kind)) : \(reason))"
        case .staleApproval(let day): "rédigé le \(date(day)) et pas approuvé depuis, ses chiffres ne sont plus à jour ; le plan du jour le rédige à nouveau"
        }
        return "Message n°\u{00A0}\(messageID) annulé avant l'envoi : \(why)."
    }

    /// A customer hold's kind as stored (`promise`, `reply`…), in words.
    private func holdKindName(_ kind: String) -> String {
        switch kind {
        case "promise": "promesse"
        case "reply": "réponse à lire"
        case "away": "absence"
        case "complaint": "plainte"
        case "manual": "pause manuelle"
        case "paid": "paiement annoncé"
        default: kind
        }
    }
}
