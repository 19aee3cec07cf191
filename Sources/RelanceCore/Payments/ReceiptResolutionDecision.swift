public import Foundation

/// A person's word on an unmatched receipt (`BankReceiptStore.resolveReceipt`), decided once the
/// store has read the receipt as it is inside the transaction that will write: refused when it
/// is no longer a receipt to resolve (matched, reversed, or resolved by someone else meanwhile);
/// set aside; or linked to a customer — the payer's IBAN and name taught first (so that this
/// and the next transfers match), then the receipt matched to that customer's open invoices as
/// an import would, the rest on account. Both stores write what this says.
public enum ReceiptResolutionDecision {
    /// The receipt as the store finds it.
    public struct Facts: Sendable, Hashable {
        public var entryID: Int64
        public var entry: BankEntry
        /// The invoices it was already matched to, by number, in the order of the matches.
        public var matchedInvoices: [String]
        public var reversed: Bool
        /// Who already resolved it, and the customer (id in the books) it was linked to; nil customer: set aside.
        public var resolvedBy: String?
        public var resolvedToCustomer: String?

        public init(entryID: Int64, entry: BankEntry, matchedInvoices: [String], reversed: Bool, resolvedBy: String?, resolvedToCustomer: String?) {
            self.entryID = entryID
            self.entry = entry
            self.matchedInvoices = matchedInvoices
            self.reversed = reversed
            self.resolvedBy = resolvedBy
            self.resolvedToCustomer = resolvedToCustomer
        }
    }

    /// Why a person's word cannot be taken; the store throws it as its own error with this code.
    public struct Refusal: Error, Sendable, Hashable {
        public enum Code: String, Sendable, Hashable {
            case notFound = "not-found"
            case invalidState = "invalid-state"
        }

        public var code: Code
        public var message: String
    }

    public static func noSuchEntry(_ entryID: Int64, words: any Wording) -> Refusal {
        Refusal(code: .notFound, message: words.receiptRefusal(.noSuchEntry(entryID: entryID)))
    }

    public static func noSuchCustomer(_ customer: String, words: any Wording) -> Refusal {
        Refusal(code: .notFound, message: words.receiptRefusal(.noSuchCustomer(customer)))
    }

    /// Nil when the receipt may still be resolved: money received, not matched, reversed or resolved.
    /// The refusal is in the creditor's words: a person reads it (the console, `relance bank`).
    public static func refusal(_ facts: Facts, words: any Wording) -> Refusal? {
        let id = facts.entryID
        guard facts.entry.amount.minorUnits > 0, !facts.entry.isReversal else {
            return Refusal(code: .invalidState, message: words.receiptRefusal(.notAReceipt(entryID: id, reversal: facts.entry.isReversal)))
        }
        if !facts.matchedInvoices.isEmpty {
            return Refusal(code: .invalidState, message: words.receiptRefusal(.alreadyMatched(entryID: id, invoices: facts.matchedInvoices)))
        }
        if facts.reversed {
            return Refusal(code: .invalidState, message: words.receiptRefusal(.reversedByBank(entryID: id)))
        }
        if let by = facts.resolvedBy {
            return Refusal(code: .invalidState, message: words.receiptRefusal(.alreadyResolved(entryID: id, customer: facts.resolvedToCustomer, by: by)))
        }
        return nil
    }

    /// Set aside as paying no invoice: its line and what the person is told.
    public static func dismissal(_ facts: Facts, creditor: CreditorID, by person: String, channel: TaskOutcomeRequest.Channel,
                                 words: any Wording, at time: Date) -> (event: NewEvent, resolution: ReceiptResolution) {
        let entry = facts.entry
        let event = NewEvent(time: time, kind: "bank.dismissed", creditor: creditor,
                             summary: words.receiptSetAside(amount: entry.amount, booked: entry.booked, label: entry.label, by: person, channel: channel),
                             detail: ["entry": String(facts.entryID), "by": person])
        return (event, ReceiptResolution(entryID: facts.entryID, customer: nil, paidInvoices: [], onAccount: Money.zero(entry.amount.currency), taught: []))
    }

    /// A link to the customer `customerID` (`customer` in the books): `taught`, the payers the
    /// store wrote as new (`BankPayerLink.payers` then `isNew`); `facts` the customer's open
    /// invoices and the payers as they are after the teaching.
    public static func link(_ receipt: Facts, customerID: Int64, customer: String, taught: [BankPayerLink], facts: BankMatchingFacts,
                            creditor: CreditorID, by person: String, channel: TaskOutcomeRequest.Channel, words: any Wording,
                            at time: Date) -> (record: BankMatchRecord?, event: NewEvent, resolution: ReceiptResolution) {
        let entry = receipt.entry
        var matcher = facts.matcher()
        let match = matcher.match(entry, forCustomer: customerID)
        let record = match.map {
            BankMatchRecord($0, entryID: receipt.entryID, entry: entry, importID: nil, ledgerOpen: facts.ledgerOpen, creditor: creditor,
                            words: words, at: time)
        }
        let paid = match?.allocations.map(\.number) ?? []
        let onAccount = match?.unallocated ?? entry.amount
        let taughtValues = taught.map(\.value)
        let summary = words.receiptLinked(amount: entry.amount, booked: entry.booked, label: entry.label, customer: customer, by: person,
                                          channel: channel, paid: paid, onAccount: onAccount, taught: taughtValues)
        let event = NewEvent(time: time, kind: "bank.linked", creditor: creditor, customerID: customerID, summary: summary,
                             detail: ["entry": String(receipt.entryID), "by": person, "invoices": paid.joined(separator: ",")])
        return (record, event, ReceiptResolution(entryID: receipt.entryID, customer: customer, paidInvoices: paid, onAccount: onAccount,
                                                 taught: taughtValues))
    }
}
