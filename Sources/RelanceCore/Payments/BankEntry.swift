

/// One movement on a bank account, as a statement gives it: money received is positive,
/// money paid out negative. Every format (CFONB 120, camt.053/054, OFX) is read into this.
public struct BankEntry: Sendable, Hashable {
    /// The booking date (date comptable).
    public var booked: CivilDate
    public var valueDate: CivilDate?
    /// Signed: positive for money received, negative for money paid out.
    public var amount: Money
    /// The payer of a receipt, the payee of a payment, when the bank names one.
    public var counterparty: String?
    public var counterpartyIBAN: String?
    /// Every free text and reference the bank gave for the movement, joined in its order.
    public var remittance: String
    /// A structured creditor reference (ISO 11649 `RF…`, or another scheme's) when there is one.
    public var reference: String?
    /// The bank's own reference for the movement (AcctSvcrRef, FITID, the CFONB entry number).
    public var bankReference: String?
    /// The statement's account: an IBAN, or bank/branch/account for CFONB and OFX.
    public var account: String
    /// A reversal (camt `RvslInd`, a CFONB rejection code): it undoes an earlier movement.
    public var isReversal: Bool
    /// The bank reference of the movement a reversal undoes, when the bank names it (OFX
    /// `CORRECTFITID` with `CORRECTACTION` DELETE); otherwise `BankReversalFinder` looks for it.
    public var reverses: String?
    /// Where the movement is in the file (line, or record number for fixed-length CFONB).
    public var line: Int?

    public init(booked: CivilDate, valueDate: CivilDate? = nil, amount: Money, counterparty: String? = nil,
                counterpartyIBAN: String? = nil, remittance: String = "", reference: String? = nil,
                bankReference: String? = nil, account: String, isReversal: Bool = false, reverses: String? = nil, line: Int? = nil) {
        self.booked = booked
        self.valueDate = valueDate
        self.amount = amount
        self.counterparty = counterparty
        self.counterpartyIBAN = counterpartyIBAN
        self.remittance = remittance
        self.reference = reference
        self.bankReference = bankReference
        self.account = account
        self.isReversal = isReversal
        self.reverses = reverses
        self.line = line
    }
}

/// What a bank statement file held: its format, the accounts it covers and their movements.
public struct BankStatement: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case cfonb120 = "cfonb120"
        case camt053 = "camt.053"
        case camt054 = "camt.054"
        case ofx
    }

    public var format: Format
    public var entries: [BankEntry]

    public init(format: Format, entries: [BankEntry]) {
        self.format = format
        self.entries = entries
    }

    /// The accounts the statement covers, in the order they first appear.
    public var accounts: [String] {
        var seen = Set<String>()
        return entries.map(\.account).filter { seen.insert($0).inserted }
    }
}
