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
        // Generic only at the door: the checks run on a String, compiled once and specialized
        // (the store checks every stored address again when it reads them for a plan).
        parse(string: String(text))
    }

    private static func parse(string: String) -> Result<EmailAddress, Problem> {
        // Printable ASCII without spaces (every stored address) has nothing to trim.
        let trimmed = string.utf8.allSatisfy { (0x21...0x7E).contains($0) } ? string : string.trimmingSpaces()
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
    private static let atextSpecials = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    /// An ASCII letter or digit. (Among ASCII characters, Unicode's Alphabetic property holds
    /// exactly for A–Z and a–z; testing the bytes spares a property lookup per character.)
    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isDotAtom(_ text: Substring) -> Bool {
        let atoms = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy { isLetterOrDigit($0) || atextSpecials.contains($0) }
        }
    }

    private static func isHostName(_ text: Substring) -> Bool {
        guard text.utf8.count <= 253 else { return false }
        let labels = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
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
