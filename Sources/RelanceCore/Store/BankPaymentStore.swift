public import Foundation

/// A payment a bank statement shows for one invoice, not yet lettered in the ledger: the
/// invoice is "paid, awaiting the ledger" for this amount.
public struct BankPayment: Sendable, Hashable, Codable {
    public var matchID: Int64
    public var invoiceID: Int64
    public var invoiceNumber: String
    public var customerID: Int64
    public var amount: Money
    public var booked: CivilDate
    /// The bank's label: payer and remittance text, for the plan and the timeline.
    public var label: String

    public init(matchID: Int64, invoiceID: Int64, invoiceNumber: String, customerID: Int64, amount: Money, booked: CivilDate, label: String) {
        self.matchID = matchID
        self.invoiceID = invoiceID
        self.invoiceNumber = invoiceNumber
        self.customerID = customerID
        self.amount = amount
        self.booked = booked
        self.label = label
    }

    /// "paiement de 912,00 € reçu le 03/12 — VIR SEPA OCEANE EVENEMENTS / FA26-0866": the plan's
    /// and the timeline's words, in the creditor's language (`ReasonWording.bankPayment`).
    public func sentence(in language: Language) -> String {
        language.wording.bankPayment(amount: amount, booked: booked, label: label)
    }
}

/// What importing a bank statement did.
public struct BankImportReceipt: Sendable, Hashable, Codable {
    public var importID: Int64
    public var outcome: ImportReceipt.Outcome
    public var newEntries = 0
    /// Entries already read from an earlier, overlapping statement.
    public var knownEntries = 0
    /// Receipts matched to invoices, and the invoices they paid (fully or in part).
    public var matchedReceipts = 0
    public var paidInvoices = 0
    /// Receipts nothing could be matched to: listed for a person, no task.
    public var unmatchedReceipts = 0
    /// Earlier receipts a reversal in this statement undid (their matches lifted).
    public var reversedReceipts = 0
    public var warnings: [String] = []

    public init(importID: Int64, outcome: ImportReceipt.Outcome) {
        self.importID = importID
        self.outcome = outcome
    }
}

/// The store's side of bank statements: entries recorded once, payments matched to invoices,
/// and the ledger's later word on them.
public protocol BankPaymentStore: Sendable {
    /// Records the statement and its new entries, matches the receipts to open invoices and
    /// journals each match, in one transaction. The same statement twice changes nothing;
    /// entries seen in an overlapping statement are not recorded again.
    func importBankStatement(_ file: ImportedFile, _ statement: BankStatement, language: Language, at time: Date) async throws -> BankImportReceipt
    /// The payments of open invoices that the ledger has not yet taken into account.
    func bankPayments(of creditor: CreditorID) async throws -> [BankPayment]
    /// After an authoritative snapshot as of `ledgerAsOf`: a payment the ledger took into
    /// account (the invoice settled, or its open amount changed) is done; one booked at least
    /// `waitDays` before and still not lettered opens one task for the accountant. Returns the
    /// number of tasks opened.
    func reviewBankPayments(of creditor: CreditorID, ledgerAsOf: CivilDate, waitDays: Int, language: Language, at time: Date) async throws -> Int
}
