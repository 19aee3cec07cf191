/// What came of a task, recorded by a person; the outcomes feed the ladder (a promise
/// pauses the customer, a dispute freezes an invoice, a letter's tracking number is cited).
public enum TaskOutcome: Sendable, Hashable, Codable, CustomStringConvertible {
    case promisedToPay(on: CivilDate)
    case dispute(invoice: String)
    case wrongNumber
    case paid
    case noAnswer
    case letterSent(trackingNumber: String?)
    case acknowledgementOfReceipt(on: CivilDate)

    public var description: String {
        switch self {
        case .promisedToPay(let date): "promised to pay on \(date)"
        case .dispute(let invoice): "disputes invoice \(invoice)"
        case .wrongNumber: "wrong number"
        case .paid: "says it has paid"
        case .noAnswer: "no answer"
        case .letterSent(let tracking): tracking.map { "letter sent (tracking number \($0))" } ?? "letter sent"
        case .acknowledgementOfReceipt(let date): "acknowledgement of receipt signed on \(date)"
        }
    }

}
