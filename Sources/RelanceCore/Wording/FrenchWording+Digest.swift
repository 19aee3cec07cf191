extension FrenchWording {
    public func digestSubject(creditor: String, day: CivilDate, work: Int, receipts: Int) -> String {
        let tasks = switch work {
        case 0: receipts == 0 ? "rien à faire aujourd'hui" : nil
        case 1: "1 tâche aujourd'hui"
        default: "\(work) tâches aujourd'hui"
        }
        let toLink = receipts == 0 ? nil : receipts == 1 ? "1 virement à rattacher" : "\(receipts) virements à rattacher"
        let what = [tasks, toLink].compactMap { $0 }.joined(separator: ", ")
        return "Relance — \(creditor) — \(what) (\(date(day)))"
    }

    public func digestDay(_ day: CivilDate) -> String { "\(dates.weekday(day)) \(dates.long(day))" }
    public func overdueLabel() -> String { "En retard" }
    public func unappliedCredits(_ amount: String) -> String { "Avoirs non imputés : \(amount) (non déduits du total en retard)" }

    public func overdueChange(_ change: Money, since previous: CivilDate, today: CivilDate) -> String {
        let since = previous.adding(days: 1) == today ? "depuis hier" : "depuis le \(dates.dayAndMonth(previous))"
        if change.isZero { return "inchangé \(since)" }
        return "\(change.isNegative ? Money.minusSign : "+")\(amount(change.magnitude)) \(since)"
    }

    public func byAgeLabel() -> String { "Par ancienneté" }
    public func sentCount(_ count: Int) -> String { count == 1 ? "1 relance envoyée" : "\(count) relances envoyées" }
    public func settledCount(_ count: Int) -> String { count == 1 ? "1 facture réglée" : "\(count) factures réglées" }
    public func repliesCount(_ count: Int) -> String { count == 1 ? "1 réponse reçue" : "\(count) réponses reçues" }
    public func bouncesCount(_ count: Int) -> String { count == 1 ? "1 courriel rejeté" : "\(count) courriels rejetés" }
    public func nothingHappened() -> String { "rien d'envoyé ni de reçu" }
    public func sinceLastDigest() -> String { "Depuis le dernier point" }

    public func moreInList(_ count: Int, _ list: DigestList) -> String {
        let one = count == 1
        let what = switch list {
        case .calls: one ? "autre appel" : "autres appels"
        case .replies: one ? "autre réponse à lire" : "autres réponses à lire"
        case .letters: one ? "autre courrier à poster" : "autres courriers à poster"
        case .promises: one ? "autre promesse à échéance" : "autres promesses à échéance"
        case .overdueTasks: one ? "autre tâche en retard" : "autres tâches en retard"
        case .otherTasks: one ? "autre tâche" : "autres tâches"
        case .acknowledgements: one ? "autre résultat reçu" : "autres résultats reçus"
        case .unmatchedReceipts: one ? "autre virement à rattacher" : "autres virements à rattacher"
        }
        let where_ = switch list {
        case .calls: "voir la feuille d'appels jointe ou la console"
        case .promises, .acknowledgements: "voir la console"
        case .letters: one ? "son document n'est pas joint : voir la console ou tasks.html" : "leurs documents ne sont pas joints : voir la console ou tasks.html"
        case .unmatchedReceipts: "voir la page Virements de la console ou relance bank unmatched"
        default: "voir tasks.html ou la console"
        }
        return "… et \(count) \(what) — \(where_)"
    }

    public func callsTitle(_ count: Int) -> String { count == 1 ? "1 appel à passer" : "\(count) appels à passer" }
    public func repliesTitle(_ count: Int) -> String { count == 1 ? "1 réponse à lire" : "\(count) réponses à lire" }
    public func lettersTitle(_ count: Int) -> String { count == 1 ? "1 courrier à poster" : "\(count) courriers à poster" }
    public func promisesTitle(_ count: Int) -> String {
        count == 1 ? "1 promesse de paiement arrive à échéance" : "\(count) promesses de paiement arrivent à échéance"
    }
    public func overdueTasksTitle(_ count: Int) -> String { count == 1 ? "1 tâche en retard" : "\(count) tâches en retard" }
    public func otherTasksTitle(_ count: Int) -> String { count == 1 ? "1 autre tâche" : "\(count) autres tâches" }
    public func stuckTitle() -> String { "Ce qui bloque" }
    public func nothingToDo() -> String { "Rien à faire aujourd'hui." }

    public func callSheetNote(fileName: String) -> String {
        "Le script de chaque appel est dans la feuille d'appels jointe (\(fileName))."
    }
    public func callSheetFileName(day: CivilDate) -> String { "appels-\(day.iso8601).html" }
    public func callSheetTitle(creditor: String, day: CivilDate) -> String { "Appels du \(date(day)) — \(creditor)" }

    public func callReason(step: String, daysLate: Int?) -> String {
        [stepName(step), daysLate.map(self.daysLate)].compactMap { $0 }.joined(separator: " · ")
    }
    public func bounceReason(_ reason: String) -> String { "courriel rejeté (\(reason))" }
    public func replyFrom(_ sender: String) -> String { "De \(sender)" }
    public func hintsLine(_ hints: String) -> String { "Indices : \(hints)" }
    public func quoted(_ text: String) -> String { "«\u{00A0}\(text)\u{00A0}»" }
    public func documentsAttached(_ names: [String]) -> String {
        names.count == 1 ? "Document joint : \(names[0])" : "Documents joints : \(names.joined(separator: ", "))"
    }
    public func documentMissing() -> String { "Document introuvable : régénérez-le avant de poster" }
    public func taskOverdue(openedOn: CivilDate, daysOpen: Int) -> String {
        "ouverte le \(date(openedOn)), il y a \(daysOpen) \(daysOpen > 1 ? "jours" : "jour")"
    }
    public func overdueBadge() -> String { "en retard" }
    public func promiseDue(promisedOn: CivilDate) -> String {
        "paiement promis pour le \(date(promisedOn)) : vérifier qu'il est arrivé"
    }
    public func recordOutcomeHint(taskID: Int64) -> String { "relance tasks done \(taskID) --outcome …" }
    public func letterToPost(kind: WorkTask.Kind, writtenOn: CivilDate, taskID: Int64) -> String {
        let tracking = kind == .registeredLetter ? " N° de suivi" : ""
        return "Écrite le \(date(writtenOn)), pas encore confirmée comme postée : la suite attend. Une fois postée, répondez «\u{00A0}#\(taskID) postée JJ/MM/AAAA\(tracking)\u{00A0}»."
    }
    public func escalatedBadge() -> String { "signalée" }
    public func escalated(_ kind: WorkTask.Kind, on day: CivilDate) -> String {
        "\(kind.needsPosting ? "pas confirmée comme postée à temps" : "sans résultat à temps") : signalée le \(date(day))"
    }

    public func staleLedger(lastSent: CivilDate?, latestExport: CivilDate, maximumAgeDays: Int) -> String {
        let since = lastSent.map { "Aucun envoi depuis le \(dates.dayAndMonth($0))" } ?? "Aucun envoi"
        return "\(since) : le dernier export date de plus de \(maximumAgeDays) jours (export au \(date(latestExport))). Déposez un export à jour."
    }
    public func noExportYet() -> String { "Aucun envoi : aucun export de balance n'a encore été importé." }
    public func outboxPaused(reason: String) -> String { "Envois suspendus : le serveur de messagerie refuse nos courriels (\(reason))." }
    public func heldImport(fileName: String, asOf: CivilDate?, importID: Int64) -> String {
        let when = asOf.map { " au \(date($0))" } ?? ""
        return "L'export \(quoted(fileName))\(when) est retenu : il solderait trop de factures d'un coup. Vérifiez-le, puis confirmez-le (relance import confirm \(importID))."
    }
    public func dropFolderMissing() -> String { "Le dossier de dépôt des exports est introuvable : plus aucun export n'est lu." }
    public func creditorPaused(until: CivilDate?) -> String {
        until.map { "Relances suspendues jusqu'au \(date($0)) inclus." } ?? "Relances suspendues jusqu'à reprise (relance resume)."
    }
    public func reviewMode() -> String { "Mode relecture : les relances sont écrites pour être relues, rien n'est envoyé." }
    public func digestFooter(creditor: String) -> String {
        "Point quotidien de Relance pour \(creditor). Les montants sont ceux du dernier export importé."
    }
    public func phoneLabel() -> String { "Téléphone" }
    public func scriptLabel() -> String { "Script" }
    public func noPhone() -> String { "aucun numéro connu : en trouver un" }
}
