/// What a file decides for an invoice the store already holds: its new values and the journal's
/// lines, from the stored invoice's facts and the file's item (issue #3, "Snapshots").
///
/// An older authoritative snapshot dropped late changes nothing (one line says so). Otherwise
/// the item may move the invoice to another customer, reopen it (the ledger lists a settled
/// invoice again), change its open amount (only the authoritative source speaks of payments:
/// enrichment files never lower or settle), change its due date (a date an earlier document
/// stated still counts, one derived from terms is recomputed), and keep its document.
public struct InvoiceUpdateDecision: Sendable {
    /// The invoice's values to write (`nil` fields of `issuedOn`, `totalMinor` and the document
    /// keep what is stored).
    public struct Values: Sendable, Hashable {
        public var customerID: Int64
        public var openMinor: Int64
        public var dueOn: String?
        public var dueSource: String?
        public var issuedOn: String?
        public var totalMinor: Int64?
        public var isSettled: Bool
        public var settledByImportID: Int64?
        public var seenAsOf: String
        public var document: InvoiceDocument?
    }

    /// nil: an older snapshot, nothing written but its line.
    public var values: Values?
    /// Written before the invoice (the customer it moved to).
    public var eventsBefore: [NewEvent] = []
    /// Written after the invoice and after its former placeholder customer is released.
    public var eventsAfter: [NewEvent] = []
    /// The customer the invoice left, when it moved: a placeholder left without open invoices is released.
    public var formerCustomerID: Int64?
    /// Whether anything changed (the receipt counts it as updated, else unchanged).
    public var changed = false

    public init(_ stored: StoredInvoice, item: OpenItem, details: InvoiceDetails, customer: CustomerDirectory.Entry, importID: Int64,
                rules: SnapshotRules, tally: inout SnapshotImportTally) {
        let snapshot = rules.snapshot, words = rules.words, file = rules.fileName
        let invoiceID = stored.id
        if snapshot.isAuthoritative && rules.asOf < stored.seenAsOf {
            eventsBefore.append(rules.event("invoice.older-snapshot", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                                            words.invoiceOlderSnapshot(invoice: item.invoice, file: file, asOf: snapshot.asOf,
                                                                       applied: CivilDate(iso8601: stored.seenAsOf) ?? snapshot.asOf)))
            return
        }
        let oldCustomer = stored.customerID
        if oldCustomer != customer.id {
            formerCustomerID = oldCustomer
            eventsBefore.append(rules.event("invoice.customer-changed", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                                            words.invoiceCustomerChanged(invoice: item.invoice, customer: customer.externalID, file: file,
                                                                         formerCustomerID: oldCustomer)))
        }
        let oldOpen = stored.openMinor, oldDue = stored.dueOn, oldSource = stored.dueSource
        let issued = item.issued ?? stored.issuedOn.flatMap { CivilDate(iso8601: $0) }
        // A date an earlier document stated still counts; one derived from terms is recomputed.
        let previous = oldDue.flatMap { due -> DueDateResolution.Candidate? in
            guard let oldSource, !oldSource.hasPrefix(DueDateSource.customerTermsPrefix), !oldSource.hasPrefix(DueDateSource.creditorDefaultPrefix),
                  let date = CivilDate(iso8601: due) else { return nil }
            return .init(source: oldSource.hasSuffix(DueDateSource.earlierImportSuffix) ? oldSource : oldSource + DueDateSource.earlierImportSuffix,
                         date: date)
        }
        let due = rules.dueDate(for: item, issued: issued, details: details, customerTerms: customer.terms, previous: previous)
        let newDue = due.due?.iso8601 ?? oldDue
        // Enrichment sources never lower or settle: only the authoritative snapshot speaks of payments.
        let newOpen = snapshot.isAuthoritative ? item.open.minorUnits : oldOpen
        let reopened = stored.isSettled && snapshot.isAuthoritative
        let staysSettled = stored.isSettled && !reopened
        let document = details.document
        values = Values(customerID: customer.id, openMinor: newOpen, dueOn: newDue, dueSource: due.due == nil ? oldSource : due.source,
                        issuedOn: item.issued?.iso8601, totalMinor: item.total?.minorUnits, isSettled: staysSettled,
                        settledByImportID: staysSettled ? stored.settledByImportID : nil,
                        seenAsOf: snapshot.isAuthoritative ? max(rules.asOf, stored.seenAsOf) : stored.seenAsOf, document: document)
        if reopened {
            eventsAfter.append(rules.event("invoice.reopened", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                                           words.invoiceReopened(invoice: item.invoice, file: file, asOf: snapshot.asOf, open: item.open)))
        } else if newOpen != oldOpen {
            let kind = newOpen < oldOpen ? "invoice.partly-paid" : "invoice.increased"
            eventsAfter.append(rules.event(kind, customerID: customer.id, invoiceID: invoiceID, importID: importID,
                                           words.invoiceOpenChanged(invoice: item.invoice, from: Money(minorUnits: oldOpen, currency: item.open.currency),
                                                                    to: item.open, file: file)))
        }
        if newDue != oldDue {
            eventsAfter.append(rules.event("invoice.due-changed", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                                           words.invoiceDueChanged(invoice: item.invoice, from: oldDue.flatMap { CivilDate(iso8601: $0) },
                                                                   to: newDue.flatMap { CivilDate(iso8601: $0) }, source: due.source, file: file)))
            eventsAfter += rules.dueDateEvents(due, item: item, customerID: customer.id, invoiceID: invoiceID, importID: importID, tally: &tally)
        }
        if document != nil {
            eventsAfter.append(rules.event("invoice.document-kept", customerID: customer.id, invoiceID: invoiceID, importID: importID,
                                           words.invoiceDocumentKept(invoice: item.invoice, file: file)))
        }
        changed = reopened || newOpen != oldOpen || newDue != oldDue || oldCustomer != customer.id || document != nil
    }
}
