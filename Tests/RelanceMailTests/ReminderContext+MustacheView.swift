import RelanceCore
@testable import RelanceMail

// The `[String: Any]` view swift-mustache rendered the reminder templates from until issue #17,
// kept verbatim as the reference of `TemplateDifferentialTests`: the typed
// `ReminderContext.templateContext` must render byte for byte what this view rendered.

extension ReminderContext.Credit {
    var templateValue: [String: any Sendable] {
        var value: [String: any Sendable] = ["number": number, "invoice": invoice, "amount": amount]
        value["date"] = date
        return value
    }
}

extension ReminderContext {
    /// The Mustache view: nested `[String: Any]` and arrays with the snake-case names.
    /// An absent optional is an absent key, so `{{#creditor.iban}}…{{/creditor.iban}}` and
    /// `{{#statutory}}…{{/statutory}}` show a block only when there is something to show.
    /// `has_invoices`-style flags are unnecessary: a list section renders once per element.
    var templateValue: [String: any Sendable] {
        var creditorValue: [String: any Sendable] = [
            "legal_name": creditor.legalName,
            "address_lines": creditor.addressLines,
        ]
        // No signature: the legal name, printed under it anyway, signs alone (not twice).
        if !creditor.signature.trimmingSpaces().isEmpty { creditorValue["signature"] = creditor.signature }
        creditorValue["legal_mention"] = creditor.legalMention
        creditorValue["siren"] = creditor.siren
        creditorValue["vat_number"] = creditor.vatNumber
        creditorValue["iban"] = creditor.iban
        creditorValue["bic"] = creditor.bic
        creditorValue["phone"] = creditor.phone
        creditorValue["email"] = creditor.email
        creditorValue["rcs"] = creditor.rcs
        var value: [String: any Sendable] = [
            "creditor": creditorValue,
            "customer": ["id": customer.id, "name": customer.name, "address_lines": customer.addressLines] as [String: any Sendable],
            "invoices": invoices.map { invoice -> [String: any Sendable] in
                var item: [String: any Sendable] = [
                    "number": invoice.number, "amount": invoice.amount, "open": invoice.open,
                    "days_late": invoice.daysLate, "days_until_due": invoice.daysUntilDue,
                    "late_by": invoice.lateBy, "due_in": invoice.dueIn,
                    "is_overdue": invoice.isOverdue, "is_partly_paid": invoice.isPartlyPaid,
                    "claimed": invoice.claimed, "credits": invoice.credits.map(\.templateValue),
                    "has_credit": !invoice.credits.isEmpty,
                ]
                item["issued"] = invoice.issued
                item["due"] = invoice.due
                return item
            },
            "credits": credits.map(\.templateValue),
            "totals": ["open": totals.open, "currency": totals.currency, "invoice_count": totals.invoiceCount,
                       "several_invoices": totals.severalInvoices, "before_credits": totals.beforeCredits,
                       "credited": totals.credited, "has_credits": totals.hasCredits,
                       "several_credits": totals.severalCredits] as [String: any Sendable],
            "payment_reference": paymentReference,
            "payment_reference_differs": paymentReference != customer.id,
            "prior_actions": priorActions.map { ["date": $0.date, "description": $0.description] as [String: any Sendable] },
            "today": today,
            "recovery_indemnity": recoveryIndemnity,
        ]
        value["payment_qr"] = paymentQR
        if let statutory {
            value["statutory"] = ["interest": statutory.interest, "indemnity": statutory.indemnity, "total": statutory.total] as [String: any Sendable]
        }
        if let letter { value["letter"] = letter.templateValue }
        if let brokenPromise {
            var promise: [String: any Sendable] = ["date": brokenPromise.date]
            promise["amount"] = brokenPromise.amount
            value["broken_promise"] = promise
        }
        return value
    }
}

extension ReminderContext.Letter.Invoice {
    var templateValue: [String: any Sendable] {
        var value: [String: any Sendable] = [
            "number": number, "amount": amount, "open": open, "claimed": claimed, "days_late": daysLate,
            "late_by": lateBy, "is_partly_paid": isPartlyPaid, "has_credit": hasCredit,
        ]
        value["issued"] = issued
        value["due"] = due
        value["interest"] = interest
        value["indemnity"] = indemnity
        return value
    }
}

extension ReminderContext.Letter.Credit {
    var templateValue: [String: any Sendable] {
        var value: [String: any Sendable] = ["credit": credit, "invoice": invoice, "amount": amount]
        value["date"] = date
        value["long_date"] = longDate
        return value
    }
}

extension ReminderContext.Letter {
    var templateValue: [String: any Sendable] {
        var value: [String: any Sendable] = [
            "demanded": demanded.map(\.templateValue),
            "also_outstanding": alsoOutstanding.map(\.templateValue),
            "disputed": disputed.map(\.templateValue),
            "several_disputed": disputed.count > 1,
            "several_demanded": severalDemanded,
            "several_also_outstanding": alsoOutstanding.count > 1,
            "several_credits": Set(credits.map(\.credit)).count > 1,
            "credits": credits.map(\.templateValue),
            "principal": principal, "interest": interest, "indemnities": indemnities, "total": total,
            "rates": rates.map { ["semester": $0.semester, "rate": $0.rate, "basis": $0.basis] as [String: any Sendable] },
        ]
        value["missing_rates"] = missingRates
        value["deadline"] = deadline
        value["deadline_days"] = deadlineDays
        value["deadline_in"] = deadlineIn
        value["procedure"] = procedure
        value["place"] = place
        value["payment_qr"] = paymentQR
        return value
    }
}
