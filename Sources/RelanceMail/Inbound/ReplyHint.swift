public import RelanceCore

/// What a customer's answer says about the debt, for the person who reads the task.
public enum ReplyHint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// "We already paid", "the transfer was sent".
    case paid
    /// The customer contests the invoice or the amount.
    case dispute
    /// The customer says the invoice never arrived.
    case notReceived
    /// The customer promises to pay on that day.
    case promise(CivilDate)

    /// The report's spelling: `paid`, `dispute`, `not-received`, `promise:2026-12-15`.
    public var description: String {
        switch self {
        case .paid: "paid"
        case .dispute: "dispute"
        case .notReceived: "not-received"
        case .promise(let date): "promise:\(date.iso8601)"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch text {
        case "paid": self = .paid
        case "dispute": self = .dispute
        case "not-received": self = .notReceived
        default:
            guard text.hasPrefix("promise:"), let date = CivilDate(iso8601: text.dropFirst("promise:".count)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown reply hint: \(text)")
            }
            self = .promise(date)
        }
    }
}
