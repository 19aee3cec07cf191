public import Foundation

/// Money received that no invoice could be matched to for sure: shown in the digest and the
/// console for a person to say whose it is.
public struct UnmatchedReceipt: Sendable, Hashable, Codable {
    /// The bank entry's id in the store: what `relance bank link` names.
    public var entryID: Int64
    public var booked: CivilDate
    public var amount: Money
    public var payer: String?
    public var payerIBAN: String?
    /// The remittance text as the bank gave it.
    public var remittance: String
    public var account: String

    public init(entryID: Int64, booked: CivilDate, amount: Money, payer: String?, payerIBAN: String?, remittance: String, account: String) {
        self.entryID = entryID
        self.booked = booked
        self.amount = amount
        self.payer = payer
        self.payerIBAN = payerIBAN
        self.remittance = remittance
        self.account = account
    }
}

/// What a person's word on an unmatched receipt did.
public struct ReceiptResolution: Sendable, Hashable, Codable {
    public var entryID: Int64
    /// The customer's id in the creditor's books; nil when set aside as paying no invoice.
    public var customer: String?
    /// The invoices the receipt was then matched to (paid, awaiting the ledger), by number.
    public var paidInvoices: [String]
    /// What was received beyond those invoices (or all of it when none fits): on account.
    public var onAccount: Money
    /// The payer's IBAN and name (as a key: capitals, single spaces) now linked to the customer.
    public var taught: [String]

    public init(entryID: Int64, customer: String?, paidInvoices: [String], onAccount: Money, taught: [String]) {
        self.entryID = entryID
        self.customer = customer
        self.paidInvoices = paidInvoices
        self.onAccount = onAccount
        self.taught = taught
    }
}

/// The one store operation behind `relance bank link` / `relance bank dismiss` and the
/// console's page: a person resolves an unmatched receipt.
public protocol BankReceiptStore: Sendable {
    /// Receipts no invoice was matched to, not reversed, not yet resolved by a person; oldest first.
    func unmatchedReceipts(of creditor: CreditorID) async throws -> [UnmatchedReceipt]
    /// Links receipt `entryID` to the customer whose id in the books is `customer` (teaching its
    /// payer's IBAN and name, so the next transfers match) and matches it to that customer's open
    /// invoices as an import would (its reference or invoice numbers, else the exact amount of
    /// one invoice or a set); or, with `customer` nil, sets it aside as paying no invoice. Either
    /// way it leaves the unmatched list; the customer's timeline says who did it and what followed.
    func resolveReceipt(_ entryID: Int64, of creditor: CreditorID, customer: String?, by person: String,
                        channel: TaskOutcomeRequest.Channel, at time: Date) async throws -> ReceiptResolution
}
