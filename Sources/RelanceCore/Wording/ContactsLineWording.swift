import Foundation

/// The journal's lines about what a contacts file did to a customer (and an address of any
/// import that was not kept), in the creditor's language: a person reads them on the customer's
/// timeline. Values are shown escaped (`PrintableText`): a hostile cell cannot forge a line.
public protocol ContactsLineWording: Sendable {
    func customerCreatedFromContacts(code: String, name: String?, file: String) -> String
    /// A known customer's details a contacts file changed; `identified` when the file named a
    /// buyer nobody had identified yet.
    func customerUpdatedFromContacts(code: String, file: String, changes: [ContactsChange], identified: Bool) -> String
    /// An address of a file that was not kept, and why.
    func addressNotKept(_ address: String, customer: String, problem: EmailAddress.Problem) -> String
    func contactsField(_ field: CustomerProfile.Field) -> String
    func emailProblem(_ problem: EmailAddress.Problem) -> String
}

/// One field a contacts file changed: its stored text before and after (nil: none).
public struct ContactsChange: Sendable, Hashable {
    public var field: CustomerProfile.Field
    public var before: String?
    public var after: String?

    public init(field: CustomerProfile.Field, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// A stored value as a person reads it: a yes/no for the do-not-remind flag, the phones
    /// listed (stored as a JSON array), the postal address's lines joined; escaped and quoted.
    func shown(_ stored: String?, none: String, yes: String, no: String, open: String, close: String) -> String {
        guard let stored, !stored.isEmpty else { return none }
        let text: String
        switch field {
        case .doNotRemind: return stored == "0" || stored == "false" ? no : yes
        case .phones:
            let phones = (try? JSONDecoder().decode([String].self, from: Data(stored.utf8))) ?? [stored]
            guard !phones.isEmpty else { return none }
            text = phones.joined(separator: ", ")
        case .postalAddress: text = stored.split(separator: "\n").joined(separator: ", ")
        default: text = stored
        }
        return open + PrintableText.escape(text) + close
    }
}
