/// Read-only questions about sent messages, for timelines and simulations.
public protocol MessageInspectionStore: Sendable {
    /// The numbers of the invoices a message speaks of.
    func invoiceNumbers(ofMessage id: Int64) async throws -> [String]
}
