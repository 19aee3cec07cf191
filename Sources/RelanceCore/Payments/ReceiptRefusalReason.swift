/// Why a person's word on a bank receipt cannot be taken (`ReceiptResolutionDecision.refusal`),
/// said in the creditor's language by `BankWording.receiptRefusal`.
public enum ReceiptRefusalReason: Sendable, Hashable {
    case noSuchEntry(entryID: Int64)
    case noSuchCustomer(String)
    /// Money paid out, or the bank's reversal of a receipt: nothing to link.
    case notAReceipt(entryID: Int64, reversal: Bool)
    case alreadyMatched(entryID: Int64, invoices: [String])
    case reversedByBank(entryID: Int64)
    /// Linked to `customer` (nil: set aside) by someone else meanwhile.
    case alreadyResolved(entryID: Int64, customer: String?, by: String)
}
