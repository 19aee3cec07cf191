extension TaskOutcome {
    /// How a letter or a call script recalls the outcome.
    public var summary: String {
        switch self {
        case .promisedToPay(let date): "promised to pay on \(date)"
        case .dispute(let invoice): "disputes invoice \(invoice)"
        case .wrongNumber: "wrong number"
        case .paid: "says it has paid"
        case .noAnswer: "no answer"
        case .letterSent(let tracking): tracking.map { "letter sent (tracking number \($0))" } ?? "letter sent"
        case .acknowledged(let date): "acknowledgement of receipt signed on \(date)"
        case .done(let note): note.map { "done: \($0)" } ?? "done"
        case .cancelled(let reason): "cancelled: \(reason)"
        }
    }

    /// False for a task closed without being carried out: it is not an action a letter may recall.
    public var actionHappened: Bool {
        if case .cancelled = self { return false }
        return true
    }
}
