import Foundation
import RelanceCore
import RelanceMail

/// The emails of a day's plan: composed, with their attachments, and stored in batches.
extension ReminderScheduler {
    /// Reminders composed and stored per transaction: one transaction per message cost more
    /// than composing it when thousands go out on the same day.
    static let messagesPerTransaction = 200

    /// Composes and stores a batch of reminders. A customer whose reminder cannot be written
    /// (a template that cannot render its data, an unreadable attachment) fails alone.
    func queue(_ contacts: ArraySlice<PlannedContact>, awaitingApproval: Bool = false, day: CivilDate, at instant: Date,
               report: inout Report) async {
        var pending: [(contact: PlannedContact, message: PendingMessage)] = []
        for contact in contacts {
            await attempt(contact.customer, step: contact.step.name, at: instant, report: &report) { _ in
                pending.append((contact, try await pendingMessage(for: contact, awaitingApproval: awaitingApproval, day: day, at: instant)))
            }
        }
        let results: [Result<Int64?, any Error>]
        do {
            results = try await store.enqueue(pending.map(\.message), at: instant)
        } catch {
            results = Array(repeating: .failure(error), count: pending.count)
        }
        for ((contact, _), result) in zip(pending, results) {
            await attempt(contact.customer, step: contact.step.name, at: instant, report: &report) { report in
                guard let id = try result.get() else { return }
                if awaitingApproval { report.awaitingApproval.append(id) } else { report.queued.append(id) }
                logger.info(awaitingApproval ? "reminder stored for approval (review mode)" : "reminder queued", metadata: [
                    "creditor": "\(creditor.id)", "customer": "\(contact.customer.externalID)", "step": "\(contact.step.name)",
                    "message": "\(id)", "invoices": "\(contact.invoices.map(\.receivable.number).joined(separator: ","))",
                ])
            }
        }
    }

    private func pendingMessage(for contact: PlannedContact, awaitingApproval: Bool, day: CivilDate, at instant: Date) async throws -> PendingMessage {
        let draft = MessageDraft(
            creditor: creditor.id, customerID: contact.customer.id, step: contact.step.name, plannedOn: day,
            invoices: contact.invoices.map { InvoiceMention(invoiceID: $0.receivable.invoiceID, step: $0.step, open: $0.receivable.open) },
            to: contact.customer.emails, cc: contact.customer.cc, awaitingApproval: awaitingApproval)
        let composer = composer
        let attachments = try await attachments(for: contact, on: day)
        return PendingMessage(draft) { id in
            try composer.compose(contact, outboxID: id, today: day, at: instant, attachments: attachments)
        }
    }

    /// The invoices' own PDFs (Factur-X kept from the drop folder) and, when the step asks for
    /// it, a statement of account. A kept file that can no longer be read is left out, logged.
    func attachments(for contact: PlannedContact, on day: CivilDate) async throws -> [MailAttachment] {
        var attachments: [MailAttachment] = []
        if let documentsFolder {
            let vault = DocumentVault(stateFolder: documentsFolder.deletingLastPathComponent())
            for invoice in contact.invoices {
                guard let document = try await store.invoiceDocument(invoiceID: invoice.receivable.invoiceID),
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
