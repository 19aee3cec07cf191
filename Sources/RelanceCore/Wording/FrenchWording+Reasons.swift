/// The plan's reasons, the mailbox's and the bank's task titles, in French.
extension FrenchWording {
    private func paren(_ why: String?) -> String { why.map { $0.isEmpty ? "" : " (\($0))" } ?? "" }
    private func untilResume(_ until: CivilDate?) -> String { until.map { "jusqu'au \(date($0))" } ?? "jusqu'à `relance resume`" }
    private func nets(_ nets: [Money]) -> String { nets.map(amount).joined(separator: ", ") }
    private func listed(_ invoices: [PlannedInvoice]) -> String {
        var text = ""
        for invoice in invoices {
            if !text.isEmpty { text += ", " }
            text += invoice.receivable.number; text += " ("; text += stepName(invoice.step); text += ", "
            text += daysLate(invoice.daysLate); text += ")"
        }
        return text
    }
    /// Follows a step's name, masculine or feminine ("rappel", "relance"): the noun is its own.
    private func review(_ on: Bool) -> String { on ? " — mode relecture : message rédigé pour être relu, non envoyé" : "" }
    /// A task's kind inside a sentence: « appel », « lettre recommandée ».
    private func taskKindInSentence(_ kind: WorkTask.Kind) -> String { taskKind(kind).lowercasedFirst }

    public func creditorPausedReason(creditor: String, until: CivilDate?, why: String?) -> String {
        "le créancier \(creditor) est en pause \(untilResume(until))\(paren(why))"
    }

    // « export », as the digest says it: « relevé » is read as the bank's statement, which does not
    // lift this hold.
    public func noAuthoritativeSnapshot(creditor: String) -> String {
        "aucun export de référence (grand livre ou balance âgée) n'a été importé pour le créancier \(creditor) : rien ne part avant, des clients ont pu payer"
    }

    public func staleSnapshot(asOf: CivilDate, ageDays: Int, maximumDays: Int) -> String {
        "le dernier export de référence (grand livre ou balance âgée) date du \(date(asOf)), il y a \(ageDays) jours (plus de \(maximumDays)) : "
            + "rien ne part avant l'import d'un export récent, des clients ont pu payer depuis"
    }

    public func nonBusinessDay(_ day: CivilDate, holiday: String?, next: CivilDate) -> String {
        let why = holiday.map { "\(Self.frenchHolidayName($0)), jour férié" } ?? dates.weekday(day)
        return "le \(date(day)) n'est pas un jour ouvré (\(why)) : ce qui est dû part le \(date(next))"
    }

    public func doNotRemindReason() -> String { "le client est marqué «\u{00A0}ne pas relancer\u{00A0}»" }

    public func waitingForOutcome(kind: WorkTask.Kind, since: CivilDate, step: String, escalation: CivilDate) -> String {
        "en attente du résultat de la tâche \(quoted(taskKindInSentence(kind))) du \(date(since)) (\(stepName(step))) ; signalée à une personne le \(date(escalation)) faute de résultat"
    }

    public func contactInterval(last: CivilDate, next: CivilDate, businessDays: Int) -> String {
        "contacté le \(date(last)) ; le prochain contact attend le \(date(next)) (\(businessDays) \(businessDays > 1 ? "jours ouvrés" : "jour ouvré") d'écart)"
    }

    public func replyToReadReason(why: String?) -> String { "une réponse du client attend d'être lue par une personne\(paren(why))" }

    public func complaintReason(why: String?) -> String {
        "une plainte a été reçue : une personne y répond avant toute relance\(paren(why))"
    }

    public func manualPauseReason(until: CivilDate?, why: String?) -> String { "mis en pause à la main \(untilResume(until))\(paren(why))" }

    public func awayReason(until: CivilDate?, resumeOn: CivilDate?, why: String?) -> String {
        guard let until, let resumeOn else { return "le client est absent, date de retour inconnue\(paren(why))" }
        return "le client est absent jusqu'au \(date(until)) ; les relances reprennent le \(date(resumeOn))\(paren(why))"
    }

    public func promiseReason(until: CivilDate?, resumeOn: CivilDate?, why: String?) -> String {
        guard let until, let resumeOn else { return "le client a promis de payer, sans donner de date\(paren(why))" }
        return "le client a promis de payer au plus tard le \(date(until)) ; sans paiement, les relances reprennent le \(date(resumeOn))\(paren(why))"
    }

