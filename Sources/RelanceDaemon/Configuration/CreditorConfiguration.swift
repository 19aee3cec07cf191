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
    /// The daily email to the creditor's people; nil: no digest.
    public var digest: DigestSettings?
    /// The creditor's own people (`people`): only they may record a task's outcome by email,
    /// in reply to the digest. Without the key, the digest's recipients.
    public var people: [EmailAddress]?

    /// Who may record outcomes by email.
    public var outcomePeople: [EmailAddress] { people ?? digest?.recipients ?? [] }
    /// Adds Good Friday and 26 December to the French public holidays (Alsace-Moselle).
    public var alsaceMoselle: Bool = false
    /// Nothing is sent when the latest authoritative snapshot is older than this: a customer may have paid since.
    public var maximumLedgerAgeDays: Int = 7
    /// The hours, in the creditor's time zone, during which its mail may leave (business days only).
    public var sendWindow: SendWindow = .standard
    /// Late-payment interest and indemnities for the formal steps (rate tables, contractual rate).
    public var terms: LatePaymentTerms = .french
    public var sending: SendingSettings
    /// Terms applied when neither the export nor the customer's contacts give a due date.
    public var defaultPaymentTermsDays: Int = 30
    /// An authoritative snapshot that would settle more than this share (percent) of the open amount at once is held.
    public var massSettlementThresholdPercent: Int = 20
    /// Days a payment seen on a bank statement waits for the ledger: an authoritative snapshot
    /// after that still listing the invoice open opens one task for the accountant.
    public var bankMatchWaitDays: Int = 10
    /// `payment_reference`: what reminders and letters ask the customer to quote with the
    /// transfer — the customer's code, or an ISO 11649 RF reference (`PaymentReferenceStyle`).
    public var paymentReference: PaymentReferenceStyle = .customer
    /// `email_payment_qr`: the EPC payment QR code in HTML emails too (letters always carry it
    /// with an IBAN), as an inline PNG. Off by default: an image changes how a plain reminder looks.
    public var emailPaymentQR = false
    /// `[creditors.ID.columns]`: the export's own column titles, used before any guess.
    public var columnMapping: ColumnMapping?
    /// Every step name of the configured policies: a contacts file's "step reached" may name them.
    public var stepNames: Set<String> = []
    /// `SAS`, `SARL`…: printed with the share capital and the RCS on business letters.
    public var legalForm: String?
    public var shareCapital: Money?
    /// How CSV reports (aged balance, tasks) are written: French Excel's for a French creditor by default.
    public var spreadsheet: SpreadsheetFormat = .default(for: .french)

    public init(id: CreditorID, legalName: String, addressLines: [String] = [], siren: String? = nil, rcs: String? = nil,
                vatNumber: String? = nil, iban: String? = nil, bic: String? = nil, phone: String? = nil,
                senderName: String, senderAddress: EmailAddress, replyTo: EmailAddress? = nil, bounceAddress: EmailAddress,
                verp: Bool = false, timeZone: String = "Europe/Paris", language: Language = .french, active: Bool = false,
                policy: Policy = .standard, authoritativeSource: ParsedImport.Kind = .openInvoices, dropSubfolder: String = "",
                smtp: MailServerSettings? = nil, imap: MailServerSettings? = nil, inbound: InboundSettings = InboundSettings(),
                signature: String = "", digest: DigestSettings? = nil, sending: SendingSettings = SendingSettings()) {
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
        self.spreadsheet = .default(for: language)
        self.active = active
        self.policy = policy
        self.authoritativeSource = authoritativeSource
        self.dropSubfolder = dropSubfolder
        self.smtp = smtp
        self.imap = imap
        self.inbound = inbound
        self.signature = signature
        self.sending = sending
        self.digest = digest
    }
}

/// Who gets the daily digest, when, and in which language.
public struct DigestSettings: Sendable, Hashable {
    public var recipients: [EmailAddress]
    public var language: Language
    /// Local hour (creditor's time zone) from which the day's digest is sent.
    public var hour: Int
    /// Send a short "nothing today" email when there is nothing to do (else no email).
    public var sendWhenEmpty: Bool
    /// Open tasks older than this many days are listed again as overdue.
    public var escalateAfterDays: Int

    public init(recipients: [EmailAddress], language: Language, hour: Int = 8, sendWhenEmpty: Bool = false, escalateAfterDays: Int = 3) {
        self.recipients = recipients
        self.language = language
        self.hour = hour
        self.sendWhenEmpty = sendWhenEmpty
        self.escalateAfterDays = escalateAfterDays
    }
}
