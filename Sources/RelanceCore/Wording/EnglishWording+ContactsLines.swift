extension EnglishWording {
    public func customerCreatedFromContacts(code: String, name: String?, file: String) -> String {
        "Customer \(PrintableText.escape(code)) (\(name.map { PrintableText.escape($0) } ?? "no name")) created from \(file)."
    }

    public func customerUpdatedFromContacts(code: String, file: String, changes: [ContactsChange], identified: Bool) -> String {
        let parts = changes.map { change in
            "\(contactsField(change.field)) \(value(change, change.before)) → \(value(change, change.after))"
        } + (identified ? ["identified by the contacts file"] : [])
        return "Customer \(PrintableText.escape(code)) updated from \(file): \(parts.joined(separator: "; "))."
    }

    private func value(_ change: ContactsChange, _ stored: String?) -> String {
        change.shown(stored, none: "(none)", yes: "yes", no: "no", open: "\"", close: "\"")
    }

    public func addressNotKept(_ address: String, customer: String, problem: EmailAddress.Problem) -> String {
        "Address \"\(PrintableText.escape(address))\" of customer \(PrintableText.escape(customer)) was not kept: \(emailProblem(problem))."
    }

    public func contactsField(_ field: CustomerProfile.Field) -> String {
        switch field {
        case .name: "name"
        case .postalAddress: "postal address"
        case .siren: "SIREN"
        case .vatNumber: "VAT number"
        case .emailsTo: "addresses"
        case .emailsCc: "addresses in copy"
        case .phones: "phones"
        case .language: "language"
        case .paymentTerms: "payment terms"
        case .policy: "reminder policy"
        case .doNotRemind: "do not remind"
        case .note: "note"
        case .initialStep: "first step"
        case .lastManualContact: "last contact by hand"
        }
    }

    public func emailProblem(_ problem: EmailAddress.Problem) -> String { problem.description }
}