    public func promiseAwaitingSnapshot(until: CivilDate, why: String?) -> String {
        "le client a promis de payer au plus tard le \(date(until)) : on attend un relevé daté d'après le \(date(until)) pour savoir si la promesse est tenue\(paren(why))"
    }

    public func letterNotPosted(_ kind: WorkTask.Kind, since: CivilDate, escalated: Bool) -> String {
        let name = switch kind {
        case .registeredLetter: "la lettre recommandée"
        case .formalNotice: "la mise en demeure"
        default: "la lettre de relance"
        }
        let then = escalated ? " : signalée à une personne ; la suite attend qu'elle le soit" : " : la suite attend qu'elle le soit"
        return "\(name) du \(dates.dayAndMonth(since)) n'est pas confirmée comme postée\(then)"
    }

    public func callRetry(attempt: Int, of attempts: Int, retryOn: CivilDate) -> String {
        "appel sans réponse (tentative \(attempt) sur \(attempts)) : nouvel essai le \(date(retryOn))"
    }

    public func promiseBroken(until: CivilDate, amount: Money?) -> String {
        "promesse non tenue : règlement promis pour le \(date(until))\(amount.map { " (\(self.amount($0)))" } ?? "")"
    }

    public func bankPayment(amount: Money, booked: CivilDate, label: String) -> String {
        "paiement de \(self.amount(amount)) reçu le \(dates.dayAndMonth(booked)) (\(label))"
    }

    public func paidAwaitingLedger(payment: String, stillDue: Money?) -> String {
        guard let stillDue, !stillDue.isZero else { return "\(payment) : payée, en attente du grand livre" }
        return "\(payment) : partiellement payée, en attente du grand livre ; reste dû \(amount(stillDue))"
    }

    public func creditReason(amount: Money, setAgainst: [(invoice: String, amount: Money)]) -> String {
        let detail = setAgainst.isEmpty ? "rien sur quoi l'imputer"
            : "imputé sur " + setAgainst.map { "\($0.invoice) (\(self.amount($0.amount)))" }.joined(separator: ", ")
        // Une virgule, pas deux-points : le plan l'imprime après « C0005 AV2026-0012 : ».
        return "un avoir de \(self.amount(amount.magnitude)), \(detail)"
    }

    public func taskEscalatedReason(kind: WorkTask.Kind, since: CivilDate, step: String, dueOn: CivilDate) -> String {
        let then = kind.needsPosting ? "la suite attend qu'elle soit enregistrée comme postée" : "les relances continuent"
        return "la tâche \(quoted(taskKindInSentence(kind))) du \(date(since)) (\(stepName(step))) est sans résultat depuis le \(date(dueOn)) : signalée à une personne ; \(then)"
    }

    public func netCredit(_ nets: [Money]) -> String { "les avoirs du client couvrent ce qui est dû (solde net \(self.nets(nets)))" }

    public func belowMinimum(_ nets: [Money], minimum: Money) -> String {
        "le solde net \(self.nets(nets)) ne dépasse pas le minimum de la politique (\(amount(minimum)))"
    }

    public func contactPlanned(step: String, invoices: [PlannedInvoice], reviewMode: Bool) -> String {
        "\(stepName(step)) par courriel pour \(listed(invoices))\(review(reviewMode))"
    }

    public func taskPlanned(step: String, kind: WorkTask.Kind, invoices: [PlannedInvoice], reviewMode: Bool) -> String {
        "\(stepName(step)) : tâche \(quoted(taskKindInSentence(kind))) pour \(listed(invoices))\(review(reviewMode))"
    }

    public func disputedReason() -> String { "contestée par le client : gelée jusqu'à la fin du litige" }
    public func coveredByCreditReason() -> String { "couverte par les avoirs du client : rien à réclamer" }
    public func noDueDateReason() -> String {
        "aucune échéance connue : ajoutez-la à l'export ou aux conditions de paiement du client"
    }

    public func stepBeforeDue(step: String, daysLate: Int) -> String {
        "étape \(quoted(stepName(step))) sautée : elle précède l'échéance et la facture a déjà \(self.daysLate(daysLate))"
    }

    public func stepNeedsBalance(step: String, minimum: Money, balance: Money) -> String {
        "étape \(quoted(stepName(step))) non faite : elle demande un solde client d'au moins \(amount(minimum)), le solde est de \(amount(balance))"
    }

