public import RelanceCore
public import RelanceImport

/// One company owed money, with the identity its letters and emails carry.
public struct CreditorConfiguration: Sendable, Hashable {
    public var id: CreditorID
    public var legalName: String
    public var addressLines: [String]
    public var siren: String?
    public var rcs: String?
    public var vatNumber: String?
    public var iban: String?
    public var bic: String?
    public var phone: String?
    /// The `From` of reminders: a name and an address of the creditor's domain.
    public var senderName: String
    public var senderAddress: EmailAddress
    public var replyTo: EmailAddress?
    /// The envelope sender that receives bounces; with `verp`, `local+TOKEN@domain`.
    public var bounceAddress: EmailAddress
    public var verp: Bool
    public var timeZone: String
    public var language: Language
    /// False = review mode: everything is planned and written to the review folder, nothing is sent.
    public var active: Bool
    public var policy: Policy
    /// The kind of export that is a full snapshot of the creditor's receivables.
    public var authoritativeSource: ParsedImport.Kind
    /// Where this creditor's files are dropped, relative to the drop folder ("" = the drop folder itself).
    public var dropSubfolder: String
    public var smtp: MailServerSettings?
    public var imap: MailServerSettings?
    /// How the IMAP mailbox is polled and what its messages change (used only with `imap`).
    public var inbound: InboundSettings
    public var signature: String

    public init(id: CreditorID, legalName: String, addressLines: [String] = [], siren: String? = nil, rcs: String? = nil,
                vatNumber: String? = nil, iban: String? = nil, bic: String? = nil, phone: String? = nil,
                senderName: String, senderAddress: EmailAddress, replyTo: EmailAddress? = nil, bounceAddress: EmailAddress,
                verp: Bool = false, timeZone: String = "Europe/Paris", language: Language = .french, active: Bool = false,
                policy: Policy = .standard, authoritativeSource: ParsedImport.Kind = .openInvoices, dropSubfolder: String = "",
                smtp: MailServerSettings? = nil, imap: MailServerSettings? = nil, inbound: InboundSettings = InboundSettings(),
                signature: String = "") {
        self.id = id
        self.legalName = legalName
        self.addressLines = addressLines
        self.siren = siren
        self.rcs = rcs
        self.vatNumber = vatNumber
        self.iban = iban
        self.bic = bic
        self.phone = phone
        self.senderName = senderName
        self.senderAddress = senderAddress
        self.replyTo = replyTo
        self.bounceAddress = bounceAddress
        self.verp = verp
        self.timeZone = timeZone
        self.language = language
        self.active = active
        self.policy = policy
        self.authoritativeSource = authoritativeSource
        self.dropSubfolder = dropSubfolder
        self.smtp = smtp
        self.imap = imap
        self.inbound = inbound
        self.signature = signature
    }
}
