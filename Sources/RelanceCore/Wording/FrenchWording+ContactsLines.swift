extension FrenchWording {
    public func customerCreatedFromContacts(code: String, name: String?, file: String) -> String {
        "Client \(PrintableText.escape(code)) (\(name.map { PrintableText.escape($0) } ?? "sans nom")) créé depuis \(file)."
    }

    public func customerUpdatedFromContacts(code: String, file: String, changes: [ContactsChange], identified: Bool) -> String {
        let parts = changes.map { change in
            "\(contactsField(change.field)) \(value(change, change.before)) → \(value(change, change.after))"
        } + (identified ? ["identifié par le fichier de contacts"] : [])
        return "Client \(PrintableText.escape(code)) mis à jour depuis \(file) : \(parts.joined(separator: " ; "))."
    }

    private func value(_ change: ContactsChange, _ stored: String?) -> String {
        change.shown(stored, none: "(aucun)", yes: "oui", no: "non", open: "«\u{00A0}", close: "\u{00A0}»")
    }

    public func addressNotKept(_ address: String, customer: String, problem: EmailAddress.Problem) -> String {
        "L'adresse \(quoted(PrintableText.escape(address))) du client \(PrintableText.escape(customer)) n'a pas été gardée : \(emailProblem(problem))."
    }

    public func contactsField(_ field: CustomerProfile.Field) -> String {
        switch field {
        case .name: "nom"
        case .postalAddress: "adresse postale"
        case .siren: "SIREN"
        case .vatNumber: "n° de TVA"
        case .emailsTo: "adresses"
        case .emailsCc: "adresses en copie"
        case .phones: "téléphones"
        case .language: "langue"
        case .paymentTerms: "conditions de paiement"
        case .policy: "politique de relance"
        case .doNotRemind: "ne pas relancer"
        case .note: "note"
        case .initialStep: "première étape"
        case .lastManualContact: "dernier contact à la main"
        }
    }

    public func emailProblem(_ problem: EmailAddress.Problem) -> String {
        switch problem {
        case .empty: "l'adresse est vide"
        case .controlCharacter: "l'adresse contient un saut de ligne ou un autre caractère de contrôle"
        case .missingAt: "l'adresse n'a pas un seul @ entre un nom et un domaine"
        case .badLocalPart: "la partie avant @ contient des caractères qu'une adresse ne peut pas avoir"
        case .badDomain: "le domaine après @ n'est pas un nom d'hôte valide"
        case .tooLong: "l'adresse dépasse la longueur que SMTP permet (254 caractères)"
        }
    }
}
