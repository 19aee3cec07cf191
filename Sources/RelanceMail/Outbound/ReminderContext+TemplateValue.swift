/// The typed view the reminder templates are rendered from, key for key what swift-mustache
/// was given before issue #17 (`TemplateDifferentialTests` renders both and compares bytes).
/// Names are snake case; an absent optional is an absent key, so
/// `{{#creditor.iban}}…{{/creditor.iban}}` and `{{#statutory}}…{{/statutory}}` show a block
/// only when there is something to show. `TemplateSchema` derives the known variables from it.
extension ReminderContext {
    var templateContext: TemplateValue {
        var root: [String: TemplateValue] = [
            "creditor": .fields([
                "legal_name": .text(creditor.legalName),
                "address_lines": .texts(creditor.addressLines),
                // No signature: the legal name, printed under it anyway, signs alone (not twice).
                "signature": creditor.signature.trimmingSpaces().isEmpty ? nil : .text(creditor.signature),
                "legal_mention": .optional(creditor.legalMention),
                "siren": .optional(creditor.siren),
                "vat_number": .optional(creditor.vatNumber),
                "iban": .optional(creditor.iban),
                "bic": .optional(creditor.bic),
                "phone": .optional(creditor.phone),
                "email": .optional(creditor.email),
                "rcs": .optional(creditor.rcs),
            ]),
            "customer": .object(["id": .text(customer.id), "name": .text(customer.name), "address_lines": .texts(customer.addressLines)]),
            "invoices": .list(invoices.map(\.templateContext)),
            "credits": .list(credits.map(\.templateContext)),
            "totals": .object([
                "open": .text(totals.open), "currency": .text(totals.currency), "invoice_count": .text(totals.invoiceCount),
                "several_invoices": .flag(totals.severalInvoices), "before_credits": .text(totals.beforeCredits),
                "credited": .text(totals.credited), "has_credits": .flag(totals.hasCredits),
            ]),
            "payment_reference": .text(paymentReference),
            "prior_actions": .list(priorActions.map { .object(["date": .text($0.date), "description": .text($0.description)]) }),
            "today": .text(today),
        ]
        root["payment_qr"] = .optional(paymentQR)
        if let statutory {
            root["statutory"] = .object(["interest": .text(statutory.interest), "indemnity": .text(statutory.indemnity),
                                         "total": .text(statutory.total)])
        }
        root["letter"] = letter?.templateContext
        if let brokenPromise {
            root["broken_promise"] = .fields(["date": .text(brokenPromise.date), "amount": .optional(brokenPromise.amount)])
        }
        return .object(root)
    }
}

extension ReminderContext.Invoice {
    var templateContext: TemplateValue {
        .fields([
            "number": .text(number), "amount": .text(amount), "open": .text(open),
            "days_late": .text(daysLate), "days_until_due": .text(daysUntilDue),
            "late_by": .text(lateBy), "due_in": .text(dueIn),
            "is_overdue": .flag(isOverdue), "is_partly_paid": .flag(isPartlyPaid),
            "claimed": .text(claimed), "credits": .list(credits.map(\.templateContext)),
            "has_credit": .flag(!credits.isEmpty),
            "issued": .optional(issued), "due": .optional(due),
        ])
    }
}

extension ReminderContext.Credit {
    var templateContext: TemplateValue {
        .fields(["number": .text(number), "invoice": .text(invoice), "amount": .text(amount), "date": .optional(date)])
    }
}

extension ReminderContext.Letter {
    var templateContext: TemplateValue {
        .fields([
            "demanded": .list(demanded.map(\.templateContext)),
            "also_outstanding": .list(alsoOutstanding.map(\.templateContext)),
            "disputed": .list(disputed.map(\.templateContext)),
            "several_disputed": .flag(disputed.count > 1),
            "several_demanded": .flag(severalDemanded),
            "credits": .list(credits.map {
                .fields(["credit": .text($0.credit), "invoice": .text($0.invoice), "amount": .text($0.amount), "date": .optional($0.date)])
            }),
            "principal": .text(principal), "interest": .text(interest), "indemnities": .text(indemnities), "total": .text(total),
            "rates": .list(rates.map { .object(["semester": .text($0.semester), "rate": .text($0.rate), "basis": .text($0.basis)]) }),
            "missing_rates": .optional(missingRates),
            "deadline": .optional(deadline),
            "deadline_days": .optional(deadlineDays),
            "procedure": .optional(procedure),
            "place": .optional(place),
            "payment_qr": .optional(paymentQR),
        ])
    }
}

extension ReminderContext.Letter.Invoice {
    var templateContext: TemplateValue {
        .fields([
            "number": .text(number), "amount": .text(amount), "open": .text(open), "claimed": .text(claimed),
            "days_late": .text(daysLate), "late_by": .text(lateBy), "is_partly_paid": .flag(isPartlyPaid),
            "has_credit": .flag(hasCredit), "issued": .optional(issued), "due": .optional(due),
            "interest": .optional(interest), "indemnity": .optional(indemnity),
        ])
    }
}
