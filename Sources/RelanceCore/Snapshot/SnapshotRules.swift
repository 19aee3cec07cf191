public import Foundation

/// The rules of applying one file's open items (issue #3, "Snapshots"), the same for every
/// store: each store reads the creditor's book its own way, asks these what to do, and writes
/// it. A file of the creditor's authoritative source is a full picture as of its date, so an
/// open invoice it no longer lists is settled; other files only add and enrich. An older
/// snapshot dropped late never undoes what a newer one decided.
public struct SnapshotRules {
    public let file: ImportedFile
    public let snapshot: ReceivableSnapshot
    public let time: Date
    /// The creditor's words for the journal's lines and the receipt.
    public let words: any Wording
    /// The snapshot's date as the stores keep it (ISO 8601, ordered as text like `seen_as_of`).
    public let asOf: String

    public init(file: ImportedFile, snapshot: ReceivableSnapshot, time: Date, words: any Wording) {
        self.file = file
        self.snapshot = snapshot
        self.time = time
        self.words = words
        asOf = snapshot.asOf.iso8601
    }

    public var fileName: String { file.fileName }

    /// A line of this import's journal.
    public func event(_ kind: String, customerID: Int64? = nil, invoiceID: Int64? = nil, importID: Int64, _ summary: String,
                      detail: [String: String] = [:]) -> NewEvent {
        NewEvent(time: time, kind: kind, creditor: file.creditor, customerID: customerID, invoiceID: invoiceID, importID: importID,
                 summary: summary, detail: detail)
    }

    /// The e-invoice's details of the item's invoice (none for a ledger's report).
    public func details(of item: OpenItem) -> InvoiceDetails {
        snapshot.details.isEmpty ? InvoiceDetails() : snapshot.details[item.invoice] ?? InvoiceDetails()
    }

    /// Two lines with the same invoice number are one invoice (exports with a row per invoice line).
    public static func folded(_ items: [OpenItem]) -> [OpenItem] {
        // Most files list each invoice once: then there is nothing to fold and nothing to copy.
        var numbers = Set<String>(minimumCapacity: items.count)
        guard !items.allSatisfy({ numbers.insert($0.invoice).inserted }) else { return items }
        var order: [String] = []
        var byNumber: [String: OpenItem] = [:]
        byNumber.reserveCapacity(items.count)
        for item in items {
            if var existing = byNumber[item.invoice], existing.open.currency == item.open.currency {
                existing.open.minorUnits += item.open.minorUnits
                if let total = item.total {
                    existing.total = Money(minorUnits: (existing.total?.minorUnits ?? 0) + total.minorUnits, currency: total.currency)
                }
                existing.emails += item.emails.filter { !existing.emails.contains($0) }
                byNumber[item.invoice] = existing
            } else if byNumber[item.invoice] == nil {
                order.append(item.invoice)
                byNumber[item.invoice] = item
            }
        }
        return order.compactMap { byNumber[$0] }
    }

    /// The customer code of a buyer nobody identified yet: one placeholder per invoice.
    public static func placeholderID(_ item: OpenItem) -> String { "?" + item.invoice }

    /// Shows control characters as escapes, so a hostile value cannot forge lines in the journal.
    public static func printable(_ text: String) -> String {
        "\"" + PrintableText.escape(text) + "\""
    }

    /// The item's due date from every source that speaks of it; `previous`: what an earlier
    /// import stated (see `InvoiceUpdateDecision`).
    public func dueDate(for item: OpenItem, issued: CivilDate?, details: InvoiceDetails, customerTerms: PaymentTermsRule?,
                        previous: DueDateResolution.Candidate?) -> DueDateResolution {
        var explicit: [DueDateResolution.Candidate] = []
        if let due = item.due { explicit.append(.init(source: snapshot.statedDueSource, date: due)) }
        if let text = details.dueFromTermsText, text != item.due { explicit.append(.init(source: DueDateSource.termsText, date: text)) }
        if let previous, explicit.isEmpty || previous.date != explicit[0].date { explicit.append(previous) }
        return DueDateResolution(issued: issued, explicit: explicit, customerTerms: customerTerms, defaultTerms: snapshot.defaultTerms,
                                 isCredit: item.open.minorUnits < 0)
    }

