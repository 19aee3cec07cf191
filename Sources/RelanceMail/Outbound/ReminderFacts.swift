public import RelanceCore

/// The creditor as its reminders present it: letterhead, legal identifiers, bank details.
public struct CreditorProfile: Sendable, Hashable, Codable {
    public var legalName: String
    public var addressLines: [String]
    public var siren: String?
    public var vatNumber: String?
    public var iban: String?
    public var bic: String?
    public var phone: String?
    public var email: EmailAddress?
    public var signature: String
    /// `RCS Lyon 812 345 678`, for the letterhead of printed documents.
    public var rcs: String?
    /// `SAS`, `SARL`…, and the share capital, printed before the RCS on business letters.
    public var legalForm: String?
    public var shareCapital: Money?
    /// What messages ask the customer to quote: the customer's code, or an RF creditor reference.
    public var paymentReference: PaymentReferenceStyle

    public init(legalName: String, addressLines: [String] = [], siren: String? = nil, vatNumber: String? = nil,
                iban: String? = nil, bic: String? = nil, phone: String? = nil, email: EmailAddress? = nil, signature: String,
                rcs: String? = nil, legalForm: String? = nil, shareCapital: Money? = nil, paymentReference: PaymentReferenceStyle = .customer) {
        self.legalName = legalName
        self.paymentReference = paymentReference
        self.rcs = rcs
        self.legalForm = legalForm
        self.shareCapital = shareCapital
        self.addressLines = addressLines
        self.siren = siren
        self.vatNumber = vatNumber
        self.iban = iban
        self.bic = bic
        self.phone = phone
        self.email = email
        self.signature = signature
    }
}

/// Something already done about the debt, which a later reminder recalls.
public struct PriorAction: Sendable, Hashable, Codable {
    public var date: CivilDate
    /// Already in the message's language, as printed after "le 5 juin 2026 :": "relance par courriel", "appel téléphonique".
    public var description: String

    public init(date: CivilDate, description: String) {
        self.date = date
        self.description = description
    }
}

/// Late-payment interest and recovery indemnities as the ladder computed them (issue 4):
/// interest in each invoice's currency, indemnities in euros.
public struct StatutoryAmounts: Sendable, Hashable, Codable {
    public var interest: [Money]
    public var indemnity: Money

    public init(interest: [Money], indemnity: Money) {
        self.interest = interest
        self.indemnity = indemnity
    }
}
