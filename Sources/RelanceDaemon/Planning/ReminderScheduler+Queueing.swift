import Foundation
import RelanceCore
import RelanceMail

/// The emails of a day's plan: composed, with their attachments, and stored in batches.
extension ReminderScheduler {
    /// Reminders composed and stored per transaction: one transaction per message cost more
    /// than composing it when thousands go out on the same day.
    static let messagesPerTransaction = 200

    /// A batch handed to the store, composed and written there while the planner prepares the
    /// next one (`handOver`), then recorded in the report (`record`).
    struct StoringBatch {
        let pending: [(contact: PlannedContact, message: PendingMessage)]
        let awaitingApproval: Bool
        let results: Task<[Result<Int64?, any Error>], Never>
    }

    /// Prepares a batch of reminders (drafts, attachments) and hands it to the store without
    /// waiting for it to be stored: composing one batch while the one before is written keeps
    /// the sender, which starts on the first batches stored, supplied. A customer whose reminder
    /// cannot be written (a template that cannot render its data, an unreadable attachment)
    /// fails alone, in `record`.
    func handOver(_ contacts: ArraySlice<PlannedContact>, awaitingApproval: Bool = false, day: CivilDate, at instant: Date,
                  report: inout Report) async -> StoringBatch {
        // The batch's kept invoice documents in one read, not one per reminder; if that read
        // fails, each reminder of the batch fails with it, as its own read would have.
        let documents: Result<[Int64: InvoiceDocument], any Error>
        do {
            documents = .success(try await keptDocuments(of: contacts))
        } catch {
            documents = .failure(error)
        }
        var pending: [(contact: PlannedContact, message: PendingMessage)] = []
        for contact in contacts {
            await attempt(contact.customer, step: contact.step.name, at: instant, report: &report) { _ in
                pending.append((contact, try pendingMessage(for: contact, documents: try documents.get(),
                                                            awaitingApproval: awaitingApproval, day: day, at: instant)))
            }
        }
        let store = store
        let messages = pending.map(\.message)
        let results = Task {
            do {
                return try await store.enqueue(messages, at: instant)
            } catch {
                return Array(repeating: .failure(error), count: messages.count)
            }
        }
        return StoringBatch(pending: pending, awaitingApproval: awaitingApproval, results: results)
    }

    /// Waits until the batch is stored and records each reminder's outcome.
    func record(_ batch: StoringBatch, at instant: Date, report: inout Report) async {
        let results = await batch.results.value
        for ((contact, _), result) in zip(batch.pending, results) {
            await attempt(contact.customer, step: contact.step.name, at: instant, report: &report) { report in
                guard let id = try result.get() else { return }
                if batch.awaitingApproval { report.awaitingApproval.append(id) } else { report.queued.append(id) }
                logger.info(batch.awaitingApproval ? "reminder stored for approval (review mode)" : "reminder queued", metadata: [
                    "creditor": "\(creditor.id)", "customer": "\(contact.customer.externalID)", "step": "\(contact.step.name)",
                    "message": "\(id)", "invoices": "\(contact.invoices.map(\.receivable.number).joined(separator: ","))",
                ])
            }
        }
    }

    /// The documents kept for the contacts' invoices (none when no documents folder is set).
    private func keptDocuments(of contacts: ArraySlice<PlannedContact>) async throws -> [Int64: InvoiceDocument] {
        guard documentsFolder != nil else { return [:] }
        return try await store.invoiceDocuments(invoiceIDs: contacts.flatMap { $0.invoices.map(\.receivable.invoiceID) })
    }

    private func pendingMessage(for contact: PlannedContact, documents: [Int64: InvoiceDocument], awaitingApproval: Bool,
                                day: CivilDate, at instant: Date) throws -> PendingMessage {
        let draft = MessageDraft(
            creditor: creditor.id, customerID: contact.customer.id, step: contact.step.name, plannedOn: day,
            invoices: contact.invoices.map { InvoiceMention(invoiceID: $0.receivable.invoiceID, step: $0.step, open: $0.receivable.open) },
            to: contact.customer.emails, cc: contact.customer.cc, awaitingApproval: awaitingApproval)
        let composer = composer
        let attachments = attachments(for: contact, documents: documents, on: day)
        return PendingMessage(draft) { id in
            try composer.compose(contact, outboxID: id, today: day, at: instant, attachments: attachments)
        }
    }

    /// The invoices' own PDFs (Factur-X kept from the drop folder) and, when the step asks for
    /// it, a statement of account. A kept file that can no longer be read is left out, logged.
    /// `documents` holds the kept documents of the contact's invoices (`keptDocuments`).
    func attachments(for contact: PlannedContact, documents: [Int64: InvoiceDocument], on day: CivilDate) -> [MailAttachment] {
        var attachments: [MailAttachment] = []
        if let documentsFolder {
            let vault = DocumentVault(stateFolder: documentsFolder.deletingLastPathComponent())
            for invoice in contact.invoices {
                guard let document = documents[invoice.receivable.invoiceID],
                      document.mediaType == "application/pdf" else { continue }
                guard let data = FileManager.default.contents(atPath: vault.url(of: document).path) else {
                    logger.warning("kept invoice PDF missing: not attached", metadata: [
                        "creditor": "\(creditor.id)", "invoice": "\(invoice.receivable.number)", "path": "\(document.path)",
                    ])
                    continue
                }
                attachments.append(MailAttachment(fileName: document.fileName, mediaType: document.mediaType, bytes: [UInt8](data)))
            }
        }
        if contact.step.attachStatement {
            attachments.append(StatementOfAccount.attachment(demand: contact.demand, customerID: contact.customer.externalID, today: day,
                                                             language: contact.customer.language ?? creditor.language))
        }
        return attachments
    }
}
