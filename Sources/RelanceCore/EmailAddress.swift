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
        // Printable ASCII without spaces, like every stored address: nothing to trim and no
        // control character to look for.
        if !string.isEmpty, string.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) { return validate(string) }
        let trimmed = string.trimmingSpaces()
        if trimmed.isEmpty { return .failure(.empty) }
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .failure(.controlCharacter)
        }
        return validate(trimmed)
    }

    /// Length, exactly one `@` between a dot-atom local part and a host name; the domain comes
    /// back lowercased. Checked on the bytes, without splitting or copying.
    private static func validate(_ text: String) -> Result<EmailAddress, Problem> {
        let bytes = text.utf8
        guard bytes.count <= 254 else { return .failure(.tooLong) }
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at != bytes.startIndex,
              bytes.index(after: at) != bytes.endIndex, !bytes[bytes.index(after: at)...].contains(UInt8(ascii: "@"))
        else { return .failure(.missingAt) }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard local.utf8.count <= 64, isDotAtom(local) else { return .failure(.badLocalPart) }
        guard isHostName(domain) else { return .failure(.badDomain) }
        guard domain.utf8.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
            return .success(EmailAddress(validated: text))
        }
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

    /// RFC 5321 `atext`, by ASCII byte: letters, digits and these specials.
    private static let atext: [Bool] = (0..<128).map { byte in
        isLetterOrDigit(UInt8(byte)) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(UInt8(byte))
    }

    /// An ASCII letter or digit. (Among ASCII characters, Unicode's Alphabetic property holds
    /// exactly for A–Z and a–z; testing the bytes spares a property lookup per character.)
    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// RFC 5321 dot-atom of `atext` characters: no quoted local parts, no comments.
    /// Non-ASCII is refused: SMTPUTF8 is not negotiated by our transport.
    private static func isDotAtom(_ text: Substring) -> Bool {
        var atomLength = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard atomLength > 0 else { return false }
                atomLength = 0
            } else {
                guard byte < 128, atext[Int(byte)] else { return false }
                atomLength += 1
            }
        }
        return atomLength > 0
    }

    /// Two labels or more, each of 1 to 63 letters, digits or hyphens, neither starting nor
    /// ending with a hyphen.
    private static func isHostName(_ text: Substring) -> Bool {
        guard text.utf8.count <= 253 else { return false }
        var labels = 1
        var length = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard length > 0, previous != UInt8(ascii: "-") else { return false }
                labels += 1
                length = 0
            } else {
                guard isLetterOrDigit(byte) || byte == UInt8(ascii: "-"), length > 0 || byte != UInt8(ascii: "-") else { return false }
                length += 1
                guard length <= 63 else { return false }
            }
            previous = byte
        }
        return labels >= 2 && length > 0 && previous != UInt8(ascii: "-")
    }
}

extension String {
    /// Trims ASCII spaces, tabs and no-break spaces, which exports put around values.
    public func trimmingSpaces() -> String {
        // Most cells start and end with a visible ASCII character: nothing to trim, and no
        // grapheme breaking to pay for (a pad is a one-scalar character; one ending in a letter is not).
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        let isPad: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        guard let first = firstIndex(where: { !isPad($0) }), let last = lastIndex(where: { !isPad($0) }) else { return "" }
        return String(self[first...last])
    }
}
