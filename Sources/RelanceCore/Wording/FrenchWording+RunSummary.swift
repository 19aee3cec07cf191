extension FrenchWording {
    public func runCreditor(id: String, name: String, active: Bool) -> String {
        "Créancier \(id) (\(name))\(active ? "" : " — mode relecture, rien ne part")"
    }
    public func runNoNewFile() -> String { "Importé : aucun nouveau fichier" }
    public func runImportDuplicate(file: String, importID: Int64, reconfirmedAsOf: CivilDate?) -> String {
        guard let asOf = reconfirmedAsOf else { return "Importé : \(file) : même contenu que l'import n°\u{00A0}\(importID), rien n'a changé" }
        return "Importé : \(file) : même contenu que l'import n°\u{00A0}\(importID), sans date : comptes tenus pour inchangés au \(date(asOf))"
    }
    public func runImportHeld(file: String, importID: Int64) -> String {
        "RETENU : \(file) (import n°\u{00A0}\(importID)) — rien n'a changé ; `relance import confirm \(importID)` l'applique"
    }
    public func runImported(file: String, items: Int, customers: Bool, new: Int, changed: Int, settled: Int, importID: Int64) -> String {
        guard !customers else {
            return "Importé : \(file) : \(counted(items, "client", "clients")) ; "
                + "\(counted(new, "nouveau", "nouveaux")), \(counted(changed, "modifié", "modifiés")) (import n°\u{00A0}\(importID))"
        }
        return "Importé : \(file) : \(counted(items, "facture ouverte", "factures ouvertes")) ; "
            + "\(counted(new, "nouvelle", "nouvelles")), \(counted(changed, "modifiée", "modifiées")), \(counted(settled, "réglée", "réglées")) (import n°\u{00A0}\(importID))"
    }
    public func runToIdentify(_ count: Int) -> String {
        "\(counted(count, "facture dont le client est à identifier", "factures dont le client est à identifier")) : voir `relance tasks`"
    }
    public func runWarning(_ text: String) -> String { "avertissement : \(text)" }
    public func runRejected(file: String) -> String { "REFUSÉ : \(file) — déplacé dans `rejected/`, voir \(file).error.txt" }
    public func runLeftInPlace(file: String) -> String { "LAISSÉ EN PLACE : \(file) — n'a pas pu être mis de côté" }
    public func runWaiting(file: String) -> String { "En attente : \(file) est encore en cours d'écriture" }
    public func runMailbox(fetched: Int, recorded: Int, duplicates: Int, ignored: Int, tasksOpened: Int) -> String {
        "Boîte aux lettres : \(counted(fetched, "nouveau message", "nouveaux messages")), \(recorded) pour nous, "
            + "\(counted(duplicates, "déjà enregistré", "déjà enregistrés")), "
            + "\(ignored) pas pour nous (\(ignored > 1 ? "laissés tels quels" : "laissé tel quel")), \(counted(tasksOpened, "tâche ouverte", "tâches ouvertes"))"
    }
    public func runMailboxTruncated(_ count: Int) -> String {
        "Boîte aux lettres : \(counted(count, "message", "messages")) au-delà de maximum_message_megabytes, \(count > 1 ? "lus tronqués" : "lu tronqué") à cette taille"
    }
    public func runMailboxNotRead(folder: String, error: String) -> String {
        "BOÎTE NON LUE : \(folder) : \(error) (nouvel essai au prochain passage)"
    }
    public func runPlan(date: CivilDate, emails: Int, tasks: Int) -> String {
        "Plan du \(self.date(date)) : \(counted(emails, "courriel", "courriels")), \(counted(tasks, "tâche", "tâches")) pour les personnes"
    }
    public func runContact(customer: String, name: String, step: String, emails: String, invoices: [RunInvoice]) -> String {
        let listed = invoices.map { invoice in
            let when = invoice.daysLate > 0 ? "\(invoice.daysLate) j de retard" : "échéance dans \(-invoice.daysLate) j"
            return "\(invoice.number) (\(amount(invoice.open)), \(when))"
        }
        return "\(customer) \(name) : \(stepName(step)) → \(emails) : \(listed.joined(separator: ", "))"
    }
    public func runTask(customer: String, name: String, kind: WorkTask.Kind, step: String, invoices: String, note: String?) -> String {
        "\(customer) \(name) : tâche \(quoted(taskKind(kind).lowercased())) (\(stepName(step))) pour \(invoices)\(note.map { " — \($0)" } ?? "")"
    }
    public func runDecision(waits: Bool, customer: String, invoice: String?, reason: String) -> String {
        "\(waits ? "en attente" : "sans relance") : \(customer)\(invoice.map { " \($0)" } ?? "") : \(reason)"
    }
    public func runQueued(_ count: Int) -> String { "En file d'envoi : \(counted(count, "message", "messages"))" }
    public func runAwaitingApproval(_ count: Int) -> String {
        "À valider (mode relecture) : \(counted(count, "message", "messages")) — `relance message held`, ou la page Aujourd'hui de la console"
    }
    public func runTasksOpened(_ count: Int) -> String { "Tâches ouvertes : \(count) (`relance tasks`)" }
    public func runToPrint(path: String) -> String { "À imprimer / remettre : \(path)" }
    public func runFailed(customer: String, reason: String) -> String { "ÉCHEC pour \(customer) : \(reason)" }
    public func runForReview(path: String) -> String { "À relire (non envoyé) : \(path)" }
    public func runSent(sent: Int, retrying: Int, failed: Int) -> String {
        "Messages envoyés : \(sent), à réessayer plus tard : \(retrying), en échec : \(failed)"
    }
    public func runDelivery(_ destinations: [RunDelivery]) -> String {
        "Acheminement : " + destinations.map { destination in
            switch destination {
            case .smtp(let creditor, let host, let port): "\(creditor) par SMTP via \(host):\(port)"
            case .files(let creditor, let folder): "\(creditor) en fichiers .eml dans \(folder)"
            }
        }.joined(separator: " ; ")
    }
    public func runOutsideSendWindow(creditor: String, until: String) -> String {
        "Hors de la plage d'envoi \(FrenchPreposition.de(creditor)) : ses messages attendent jusqu'à \(until)."
    }
    public func runPaused(_ creditors: [String]) -> String {
        "EN PAUSE (un problème de notre côté, voir les logs du service) : \(creditors.joined(separator: ", "))"
    }

    public func statusCreditor(id: String, active: Bool, paused: Bool, outboxPaused: Bool, openTasks: Int, heldImports: Int) -> String {
        "Créancier \(id) : \(active ? "actif" : "mode relecture")\(paused ? ", EN PAUSE" : "")\(outboxPaused ? ", ENVOIS EN PAUSE" : "")"
            + " ; tâches ouvertes \(openTasks)" + (heldImports > 0 ? " ; \(counted(heldImports, "import RETENU", "imports RETENUS")) (`relance import held`)" : "")
    }
    public func statusOutboxPaused(since: String, reason: String) -> String { "Envois en pause depuis \(since) : \(reason)" }
    public func statusToResume(_ command: String) -> String { "Pour reprendre : \(command)" }
    public func statusProblem(_ text: String) -> String { "PROBLÈME : \(text)" }
    public func statusLastImport(at: String, summary: String) -> String { "Dernier import (\(at)) : \(summary)" }
    public func statusMailbox(folder: String, uidValidity: String, lastUID: String, polled: String) -> String {
        "Boîte \(folder) : UIDVALIDITY \(uidValidity), dernier UID \(lastUID), relevée \(polled)"
    }
    public func statusSendWindowClosed(until: String) -> String { "Plage d'envoi fermée : le courrier attend jusqu'à \(until)" }
    public func statusNextRetry(_ at: String) -> String { "Prochain essai : \(at)" }
}
