import RelanceCore

/// A planned task in a person's words (the creditor's language): a title, details under
/// stable keys (`invoices`, `phones`, `script`…, labelled by `Wording.detailLabel` wherever
/// they are shown) whose values are finished text, and the text written to the review folder
/// in review mode.
struct TaskDescription {
    let title: String
    let detail: [String: String]
    let reviewText: String

    init(_ task: PlannedTask, language: Language, creditorName: String) {
        let words = language.wording
        title = words.taskTitle(task.kind, customer: task.customer.name ?? task.customer.externalID,
                                customerID: task.customer.externalID, total: words.amounts.total(task.invoices.map(\.claimed)))
        var detail: [String: String] = [
            "step": words.stepName(task.step.name),
            "invoices": task.invoices.map {
                words.taskInvoice(number: $0.receivable.number, amount: $0.claimed, daysLate: $0.daysLate)
            }.joined(separator: ", "),
        ]
        if !task.alsoOutstanding.isEmpty {
            detail["also_outstanding"] = task.alsoOutstanding.map {
                words.invoiceWithAmount(number: $0.receivable.number, amount: $0.claimed)
            }.joined(separator: ", ")
        }
        if !task.phoneNumbers.isEmpty {
            detail["phones"] = task.phoneNumbers.joined(separator: ", ")
        } else if task.kind == .call {
            detail["phones"] = TaskWords.noPhoneLeft(language)
        }
        if !task.customer.emails.isEmpty { detail["emails"] = task.customer.emails.map(\.value).joined(separator: ", ") }
        if !task.postalAddress.isEmpty { detail["address"] = task.postalAddress.joined(separator: ", ") }
        if task.kind == .call {
            detail["script"] = CallScript.lines(for: task, creditorName: creditorName, language: language).joined(separator: "\n")
        }
        if !task.priorActions.isEmpty {
            detail["before"] = words.priorActions(task.priorActions)
        }
        if let breakdown = task.breakdown, !breakdown.isComplete {
            detail["amounts"] = words.interestUnknown(missing: breakdown.missingRates.map(words.missingRate))
        } else if let breakdown = task.breakdown {
            detail["amounts"] = words.breakdown(principal: words.amounts.total(breakdown.principal),
                                                interest: words.amounts.total(breakdown.interest),
                                                indemnities: words.amounts.total(breakdown.indemnities),
                                                total: words.amounts.total(breakdown.total))
        }
        if let procedure = task.proposedProcedure { detail["procedure"] = words.procedure(procedure) }
        if let deadline = task.paymentDeadline { detail["payment_deadline"] = words.date(deadline) }
        if task.note != nil, task.kind == .call, task.step.channel == .email {
            // The planner's note (in English, for the journal) says why an email step is a call.
            detail["note"] = words.emailStepBecomesCall(step: task.step.name, invalidAddresses: task.customer.emails.map(\.value))
        } else if let note = task.note {
            detail["note"] = note
        }
        self.detail = detail
        reviewText = ([title, ""] + TaskDetails.ordered(detail).map { words.labelled(words.detailLabel($0.key), $0.value) })
            .joined(separator: "\n") + "\n"
    }
}
