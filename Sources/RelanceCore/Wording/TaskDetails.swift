/// The order in which a task's details are shown: what it is about first, how to reach the
/// customer next, the call script last (it is the longest). Keys not listed follow, sorted.
public enum TaskDetails {
    /// Every key a task's detail is stored under: each has its label in both languages.
    public static let order = ["customer", "step", "invoice", "amount", "booked", "label", "ledger_as_of", "what_to_do",
                        "invoices", "announced", "amount_due", "also_outstanding", "amounts", "payment_deadline", "procedure",
                        "phones", "phone", "emails", "address", "from", "customers", "bounced_address", "reason",
                        "excerpt", "hints", "before", "note", "status", "diagnostic", "message", "document",
                        "temporary_bounces", "script"]

    public static func ordered(_ detail: [String: String]) -> [(key: String, value: String)] {
        detail.filter { !$0.value.isEmpty }.sorted { lhs, rhs in
            let left = order.firstIndex(of: lhs.key) ?? order.count
            let right = order.firstIndex(of: rhs.key) ?? order.count
            return (left, lhs.key) < (right, rhs.key)
        }
    }
}
