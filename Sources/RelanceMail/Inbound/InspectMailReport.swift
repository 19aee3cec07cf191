import Foundation

/// One line of `relance inspect-mail --json`: the classification of one file, with the
/// exact keys the issue specifies. Encoding is deterministic (sorted keys) so the output
/// can be compared and diffed.
public struct InspectMailReport: Sendable, Hashable, Codable {
    public struct Recipient: Sendable, Hashable, Codable {
        public let address: String?
        public let status: String?
        public let permanent: Bool
        public let wrongAddress: Bool

        enum CodingKeys: String, CodingKey {
            case address, status, permanent
            case wrongAddress = "wrong_address"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(address, forKey: .address)
            try container.encode(status, forKey: .status)
            try container.encode(permanent, forKey: .permanent)
            try container.encode(wrongAddress, forKey: .wrongAddress)
        }
    }

    public let file: String
    public let kind: InboundKind
    public let recipients: [Recipient]
    public let references: [String]
    /// ISO `YYYY-MM-DD`, or nil.
    public let returnDate: String?
    public let hints: [String]

    enum CodingKeys: String, CodingKey {
        case file, kind, recipients, references, hints
        case returnDate = "return_date"
    }

    public init(file: String, classification: InboundClassification) {
        self.file = file
        kind = classification.kind
        recipients = classification.kind == .bounce
            ? classification.recipients.map {
                Recipient(address: $0.address, status: $0.status, permanent: $0.permanent, wrongAddress: $0.wrongAddress)
            }
            : []
        references = classification.references
        returnDate = classification.returnDate?.iso8601
        hints = classification.hints.map(\.description)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(kind, forKey: .kind)
        try container.encode(recipients, forKey: .recipients)
        try container.encode(references, forKey: .references)
        try container.encode(returnDate, forKey: .returnDate) // null, not absent
        try container.encode(hints, forKey: .hints)
    }

    /// The JSON object on one line, keys sorted.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, booleans and arrays of them cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses and classifies `bytes` and returns the JSON line for `fileName`.
    public static func jsonLine(fileName: String, bytes: [UInt8], limit: Int = MIMEMessage.defaultSizeLimit) -> String {
        let classification = InboundClassifier.classify(MIMEMessage.parse(bytes, limit: limit))
        return InspectMailReport(file: fileName, classification: classification).jsonLine
    }
}
