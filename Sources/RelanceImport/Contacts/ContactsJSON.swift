import RelanceCore

/// The JSON that `relance import --dry-run --json CONTACTS` prints: one object per customer,
/// as read, keys in this order: `customer`, `name`, `emails`, `cc`, `phones`, `address`,
/// `terms`, `language`, `do_not_remind`, `step_reached`, `last_contact`. Absent values are
/// null (lists are empty); `step_reached` is the ladder step the row's words were read as,
/// `terms` the terms as understood (`30 days`, `45 days end of month`).
public enum ContactsJSON {
    public static func encode(_ contacts: [ContactRecord]) -> String {
        guard !contacts.isEmpty else { return "[]\n" }
        var out = "[\n"
        for (index, contact) in contacts.enumerated() {
            var fields: [String] = []
            fields.append("\"customer\": " + string(contact.customer))
            fields.append("\"name\": " + optional(contact.name))
            fields.append("\"emails\": " + list(contact.emailsTo))
            fields.append("\"cc\": " + list(contact.emailsCc))
            fields.append("\"phones\": " + list(contact.phones))
            fields.append("\"address\": " + list(contact.address))
            fields.append("\"terms\": " + optional(contact.paymentTerms.map(terms)))
            fields.append("\"language\": " + optional(contact.language?.rawValue))
            fields.append("\"do_not_remind\": " + (contact.doNotRemind ? "true" : "false"))
            fields.append("\"step_reached\": " + optional(contact.stepReached))
            fields.append("\"last_contact\": " + optional(contact.lastContact?.iso8601))
            out += "  {" + fields.joined(separator: ", ") + (index == contacts.count - 1 ? "}\n" : "},\n")
        }
        return out + "]\n"
    }

    static func terms(_ rule: PaymentTermsRule) -> String {
        "\(rule.days) days" + (rule.endOfMonth ? " end of month" : "")
    }

    private static func string(_ text: String) -> String { JSONString.literal(text) }
    private static func optional(_ text: String?) -> String { text.map(string) ?? "null" }
    private static func list(_ texts: [String]) -> String { "[" + texts.map(string).joined(separator: ", ") + "]" }
}
