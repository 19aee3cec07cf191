/// What a contacts file says about one customer: who to write to and how to treat them.
/// Addresses are kept as written; the store validates them and records the invalid ones.
public struct CustomerProfile: Sendable, Hashable, Codable {
    /// The customer's id in the creditor's books.
    public var externalID: String
    public var name: String?
    public var postalAddress: [String]
    public var siren: String?
    public var vatNumber: String?
    public var emailsTo: [String]
    public var emailsCc: [String]
    public var phones: [String]
    public var language: Language?
    public var paymentTerms: PaymentTermsRule?
    /// A reminder policy's name, when not the creditor's default.
    public var policy: String?
    public var doNotRemind: Bool
    public var note: String?
    /// The step already reached by hand before Relance, and when.
    public var initialStep: String?
    public var lastManualContact: CivilDate?
    /// Where it was read (file:line), for events.
    public var source: String?
    /// The fields the file has no column for: the stored values are kept, not cleared. An empty
    /// cell clears a value (the file is the truth), but a contacts file that simply lacks the
    /// email column must not erase every customer's address.
    public var notInFile: Set<Field> = []

    /// The fields of a profile a contacts file may carry.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        case name, postalAddress, siren, vatNumber, emailsTo, emailsCc, phones, language, paymentTerms, policy
        case doNotRemind, note, initialStep, lastManualContact
    }

    public init(externalID: String, name: String? = nil, postalAddress: [String] = [], siren: String? = nil,
                vatNumber: String? = nil, emailsTo: [String] = [], emailsCc: [String] = [], phones: [String] = [],
                language: Language? = nil, paymentTerms: PaymentTermsRule? = nil, policy: String? = nil,
                doNotRemind: Bool = false, note: String? = nil, initialStep: String? = nil,
                lastManualContact: CivilDate? = nil, source: String? = nil) {
        self.externalID = externalID
        self.name = name
        self.postalAddress = postalAddress
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
        self.initialStep = initialStep
        self.lastManualContact = lastManualContact
        self.source = source
    }
}

/// A customer as the store knows it, for the planner and the call tasks.
public struct StoredCustomer: Sendable, Hashable, Codable {
    public var id: Int64
    /// Addresses are the valid ones only (`emailsTo`/`emailsCc` of the profile hold them as text).
    public var profile: CustomerProfile
    /// No invoice of this customer may be reminded until a person says who it is.
    public var needsIdentification: Bool

    public init(id: Int64, profile: CustomerProfile, needsIdentification: Bool) {
        self.id = id
        self.profile = profile
        self.needsIdentification = needsIdentification
    }

    /// Whether a reminder may be emailed at all: identified, not excluded, and with an address.
    public var isRemindableByEmail: Bool {
        !needsIdentification && !profile.doNotRemind && !profile.emailsTo.isEmpty
    }
}
