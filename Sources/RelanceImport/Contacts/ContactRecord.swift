public import RelanceCore

/// One customer of a contacts file: who to write to and how to treat them. FEC ledgers carry
/// no emails nor terms, so this is where reminders get their addresses and due dates.
public struct ContactRecord: Sendable, Hashable {
    /// The customer's id in the creditor's books: the key that joins it to open items.
    public var customer: String
    public var name: String?
    /// Postal address lines, in order (street, postcode and city, country…).
    public var address: [String]
    public var siren: String?
    public var vatNumber: String?
    /// Addresses as written (validated when contacts are resolved): reminders go to these…
    public var emailsTo: [String]
    /// …with these in copy.
    public var emailsCc: [String]
    public var phones: [String]
    public var language: Language?
    public var paymentTerms: PaymentTerms?
    /// The name of the reminder policy to apply, when not the creditor's default.
    public var policy: String?
    public var doNotRemind: Bool
    public var note: String?
    /// The step already reached by hand before Relance (as written: a step name or number).
    public var stepReached: String?
    public var lastContact: CivilDate?
    public var source: SourcePosition?
    /// The profile fields the file has no column for (the same for every row of a file).
    public var notInFile: Set<CustomerProfile.Field> = []

    public init(customer: String, name: String? = nil, address: [String] = [], siren: String? = nil, vatNumber: String? = nil,
                emailsTo: [String] = [], emailsCc: [String] = [], phones: [String] = [], language: Language? = nil,
                paymentTerms: PaymentTerms? = nil, policy: String? = nil, doNotRemind: Bool = false, note: String? = nil,
                stepReached: String? = nil, lastContact: CivilDate? = nil, source: SourcePosition? = nil) {
        self.customer = customer
        self.name = name
        self.address = address
        self.siren = siren
        self.vatNumber = vatNumber
        self.emailsTo = emailsTo
        self.emailsCc = emailsCc
        self.phones = phones
        self.language = language
        self.paymentTerms = paymentTerms
        self.policy = policy
        self.doNotRemind = doNotRemind
        self.note = note
        self.stepReached = stepReached
        self.lastContact = lastContact
        self.source = source
    }
}
