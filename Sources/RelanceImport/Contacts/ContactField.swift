import RelanceCore

/// The columns a contacts file can have, and the titles they go by.
enum ContactField: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case customer, name, address, siren, vatNumber, emailTo, emailCc, phone, language, paymentTerms, policy
    case doNotRemind, note, stepReached, lastContact

    var description: String {
        switch self {
        case .customer: "customer code"
        case .name: "name"
        case .address: "address"
        case .siren: "SIREN"
        case .vatNumber: "VAT number"
        case .emailTo: "email"
        case .emailCc: "email in copy"
        case .phone: "phone"
        case .language: "language"
        case .paymentTerms: "payment terms"
        case .policy: "policy"
        case .doNotRemind: "do-not-remind flag"
        case .note: "note"
        case .stepReached: "step reached"
        case .lastContact: "date of last contact"
        }
    }

    /// The profile field this column fills (none for the customer code, the key).
    var profileField: CustomerProfile.Field? {
        switch self {
        case .customer: nil
        case .name: .name
        case .address: .postalAddress
        case .siren: .siren
        case .vatNumber: .vatNumber
        case .emailTo: .emailsTo
        case .emailCc: .emailsCc
        case .phone: .phones
        case .language: .language
        case .paymentTerms: .paymentTerms
        case .policy: .policy
        case .doNotRemind: .doNotRemind
        case .note: .note
        case .stepReached: .initialStep
        case .lastContact: .lastManualContact
        }
    }

    /// Several columns may feed one field: address lines, several emails or phones.
    var allowsSeveralColumns: Bool { self == .address || self == .emailTo || self == .emailCc || self == .phone }

    static let titles: [String: ContactField] = {
        var table: [String: ContactField] = [:]
        func add(_ field: ContactField, _ names: [String]) { for name in names { table[name] = field } }
        add(.customer, ["code client", "client", "n client", "no client", "numero client", "id client", "compte", "compte client",
                        "code tiers", "tiers", "customer", "customer id", "customer code", "customer no", "account", "id"])
        add(.name, ["nom", "raison sociale", "nom client", "societe", "denomination", "name", "customer name", "company", "company name"])
        add(.address, ["adresse", "adresse 1", "adresse 2", "adresse 3", "adresse1", "adresse2", "complement d adresse", "code postal", "cp",
                       "ville", "pays", "address", "address 1", "address 2", "address line 1", "address line 2", "street",
                       "postcode", "postal code", "zip", "city", "country"])
        add(.siren, ["siren", "n siren", "numero siren", "siret", "n siret"])
        add(.vatNumber, ["tva", "n tva", "numero tva", "tva intracommunautaire", "n tva intracommunautaire", "tva intra",
                         "vat", "vat number", "vat no", "vat id"])
        add(.emailTo, ["email", "e mail", "courriel", "emails", "email to", "email a", "destinataire", "destinataires",
                       "email relance", "email comptabilite", "adresse email", "email 1", "email 2"])
        add(.emailCc, ["cc", "email cc", "copie", "en copie", "emails cc", "email en copie", "email copie"])
        add(.phone, ["telephone", "tel", "phone", "mobile", "portable", "telephone 2", "tel 2", "phone 2", "telephone portable"])
        add(.language, ["langue", "language", "lang"])
        add(.paymentTerms, ["conditions de paiement", "condition de paiement", "delai de paiement", "delai", "echeance",
                            "payment terms", "terms", "reglement", "conditions de reglement"])
        add(.policy, ["politique", "politique de relance", "scenario", "scenario de relance", "policy", "reminder policy"])
        add(.doNotRemind, ["ne pas relancer", "pas de relance", "bloque", "exclu", "do not remind", "no reminder", "no reminders",
                           "do not chase", "blocked"])
        add(.note, ["note", "notes", "commentaire", "commentaires", "remarque", "remarques", "comment", "comments"])
        add(.stepReached, ["etape", "etape atteinte", "niveau de relance", "niveau", "derniere relance", "step", "step reached",
                           "last step", "reminder level"])
        add(.lastContact, ["date derniere relance", "date dernier contact", "dernier contact", "date de derniere relance",
                           "last contact", "last contact date", "last reminder", "last reminder date"])
        return table
    }()
}
