public import Foundation

/// Customers as the contacts file describes them, and what the planner reads back.
public protocol CustomerProfileStore: Sendable {
    /// Applies a contacts file in one transaction with its import record; the same bytes
    /// applied twice return `.duplicate`. Invalid addresses are recorded as events, never stored.
    func importContacts(_ file: ImportedFile, _ profiles: [CustomerProfile], at time: Date) async throws -> ImportReceipt

    /// Every customer of the creditor with its profile (valid addresses only).
    func customerProfiles(of creditor: CreditorID) async throws -> [StoredCustomer]

    func customerProfile(id: Int64) async throws -> StoredCustomer?
}

/// Snapshots held back by the mass-settlement safety, and the documents kept for invoices.
public protocol ImportReviewStore: Sendable {
    func heldImports(of creditor: CreditorID?) async throws -> [HeldImport]

    /// Applies a held snapshot as it was dropped, without the safety check (a person decided).
    func confirmHeldImport(_ importID: Int64, at time: Date) async throws -> ImportReceipt

    /// The invoice's own document (PDF or XML) kept in the state folder, if any.
    func invoiceDocument(invoiceID: Int64) async throws -> InvoiceDocument?

    /// The kept documents of several invoices, by invoice id (those without one are absent): a
    /// day's reminders are composed in batches, and one read per reminder cost a thread hop each.
    func invoiceDocuments(invoiceIDs: [Int64]) async throws -> [Int64: InvoiceDocument]
}

extension ImportReviewStore {
    /// One read per invoice, for a store that has nothing better.
    public func invoiceDocuments(invoiceIDs: [Int64]) async throws -> [Int64: InvoiceDocument] {
        var documents: [Int64: InvoiceDocument] = [:]
        for id in invoiceIDs where documents[id] == nil {
            if let document = try await invoiceDocument(invoiceID: id) { documents[id] = document }
        }
        return documents
    }
}