    public func ladderComplete(policy: String) -> String { "toutes les étapes de la politique \(quoted(policy)) ont été faites" }

    public func notYetDue(daysLate: Int, due: CivilDate, step: String, on: CivilDate) -> String {
        let when = daysLate < 0 ? "échéance le \(date(due))" : daysLate == 0 ? "échue aujourd'hui" : self.daysLate(daysLate)
        return "\(when) ; \(stepName(step)) le \(date(on))"
    }

    public func missingRateHeld(step: String, _ rate: MissingRate) -> String {
        "étape \(quoted(stepName(step))) suspendue, faute de taux pour son décompte d'intérêts : \(missingRate(rate))"
    }

    public func paymentClaimed(paidOn: CivilDate?, means: String?, until: CivilDate) -> String {
        let when = paidOn.map { " le \(date($0))" } ?? ""
        let how = means.map { " (\($0))" } ?? ""
        return "le client dit avoir payé\(when)\(how) : en attente du relevé jusqu'au \(date(until))"
    }

    public func noPhoneLeft() -> String {
        "aucun numéro valable : trouver un numéro (site, Infogreffe, standard) avant d'appeler"
    }

    public func checkPaymentTitle(customer: String, invoices: [String]) -> String {
        "Vérifier le paiement annoncé par \(customer) (\(invoices.count > 1 ? "factures" : "facture") \(invoices.joined(separator: ", "))) : le relevé ne le montre pas"
    }

    public func acknowledgementsTitle() -> String { "Enregistré d'après vos réponses" }

    public func replyHelp() -> String {
        "Pour enregistrer un résultat, répondez à ce message, une ligne par tâche : «\u{00A0}#12 promis 15/01/2027 912,00\u{00A0}», «\u{00A0}#12 litige F-2026-001 motif\u{00A0}», «\u{00A0}#12 payé 10/01/2027 virement\u{00A0}», «\u{00A0}#12 mauvais numéro\u{00A0}», «\u{00A0}#12 pas de réponse\u{00A0}», «\u{00A0}#12 nouvelle adresse compta@client.fr\u{00A0}», «\u{00A0}#14 postée 10/11/2026 1A23456789012\u{00A0}»."
    }

    public func acknowledgement(outcome: TaskOutcome, by: String) -> String {
        "\(self.outcome(outcome).capitalizedFirst) — résultat enregistré d'après la réponse \(FrenchPreposition.de(by))"
    }

    public func receiptSetAside(amount: Money, booked: CivilDate, label: String, by: String, channel: TaskOutcomeRequest.Channel) -> String {
        "Virement de \(self.amount(amount)) reçu le \(dates.dayAndMonth(booked)) (\(label)) écarté par \(by) (\(channelName(channel))) : il ne règle aucune facture."
    }

    public func receiptLinked(amount: Money, booked: CivilDate, label: String, customer: String, by: String, channel: TaskOutcomeRequest.Channel,
                              paid: [String], onAccount: Money, taught: [String]) -> String {
        let what = paid.isEmpty
            ? "aucune facture ouverte de ce montant : il reste au compte du client, à lettrer par le comptable"
            : "il règle \(paid.joined(separator: ", ")) (\(paid.count > 1 ? "payées" : "payée"), en attente du grand livre)"
                + (onAccount.isZero ? "" : " ; \(self.amount(onAccount)) de plus que demandé reste au compte du client")
        return "Virement de \(self.amount(amount)) reçu le \(dates.dayAndMonth(booked)) (\(label)) rattaché au client \(customer) par \(by) "
            + "(\(channelName(channel))) : \(what)"
            + (taught.isEmpty ? "" : " ; les prochains virements de \(taught.joined(separator: " ou ")) seront reconnus") + "."
    }

    public func addressCorrected(_ address: String, by: String) -> String {
        "Adresse \(address) ajoutée par \(by), jusqu'au prochain fichier de contacts."
    }

    /// How an outcome or a person's word reached Relance.
    func channelName(_ channel: TaskOutcomeRequest.Channel) -> String {
        switch channel {
        case .cli: "ligne de commande"
        case .email: "courriel"
        case .console: "console"
        }
    }

