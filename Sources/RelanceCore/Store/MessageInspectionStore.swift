public import Foundation

/// Read-only questions about sent messages, for timelines and simulations.
public protocol MessageInspectionStore: Sendable {
    /// The numbers of the invoices a message speaks of.
    func invoiceNumbers(ofMessage id: Int64) async throws -> [String]
    /// When the next message waiting for a retry comes due, if any.
    func nextRetry(of creditor: CreditorID) async throws -> Date?
}
