/// A mailbox address (`local@domain`) checked strictly enough to be written into an SMTP
/// envelope and a header as it is. Imported data reaches libcurl, which writes envelope
/// addresses to the wire unchanged: any CR, LF or control character here would be an
/// SMTP command injection, so construction refuses them rather than cleaning them up.
public struct EmailAddress: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let value: String

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case controlCharacter
        case missingAt
        case badLocalPart
        case badDomain
        case tooLong

        public var description: String {
            switch self {
            case .empty: "the address is empty"
            case .controlCharacter: "the address contains a line break or another control character"
            case .missingAt: "the address has no single @ between a name and a domain"
            case .badLocalPart: "the part before @ has characters an address cannot have"
            case .badDomain: "the domain after @ is not a valid host name"
            case .tooLong: "the address is longer than SMTP allows (254 characters)"
            }
        }
    }

    /// Validates `text` after trimming surrounding spaces and tabs (which exports often add).
    public static func parse(_ text: some StringProtocol) -> Result<EmailAddress, Problem> {
        let trimmed = String(text).trimmingSpaces()
        if trimmed.isEmpty { return .failure(.empty) }
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .failure(.controlCharacter)
        }
        guard trimmed.utf8.count <= 254 else { return .failure(.tooLong) }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return .failure(.missingAt) }
        let local = parts[0]
        let domain = parts[1]
        guard local.utf8.count <= 64, isDotAtom(local) else { return .failure(.badLocalPart) }
        guard isHostName(domain) else { return .failure(.badDomain) }
        return .success(EmailAddress(validated: String(local) + "@" + domain.lowercased()))
    }

    public init?(_ text: some StringProtocol) {
        guard case .success(let address) = EmailAddress.parse(text) else { return nil }
        self = address
    }

    private init(validated: String) { self.value = validated }

    public var localPart: Substring { value[..<value.lastIndex(of: "@")!] }
    public var domain: Substring { value[value.index(after: value.lastIndex(of: "@")!)...] }

    public var description: String { value }

    public static func < (lhs: EmailAddress, rhs: EmailAddress) -> Bool { lhs.value < rhs.value }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch EmailAddress.parse(text) {
        case .success(let address): self = address
        case .failure(let problem):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(problem): \(text)")
        }
    }

    /// RFC 5321 dot-atom of `atext` characters: no quoted local parts, no comments.
    /// Non-ASCII is refused: SMTPUTF8 is not negotiated by our transport.
    private static func isDotAtom(_ text: Substring) -> Bool {
        let atextSpecials = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)
        let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || atextSpecials.contains(scalar))
            }
        }
    }

    private static func isHostName(_ text: Substring) -> Bool {
        guard text.utf8.count <= 253 else { return false }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        }
    }
}

extension String {
    /// Trims ASCII spaces, tabs and no-break spaces, which exports put around values.
    public func trimmingSpaces() -> String {
        let isPad: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        guard let first = firstIndex(where: { !isPad($0) }), let last = lastIndex(where: { !isPad($0) }) else { return "" }
        return String(self[first...last])
    }
}
