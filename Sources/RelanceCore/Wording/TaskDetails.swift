/// The order in which a task's details are shown: what it is about first, how to reach the
/// customer next, the call script last (it is the longest). Keys not listed follow, sorted.
public enum TaskDetails {
    static let order = ["step", "invoice", "amount", "booked", "label", "ledger_as_of", "what_to_do",
                        "invoices", "amount_due", "also_outstanding", "amounts", "payment_deadline", "procedure",
                        "phones", "phone", "emails", "address", "from", "customers", "bounced_address", "reason",
                        "excerpt", "hints", "before", "note", "status", "diagnostic", "message", "script"]

    public static func ordered(_ detail: [String: String]) -> [(key: String, value: String)] {
        detail.filter { !$0.value.isEmpty }.sorted { lhs, rhs in
            let left = order.firstIndex(of: lhs.key) ?? order.count
            let right = order.firstIndex(of: rhs.key) ?? order.count
            return (left, lhs.key) < (right, rhs.key)
        }
    }
}