    public func outcomeJournal(taskID: Int64, kind: WorkTask.Kind, outcome: TaskOutcome, staysOpen: Bool,
                               retry: (attempt: Int, of: Int, on: CivilDate)?, by: String, channel: TaskOutcomeRequest.Channel) -> String {
        let kept = !staysOpen ? "" : retry.map { " (tentative \($0.attempt) sur \($0.of) ; nouvel essai le \(date($0.on)))" }
            ?? " (la tâche reste ouverte)"
        return "Tâche n°\u{00A0}\(taskID) (\(taskKindInSentence(kind))) : \(self.outcome(outcome))\(kept) — résultat enregistré par \(by) (\(channelName(channel)))."
    }

    public func promiseHold(amount: Money?, taskID: Int64, by: String) -> String {
        "paiement promis\(amount.map { " de \(self.amount($0))" } ?? "") (tâche n°\u{00A0}\(taskID), \(by))"
    }

    public func disputedByTask(taskID: Int64) -> String { "litige (tâche n°\u{00A0}\(taskID))" }

    public func bounceCause(_ cause: BounceCause) -> String {
        switch cause {
        case .unknownUser: "la boîte aux lettres n'existe pas"
        case .unknownDomain: "le domaine n'existe pas ou ne reçoit pas de courriel"
        case .moved: "la personne est partie et l'adresse n'est plus valable"
        case .mailboxFull: "la boîte aux lettres est pleine"
        case .mailboxDisabled: "la boîte aux lettres est désactivée"
        case .refused: "le serveur du destinataire a refusé le message (spam ou règle de filtrage)"
        case .senderRejected: "le serveur du destinataire a refusé notre adresse d'expédition"
        case .transport: "la remise a échoué entre les serveurs (réseau, relais ou taille)"
        case .unknown: "la remise a échoué sans raison donnée"
        }
    }

    public func wrongAddressCallTitle(address: String, cause: BounceCause) -> String {
        "Appeler le client : le courriel à \(address) est revenu (\(bounceCause(cause)))"
    }

    public func sendingRefusedTitle(cause: BounceCause) -> String {
        "Des relances sont refusées en route (\(bounceCause(cause))) : vérifier la configuration d'envoi"
    }

    public func temporaryBouncesCallTitle(count: Int, days: Int, cause: BounceCause) -> String {
        let missed = count > 1 ? "\(count) relances ne sont pas arrivées" : "\(count) relance n'est pas arrivée"
        return "Appeler le client : \(missed) en \(days) \(days > 1 ? "jours" : "jour") (\(bounceCause(cause)))"
    }

    public func complaintCallTitle() -> String {
        "Une relance a été signalée comme spam : ne plus écrire, appeler pour convenir d'un moyen de joindre le client"
    }

    public func complaintHoldReason() -> String { "le client a signalé notre relance comme spam ; plus de courriel" }

    public func readReplyTitle(customerKnown: Bool) -> String {
        customerKnown ? "Lire la réponse du client" : "Lire une réponse : trouver quel client l'a écrite"
    }

    public func replyHoldReason() -> String { "le client a répondu ; lire sa réponse avant la prochaine relance" }
    public func promisedInReply(_ day: CivilDate) -> String { "le client a promis de payer le \(date(day))" }
    public func awayAutoReply(until: CivilDate) -> String { "réponse automatique : absent jusqu'au \(date(until))" }

    /// How an inbound message was tied to us, agreeing with the noun it follows: "Retour en
    /// erreur rattaché…", "Réponse rattachée… par le Message-ID qu'elle cite".
    private func matched(_ match: InboundMatch, feminine: Bool) -> String {
        let agreement = feminine ? "e" : ""
        switch match {
        case .message(let id, let byVERP):
            let by = byVERP ? "son adresse VERP" : "le Message-ID qu'\(feminine ? "elle" : "il") cite"
            return "rattaché\(agreement) au message n°\u{00A0}\(id) par \(by)"
        case .contact(let address, let customers):
            return "envoyé\(agreement) par \(address), contact \(customers == 1 ? "du client" : "de \(customers) clients")"
        }
    }

    /// An RFC 3464 Action value in French; one this does not know is shown as the report wrote it.
    private func deliveryAction(_ action: String) -> String {
        switch action {
        case "delivered": "remis"
        case "delayed": "en retard"
        case "relayed": "relayé"
        case "expanded": "redistribué"
        case "failed": "en échec"
        default: action
        }
    }

    public func bounceSummary(_ matched: InboundMatch) -> String { "Retour en erreur \(self.matched(matched, feminine: false))." }

