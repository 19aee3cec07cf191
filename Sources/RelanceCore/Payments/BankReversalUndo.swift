public import Foundation

/// What a reversal undoes, once `BankReversalFinder` has looked for its receipt among the
/// candidates the store read (`candidateLookBack`): the receipt's live payments turn
/// `reversed`, so the invoices they paid are due again, and the not-lettered task a payment
/// opened is cancelled; a payment the ledger already lettered is only said (the accountant
/// undoes it). Each on the invoice's timeline with why; a reversal that fits no receipt, or
/// several, undoes nothing and is journaled for a person. Both stores write what this says.
public struct BankReversalUndo: Sendable {
    /// A payment of the reversed receipt, as the store finds it.
    public struct MatchedPayment: Sendable, Hashable {
        public var matchID: Int64
        public var invoiceID: Int64
        public var invoiceNumber: String
        public var customerID: Int64
        public var amount: Money
        /// `awaiting-ledger`, `reported`, `lettered` or `reversed`.
        public var state: String
        /// The not-lettered task the payment opened, if any.
        public var taskID: Int64?

        public init(matchID: Int64, invoiceID: Int64, invoiceNumber: String, customerID: Int64, amount: Money, state: String, taskID: Int64?) {
            self.matchID = matchID
            self.invoiceID = invoiceID
            self.invoiceNumber = invoiceNumber
            self.customerID = customerID
            self.amount = amount
            self.state = state
            self.taskID = taskID
        }
    }

    /// Receipts booked more than this many days before a reversal are not read as candidates.
    public static let candidateLookBack = 366

    /// The receipt undone (`bank_reversal`): nil when none was found for sure.
    public var original: (id: Int64, method: BankReversalFinder.Method)?
    /// Payments to turn `reversed` (by the reversal's entry).
    public var reversedMatches: [Int64]
    /// Open tasks to cancel (reason `bank-reversal`).
    public var cancelledTasks: [Int64]
    public var events: [NewEvent]

    /// Whether a receipt was found and reversed.
    public var reversed: Bool { original != nil }

    /// `finding`: `BankReversalFinder.original(of: reversal, among: candidates)`; `payments`: the
    /// payments of the receipt found, in their order (none when none was found).
    public init(reversal: BankEntry, entryID: Int64, finding: BankReversalFinder.Finding, candidates: [(id: Int64, entry: BankEntry)],
                payments: [MatchedPayment], importID: Int64, creditor: CreditorID, words: any Wording, at time: Date) {
        let amount = Money(minorUnits: abs(reversal.amount.minorUnits), currency: reversal.amount.currency)
        reversedMatches = []
        cancelledTasks = []
        events = []
        original = nil
        switch finding {
        case .found(let originalID, let method):
            guard let receipt = candidates.first(where: { $0.id == originalID })?.entry else { return }
            original = (originalID, method)
            if payments.isEmpty {
                events.append(NewEvent(time: time, kind: "bank.reversed", creditor: creditor, importID: importID,
                                       summary: words.reversedReceiptPaidNothing(amount: receipt.amount, booked: receipt.booked, label: receipt.label,
                                                                                 reversedOn: reversal.booked, method: method),
                                       detail: ["entry": String(entryID), "original": String(originalID), "method": method.rawValue]))
            }
            for match in payments {
                let payment = BankPayment(matchID: match.matchID, invoiceID: match.invoiceID, invoiceNumber: match.invoiceNumber,
                                          customerID: match.customerID, amount: match.amount, booked: receipt.booked, label: receipt.label)
                // The ledger took a lettered payment into account already: only the accountant can undo that.
                let lettered = match.state == "lettered"
                if !lettered {
                    reversedMatches.append(match.matchID)
                    if let task = match.taskID { cancelledTasks.append(task) }
                }
                events.append(NewEvent(time: time, kind: "bank.reversed", creditor: creditor, customerID: match.customerID,
                                       invoiceID: match.invoiceID, importID: importID,
                                       summary: words.reversedPayment(invoice: match.invoiceNumber, payment: payment.sentence(in: words.language),
                                                                      reversedOn: reversal.booked, method: method, lettered: lettered),
                                       detail: ["entry": String(entryID), "original": String(originalID), "method": method.rawValue,
                                                "amount": match.amount.decimalString, "match": String(match.matchID)]))
            }
        case .ambiguous(let count):
            events = [NewEvent(time: time, kind: "bank.reversal-unmatched", creditor: creditor, importID: importID,
                               summary: words.reversalUnmatched(amount: amount, on: reversal.booked, label: reversal.label, candidates: count),
                               detail: ["entry": String(entryID), "candidates": String(count)])]
        case .notFound:
            events = [NewEvent(time: time, kind: "bank.reversal-unmatched", creditor: creditor, importID: importID,
                               summary: words.reversalUnmatched(amount: amount, on: reversal.booked, label: reversal.label, candidates: nil),
                               detail: ["entry": String(entryID)])]
        }
    }
}
