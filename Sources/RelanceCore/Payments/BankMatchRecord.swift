public import Foundation

/// What one receipt's match writes, in the creditor's words: a payment (awaiting the ledger)
/// per invoice it pays, each journaled on the invoice's timeline, the overpayment if any, and
/// the payers a certain match (a reference or an invoice number) teaches. Decided here, written
/// by either store in the transaction that matched: a statement's import, a person's link of a
/// receipt, the retry after a ledger's import.
public struct BankMatchRecord: Sendable, Hashable {
    /// One `bank_match` row.
    public struct Payment: Sendable, Hashable {
        public var invoiceID: Int64
        public var amount: Money
        public var method: PaymentMatcher.Method
        /// The ledger's open amount when matched: when a later import changes it, the ledger
        /// took the payment into account.
        public var ledgerOpen: Int64
    }

    /// The receipt's bank entry.
    public var entryID: Int64
    public var payments: [Payment]
    /// `bank.matched` per payment in order, then `bank.overpaid` when money is left over.
    public var events: [NewEvent]
    /// The payers to link to the customer, each learned from the first payment's row, written
    /// only when not yet known (a person's earlier word stays). Empty for a known payer's match.
    public var payersTaught: [BankPayerLink]

    /// `ledgerOpen`: the ledger's open amount of each invoice (`BankMatchingFacts.ledgerOpen`).
    public init(_ match: PaymentMatcher.Match, entryID: Int64, entry: BankEntry, importID: Int64?, ledgerOpen: [Int64: Int64],
                creditor: CreditorID, words: any Wording, at time: Date) {
        let label = entry.label
        let payments = match.allocations.map {
            Payment(invoiceID: $0.invoiceID, amount: $0.amount, method: match.method, ledgerOpen: ledgerOpen[$0.invoiceID] ?? 0)
        }
        var events = zip(match.allocations, payments).map { allocation, payment in
            NewEvent(time: time, kind: "bank.matched", creditor: creditor, customerID: match.customerID, invoiceID: allocation.invoiceID,
                     importID: importID,
                     summary: words.bankMatched(
                        invoice: allocation.number, payment: words.bankPayment(amount: allocation.amount, booked: entry.booked, label: label),
                        ledgerOpen: allocation.amount.minorUnits < payment.ledgerOpen
                            ? Money(minorUnits: payment.ledgerOpen, currency: allocation.amount.currency) : nil,
                        method: match.method),
                     detail: ["entry": String(entryID), "method": match.method.rawValue, "amount": allocation.amount.decimalString])
        }
        if match.unallocated.minorUnits > 0 {
            events.append(NewEvent(time: time, kind: "bank.overpaid", creditor: creditor, customerID: match.customerID, importID: importID,
                                   summary: words.bankOverpaid(amount: entry.amount, booked: entry.booked, invoices: match.allocations.map(\.number),
                                                               extra: match.unallocated),
                                   detail: ["entry": String(entryID)]))
        }
        self.entryID = entryID
        self.payments = payments
        self.events = events
        // A reference or an invoice number is certain: it teaches who pays for this customer.
        payersTaught = match.method == .knownPayer || payments.isEmpty ? [] : BankPayerLink.payers(of: entry, customerID: match.customerID)
    }
}
