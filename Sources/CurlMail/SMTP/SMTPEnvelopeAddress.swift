/// Checks an address before it goes into `MAIL FROM` or `RCPT TO`.
///
/// libcurl writes envelope addresses to the wire as given: a CR LF inside one would let the
/// data start a new SMTP command (command injection), and `<`, `>` or a space would change
/// what the command means. Only a plain RFC 5321 `Mailbox` of the dot-atom form is accepted
/// (`local@domain`, ASCII, no quoted local part, no address literal); anything else is refused
/// rather than cleaned up, so the caller sees exactly which address is wrong.
public enum SMTPEnvelopeAddress {
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case empty
        case controlCharacter
        case forbiddenCharacter(Character)
        case nonASCII
        case missingAt
        case badLocalPart
        case badDomain
        case tooLong

        public var description: String {
            switch self {
            case .empty: "the address is empty"
            case .controlCharacter: "the address contains a line break, NUL or another control character"
            case .forbiddenCharacter(let character):
                character == " " ? "the address contains a space" : "the address contains \"\(character)\""
            case .nonASCII: "the address has non-ASCII characters, which need SMTPUTF8 (not supported)"
            case .missingAt: "the address is not of the form name@domain"
            case .badLocalPart: "the part before @ is not a valid dot-atom (RFC 5321)"
            case .badDomain: "the domain after @ is not a valid host name"
            case .tooLong: "the address is longer than 254 characters or its local part longer than 64"
            }
        }
    }

    /// nil when `address` is safe to hand to libcurl.
    public static func problem(in address: String) -> Problem? {
        if address.isEmpty { return .empty }
        for scalar in address.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F { return .controlCharacter }
        }
        for forbidden in [" ", "<", ">", "\"", "(", ")", ",", ";", ":", "[", "]", "\\"] as [Character]
        where address.contains(forbidden) {
            return .forbiddenCharacter(forbidden)
        }
        if !address.unicodeScalars.allSatisfy(\.isASCII) { return .nonASCII }
        if address.utf8.count > 254 { return .tooLong }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return .missingAt }
        if parts[0].utf8.count > 64 { return .tooLong }
        if !isDotAtom(parts[0]) { return .badLocalPart }
        if !isHostName(parts[1]) { return .badDomain }
        return nil
    }

    private static let atextSpecials = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    private static func isDotAtom(_ text: Substring) -> Bool {
        text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
            !atom.isEmpty && atom.utf8.allSatisfy { isAlphanumeric($0) || atextSpecials.contains($0) }
        }
    }

    private static func isHostName(_ text: Substring) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 1 && labels.allSatisfy { label in
            (1...63).contains(label.utf8.count)
                && label.utf8.first != UInt8(ascii: "-") && label.utf8.last != UInt8(ascii: "-")
                && label.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
