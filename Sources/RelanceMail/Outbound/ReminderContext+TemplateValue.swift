/// The typed view the reminder templates are rendered from, key for key what swift-mustache
/// was given before issue #17 (`TemplateDifferentialTests` renders both and compares bytes).
/// Names are snake case; an absent optional is an absent key, so
/// `{{#creditor.iban}}…{{/creditor.iban}}` and `{{#statutory}}…{{/statutory}}` show a block
/// only when there is something to show. `TemplateSchema` derives the known variables from it.
/// Keys are `TemplateKey`s, whose raw values are the template names (`.legalName` is `legal_name`);
/// a nil value is an absent key.
extension ReminderContext {
    var templateContext: TemplateValue {
        .object([
            .creditor: .object([
                .legalName: .text(creditor.legalName),
                .addressLines: .texts(creditor.addressLines),
                // No signature: the legal name, printed under it anyway, signs alone (not twice).
                .signature: creditor.signature.trimmingSpaces().isEmpty ? nil : .text(creditor.signature),
                .legalMention: .optional(creditor.legalMention),
                .siren: .optional(creditor.siren),
                .vatNumber: .optional(creditor.vatNumber),
                .iban: .optional(creditor.iban),
                .bic: .optional(creditor.bic),
                .phone: .optional(creditor.phone),
                .email: .optional(creditor.email),
                .rcs: .optional(creditor.rcs),
            ]),
            .customer: .object([.id: .text(customer.id), .name: .text(customer.name), .addressLines: .texts(customer.addressLines)]),
            .invoices: .list(invoices.map(\.templateContext)),
            .credits: .list(credits.map(\.templateContext)),
            .totals: .object([
                .open: .text(totals.open), .currency: .text(totals.currency), .invoiceCount: .text(totals.invoiceCount),
                .severalInvoices: .flag(totals.severalInvoices), .beforeCredits: .text(totals.beforeCredits),
                .credited: .text(totals.credited), .hasCredits: .flag(totals.hasCredits),
                .severalCredits: .flag(totals.severalCredits),
            ]),
            .paymentReference: .text(paymentReference),
            // The letterhead names our reference only when it is not the account code it already shows.
            .paymentReferenceDiffers: .flag(paymentReference != customer.id),
            .priorActions: .list(priorActions.map { .object([.date: .text($0.date), .description: .text($0.description)]) }),
            .today: .text(today),
            .recoveryIndemnity: .text(recoveryIndemnity),
            .paymentQR: .optional(paymentQR),
            .statutory: statutory.map { statutory in
                .object([.interest: .text(statutory.interest), .indemnity: .text(statutory.indemnity), .total: .text(statutory.total)])
            },
            .letter: letter?.templateContext,
            .brokenPromise: brokenPromise.map { promise in .object([.date: .text(promise.date), .amount: .optional(promise.amount)]) },
        ])
    }
}

extension ReminderContext.Invoice {
    var templateContext: TemplateValue {
        .object([
            .number: .text(number), .amount: .text(amount), .open: .text(open),
            .daysLate: .text(daysLate), .daysUntilDue: .text(daysUntilDue),
            .lateBy: .text(lateBy), .dueIn: .text(dueIn),
            .isOverdue: .flag(isOverdue), .isPartlyPaid: .flag(isPartlyPaid),
            .claimed: .text(claimed), .credits: .list(credits.map(\.templateContext)),
            .hasCredit: .flag(!credits.isEmpty),
            .issued: .optional(issued), .due: .optional(due),
        ])
    }
}

extension ReminderContext.Credit {
    var templateContext: TemplateValue {
        .object([.number: .text(number), .invoice: .text(invoice), .amount: .text(amount), .date: .optional(date)])
    }
}

extension ReminderContext.Letter {
    var templateContext: TemplateValue {
        .object([
            .demanded: .list(demanded.map(\.templateContext)),
            .alsoOutstanding: .list(alsoOutstanding.map(\.templateContext)),
            .disputed: .list(disputed.map(\.templateContext)),
            .severalDisputed: .flag(disputed.count > 1),
            .severalDemanded: .flag(severalDemanded),
            .severalAlsoOutstanding: .flag(alsoOutstanding.count > 1),
            // Counted by credit number: one credit note set against two invoices is one credit.
            .severalCredits: .flag(Set(credits.map(\.credit)).count > 1),
            .credits: .list(credits.map {
                .object([.credit: .text($0.credit), .invoice: .text($0.invoice), .amount: .text($0.amount), .date: .optional($0.date),
                         .longDate: .optional($0.longDate)])
            }),
            .principal: .text(principal), .interest: .text(interest), .indemnities: .text(indemnities), .total: .text(total),
            .rates: .list(rates.map { .object([.semester: .text($0.semester), .rate: .text($0.rate), .basis: .text($0.basis)]) }),
            .missingRates: .optional(missingRates),
            .deadline: .optional(deadline),
            .deadlineDays: .optional(deadlineDays),
            .deadlineIn: .optional(deadlineIn),
            .procedure: .optional(procedure),
            .place: .optional(place),
            .paymentQR: .optional(paymentQR),
        ])
    }
}

extension ReminderContext.Letter.Invoice {
    var templateContext: TemplateValue {
        .object([
            .number: .text(number), .amount: .text(amount), .open: .text(open), .claimed: .text(claimed),
            .daysLate: .text(daysLate), .lateBy: .text(lateBy), .isPartlyPaid: .flag(isPartlyPaid),
            .hasCredit: .flag(hasCredit), .issued: .optional(issued), .due: .optional(due),
            .interest: .optional(interest), .indemnity: .optional(indemnity),
        ])
    }
}