    /// The lines a due date decided for an invoice calls for (sources that disagree, terms beyond
    /// the legal cap), each also noted for the receipt's warnings.
    public func dueDateEvents(_ due: DueDateResolution, item: OpenItem, customerID: Int64, invoiceID: Int64, importID: Int64,
                              tally: inout SnapshotImportTally) -> [NewEvent] {
        guard !due.disagreement.isEmpty || due.beyondLegalCap else { return [] }
        var events: [NewEvent] = []
        if !due.disagreement.isEmpty {
            tally.dueDisagreements.append(DueDisagreement(invoice: item.invoice,
                                                          said: due.disagreement.map { DueDisagreement.Said(source: $0.source, date: $0.date) }))
            events.append(event("invoice.due-disagreement", customerID: customerID, invoiceID: invoiceID, importID: importID,
                                words.invoiceDueDisagreement(invoice: item.invoice, said: due.disagreement.map { ($0.source, $0.date) },
                                                             kept: due.due, source: due.source)))
        }
        if due.beyondLegalCap {
            tally.beyondCap.append(item.invoice)
            events.append(event("invoice.terms-beyond-cap", customerID: customerID, invoiceID: invoiceID, importID: importID,
                                words.invoiceTermsBeyondCap(invoice: item.invoice, due: due.due, source: due.source, issued: item.issued)))
        }
        return events
    }

    /// A new invoice's due date (its own statements, else the customer's or the creditor's terms).
    public func newInvoiceDue(_ item: OpenItem, details: InvoiceDetails, customer: CustomerDirectory.Entry) -> DueDateResolution {
        dueDate(for: item, issued: item.issued, details: details, customerTerms: customer.terms, previous: nil)
    }

    /// The lines of a new invoice: opened (unless a first load journals them per customer at the
    /// end, `OpenedInvoicesLine`), then what its due date calls for.
    public func openedEvents(_ item: OpenItem, due: DueDateResolution, customerID: Int64, invoiceID: Int64, importID: Int64,
                             tally: inout SnapshotImportTally) -> [NewEvent] {
        var events = tally.journalsOpenedAtEnd ? [] : [event("invoice.opened", customerID: customerID, invoiceID: invoiceID, importID: importID,
                                                             words.invoiceOpened(invoice: item.invoice, open: item.open, due: due.due,
                                                                                 source: due.source, file: file.fileName))]
        events += dueDateEvents(due, item: item, customerID: customerID, invoiceID: invoiceID, importID: importID, tally: &tally)
        return events
    }

    /// Whether an authoritative snapshot settles this stored open invoice: seen at or before its
    /// date, and listed neither by its items nor by its refused rows (`seen`).
    public func settles(number: String, seenAsOf: String, seen: Set<String>) -> Bool {
        seenAsOf <= asOf && !seen.contains(number)
    }

    public func settledEvent(number: String, customerID: Int64, invoiceID: Int64, importID: Int64) -> NewEvent {
        event("invoice.settled", customerID: customerID, invoiceID: invoiceID, importID: importID,
              words.invoiceSettledByImport(invoice: number, file: file.fileName, asOf: snapshot.asOf))
    }

    /// The line of bytes already applied or held for this creditor.
    public func duplicateEvent(of importID: Int64, held: Bool) -> NewEvent {
        event("import.duplicate", importID: importID, words.importDuplicate(file: file.fileName, of: importID, held: held))
    }

    /// The line of the same bytes dropped again confirming the books as of `asOf`
    /// (`SnapshotReconfirmation`), which is also the receipt's note: what was read into the drop.
    public func reconfirmedEvent(of importID: Int64, asOf: CivilDate, previous: CivilDate) -> NewEvent {
        event("import.reconfirmed", importID: importID,
              words.importReconfirmed(file: file.fileName, of: importID, asOf: asOf, previous: previous),
              detail: ["as_of": asOf.iso8601, "previous_as_of": previous.iso8601])
    }

    /// A held snapshot's line, which is also the receipt's warning.
    public func heldEvent(importID: Int64, reason: String) -> NewEvent {
        event("import.held", importID: importID, words.importHeld(importID: importID, file: file.fileName, reason: reason),
              detail: ["sha256": file.sha256])
    }

    /// The invoices a large first load opened, one customer's in one line (`journalOpened`).
    public func openedLine(customerID: Int64, firstInvoiceID: Int64, invoices: [OpenedInvoice], importID: Int64) -> NewEvent {
        if invoices.count == 1, let invoice = invoices.first {
            return event("invoice.opened", customerID: customerID, invoiceID: firstInvoiceID, importID: importID,
                         words.invoiceOpened(invoice: invoice.number, open: invoice.open, due: invoice.due, source: invoice.source,
                                             file: file.fileName))
        }
        return event("invoice.opened", customerID: customerID, importID: importID, words.invoicesOpened(invoices, file: file.fileName),
                     detail: ["invoices": String(invoices.count)])
    }
}
