/// Every name a reminder template can look up in `ReminderContext.templateContext`, interned:
/// a template's variable paths are resolved to these once, when it is compiled, and the context
/// is built with them, so rendering compares small integers where it hashed strings into
/// dictionaries for every variable of every reminder (issue #17). A name that is not here is
/// absent from every context: a path that uses one renders as an absent value.
///
/// The raw values are the names templates write; `TemplateSchema` (and through it the checker
/// and the documentation tests) still sees them as strings.
enum TemplateKey: String, Sendable, CaseIterable {
    // The root.
    case creditor, customer, invoices, credits, totals, today, letter, statutory
    case paymentReference = "payment_reference", priorActions = "prior_actions", paymentQR = "payment_qr"
    case paymentReferenceDiffers = "payment_reference_differs"
    case recoveryIndemnity = "recovery_indemnity"
    case brokenPromise = "broken_promise"
    // The creditor and the customer.
    case legalName = "legal_name", addressLines = "address_lines", signature, legalMention = "legal_mention"
    case siren, vatNumber = "vat_number", iban, bic, phone, email, rcs, id, name
    // Invoices, credits, totals, prior actions, statutory amounts, a broken promise.
    case number, amount, open, claimed, issued, due, date, description, invoice, credit
    case longDate = "long_date"
    case daysLate = "days_late", daysUntilDue = "days_until_due", lateBy = "late_by", dueIn = "due_in"
    case isOverdue = "is_overdue", isPartlyPaid = "is_partly_paid", hasCredit = "has_credit"
    case currency, invoiceCount = "invoice_count", severalInvoices = "several_invoices"
    case beforeCredits = "before_credits", credited, hasCredits = "has_credits", severalCredits = "several_credits"
    case interest, indemnity, total
    // Letters.
    case demanded, alsoOutstanding = "also_outstanding", disputed
    case severalDisputed = "several_disputed", severalDemanded = "several_demanded", severalAlsoOutstanding = "several_also_outstanding"
    case principal, indemnities, rates, semester, rate, basis
    case missingRates = "missing_rates", deadline, deadlineDays = "deadline_days", deadlineIn = "deadline_in", procedure, place
}

/// A transform a template may apply (`count(invoices)`, `first()`), resolved from its name
/// once at compile time; an unknown name, like an unknown key, makes the path absent.
enum TemplateTransform: String, Sendable, CaseIterable {
    case empty, capitalized, lowercased, uppercased, reversed, first, last, count, sorted
    case equalzero, plusone, minusone, even, odd, index
}