    public func deliveryReportSummary(_ matched: InboundMatch, actions: [String]) -> String {
        "Avis de remise (\(actions.map(deliveryAction).joined(separator: ", "))) \(self.matched(matched, feminine: false)) : enregistré seulement."
    }

    public func autoReplySummary(_ matched: InboundMatch, back: CivilDate?) -> String {
        "Réponse automatique \(self.matched(matched, feminine: true))" + (back.map { ", de retour le \(date($0))." } ?? ", sans date de retour.")
    }

    public func replySummary(_ matched: InboundMatch, hints: [String]) -> String {
        "Réponse \(self.matched(matched, feminine: true))"
            + (hints.isEmpty ? "." : " ; elle dit : \(hints.map { replyHint($0) ?? $0 }.joined(separator: ", ")).")
    }

    public func complaintSummary(_ matched: InboundMatch) -> String {
        "Plainte (message signalé comme spam ou abus) \(self.matched(matched, feminine: true))."
    }

    public func notUnderstoodSummary(_ matched: InboundMatch, why: InboundOtherReason?) -> String {
        let reason = switch why {
        case .unreadable: " (structure illisible)"
        case .truncated: " (tronqué)"
        case .mailingList: " (envoyé par une liste de diffusion)"
        case .empty: " (ni texte ni objet)"
        case nil: ""
        }
        return "Message \(self.matched(matched, feminine: false)), non compris\(reason) : enregistré seulement."
    }

    public func bounceWithoutFailure(messageID: Int64) -> String {
        "Un retour du message n°\u{00A0}\(messageID) ne nomme aucun destinataire en échec : enregistré seulement."
    }

    public func bounceWrongAddressUnnamed(messageID: Int64, cause: BounceCause) -> String {
        "Un retour du message n°\u{00A0}\(messageID) dit qu'une adresse est fausse (\(bounceCause(cause))) mais n'en nomme aucune des nôtres."
    }

    public func paymentNotLetteredTitle(booked: CivilDate, invoice: String, amount: Money) -> String {
        "Paiement reçu le \(dates.dayAndMonth(booked)) non lettré : facture \(invoice), \(self.amount(amount))"
    }

    public func paymentNotLetteredAdvice() -> String {
        "Lettrer ce paiement dans la comptabilité (ou dire à Relance qu'il ne concernait pas cette facture) : le prochain export la soldera."
    }

    public func bankMatched(invoice: String, payment: String, ledgerOpen: Money?, method: PaymentMatcher.Method) -> String {
        let part = ledgerOpen.map { " (une partie des \(amount($0)) dus)" } ?? ""
        let paid = ledgerOpen == nil ? "payée" : "partiellement payée"
        let how = switch method {
        case .reference: "sa référence"
        case .invoiceNumber: "le numéro de facture"
        case .knownPayer: "un payeur connu et le montant"
        }
        return "Facture \(invoice) : \(payment)\(part) ; \(paid), en attente du grand livre (rapprochée par \(how))."
    }

    public func bankUnmatched(amount: Money, booked: CivilDate, payer: String?, remittance: String) -> String {
        "Paiement de \(self.amount(amount)) reçu le \(date(booked)) \(payer.map(FrenchPreposition.de) ?? "d'un payeur sans nom") : aucune facture ouverte ne correspond avec certitude — \(remittance)"
    }

    public func bankOverpaid(amount: Money, booked: CivilDate, invoices: [String], extra: Money) -> String {
        "Paiement de \(self.amount(amount)) reçu le \(date(booked)) pour \(invoices.joined(separator: ", ")) : \(self.amount(extra)) de plus que demandé."
    }

    public func bankStatementImported(file: String, format: String, newEntries: Int, knownEntries: Int, matched: Int,
                                      invoices: Int, unmatched: Int, reversed: Int) -> String {
        return "Relevé bancaire \(file) importé (\(format)) : \(counted(newEntries, "nouvelle opération", "nouvelles opérations")), "
            + "\(counted(knownEntries, "déjà connue", "déjà connues")), "
            + "\(counted(matched, "encaissement rapproché", "encaissements rapprochés")) de \(counted(invoices, "facture", "factures")), "
            + "\(counted(unmatched, "non rapproché", "non rapprochés")), \(counted(reversed, "encaissement annulé", "encaissements annulés"))."
    }
}
