extension TaskOutcome {
    /// How a letter or a call script recalls the outcome (English; `PriorActionText` rewords
    /// the known ones for a letter in the customer's language).
    public var summary: String {
        switch self {
        case .promisedToPay(let date, let amount): "promised to pay on \(date)\(amount.map { " for \($0)" } ?? "")"
        case .dispute(let invoices, _):
            invoices.isEmpty ? "disputes the invoices" : "disputes invoice \(invoices.joined(separator: ", "))"
        case .disputeResolved(let invoices, _):
            invoices.isEmpty ? "dispute resolved" : "dispute resolved on invoice \(invoices.joined(separator: ", "))"
        case .wrongNumber: "wrong number"
        case .paid: "says it has paid"
        case .noAnswer: "no answer"
        case .letterSent(let tracking): tracking.map { "letter sent (tracking number \($0))" } ?? "letter sent"
        case .letterPosted(_, let tracking, let acknowledged):
            if let acknowledged { "acknowledgement of receipt signed on \(acknowledged)" }
            else { tracking.map { "letter sent (tracking number \($0))" } ?? "letter sent" }
        case .acknowledged(let date): "acknowledgement of receipt signed on \(date)"
        case .newAddress: "gave a new email address"
        case .done(let note): note.map { "done: \($0)" } ?? "done"
        case .cancelled(let reason): "cancelled: \(reason)"
        case .superseded(let id): "superseded by task #\(id)"
        }
    }

    /// False for a task closed without being carried out: it is not an action a letter may recall.
    public var actionHappened: Bool {
        switch self {
        case .cancelled, .superseded: false
        default: true
        }
    }
}
