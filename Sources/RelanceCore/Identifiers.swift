/// The company owed the money. One daemon may serve several creditors (an accounting
/// firm's clients); every customer, invoice and message belongs to exactly one.
/// The id is the configuration's key: short, lowercase, safe in paths.
public struct CreditorID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// `[a-z0-9][a-z0-9-_]{0,63}`: the id names a drop subfolder, so nothing that could climb out of it.
    public init?(_ raw: String) {
        guard (1...64).contains(raw.utf8.count),
              raw.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }),
              raw.first != "-", raw.first != "_"
        else { return nil }
        self.rawValue = raw
    }

    public var description: String { rawValue }
    public static func < (lhs: CreditorID, rhs: CreditorID) -> Bool { lhs.rawValue < rhs.rawValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = CreditorID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a creditor id: \(text)")
        }
        self = id
    }
}
