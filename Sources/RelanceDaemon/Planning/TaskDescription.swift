import RelanceCore

/// A planned task in a person's words: a title, labelled details for `relance tasks` and the
/// digest, and the text written to the review folder in review mode.
struct TaskDescription {
    let title: String
    let detail: [String: String]
    let reviewText: String

    init(_ task: PlannedTask, language: Language, creditorName: String) {
        let french = language == .french
        let who = "\(task.customer.name ?? task.customer.externalID) (\(task.customer.externalID))"
        let claimed = Self.totals(task.invoices.map(\.claimed), language: language)
        let action: String = switch (task.kind, french) {
        case (.call, true): "Appeler"
        case (.call, false): "Call"
        case (.letter, true): "Envoyer une lettre de relance à"
        case (.letter, false): "Send a reminder letter to"
        case (.registeredLetter, true): "Envoyer une lettre recommandée AR à"
        case (.registeredLetter, false): "Send a registered letter to"
        case (.formalNotice, true): "Envoyer une mise en demeure à"
        case (.formalNotice, false): "Send a formal notice to"
        case (.legalAction, true): "Engager une action en recouvrement contre"
        case (.legalAction, false): "Start legal recovery against"
        case (.handOff, true): "Confier au recouvrement le dossier de"
        case (.handOff, false): "Hand over to collection the file of"
        case (_, true): "Traiter"
        case (_, false): "Handle"
        }
        title = "\(action) \(who) — \(claimed)"

        var detail: [String: String] = [
            "step": task.step.name,
            "invoices": task.invoices.map { "\($0.receivable.number) (\($0.claimed), \($0.daysLate) d)" }.joined(separator: ", "),
        ]
        if !task.alsoOutstanding.isEmpty {
            detail["also_outstanding"] = task.alsoOutstanding.map { "\($0.receivable.number) (\($0.claimed))" }.joined(separator: ", ")
        }
        if !task.phoneNumbers.isEmpty {
            detail["phones"] = task.phoneNumbers.joined(separator: ", ")
        } else if task.kind == .call {
            detail["phones"] = TaskWords.noPhoneLeft(language)
        }
        if !task.customer.emails.isEmpty { detail["emails"] = task.customer.emails.map(\.value).joined(separator: ", ") }
        if !task.postalAddress.isEmpty { detail["address"] = task.postalAddress.joined(separator: ", ") }
        if task.kind == .call {
            detail["script"] = CallScript.lines(for: task, creditorName: creditorName, language: language).joined(separator: " / ")
        }
        if !task.priorActions.isEmpty {
            detail["before"] = task.priorActions.map { "\($0.on) \($0.step)\($0.detail.map { " (\($0))" } ?? "")" }.joined(separator: "; ")
        }
        if let breakdown = task.breakdown, !breakdown.isComplete {
            detail["amounts"] = (french ? "intérêts non calculables : " : "interest cannot be computed: ")
                + breakdown.missingRates.map(\.description).joined(separator: "; ")
        } else if let breakdown = task.breakdown {
            detail["amounts"] = french
                ? "principal \(Self.totals(breakdown.principal, language: language)), intérêts \(Self.totals(breakdown.interest, language: language)), indemnités \(Self.totals(breakdown.indemnities, language: language)), total \(Self.totals(breakdown.total, language: language))"
                : "principal \(Self.totals(breakdown.principal, language: language)), interest \(Self.totals(breakdown.interest, language: language)), indemnities \(Self.totals(breakdown.indemnities, language: language)), total \(Self.totals(breakdown.total, language: language))"
        }
        if let procedure = task.proposedProcedure { detail["procedure"] = procedure.description }
        if let deadline = task.paymentDeadline { detail["payment_deadline"] = deadline.iso8601 }
        if let note = task.note { detail["note"] = note }
        self.detail = detail
        reviewText = ([title, ""] + detail.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }).joined(separator: "\n") + "\n"
    }

    static func totals(_ amounts: [Money], language: Language) -> String {
        let byCurrency = Dictionary(grouping: amounts, by: \.currency).sorted { $0.key < $1.key }
        let sums = byCurrency.map { currency, values in
            Money(minorUnits: values.reduce(0) { $0 + $1.minorUnits }, currency: currency).formatted(locale: language)
        }
        return sums.isEmpty ? "0" : sums.joined(separator: " + ")
    }
}
