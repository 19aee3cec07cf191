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
        // An ASCII address (every reminder's, twice a message on the sending path: its envelope and
        // the next one's) is checked in one pass over its bytes; the rest by the scalars.
        if let verdict = address.utf8.withContiguousStorageIfAvailable(asciiProblem), let verdict { return verdict }
        return problemByScalars(in: address)
    }

    /// The checks of `problemByScalars`, with the same verdicts, in one pass over an ASCII
    /// address's bytes; nil (not .some(nil)) when a byte is not ASCII.
    static func asciiProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem?? {
        if bytes.isEmpty { return .some(.empty) }
        var control = false
        var forbiddenSeen = [Bool](repeating: false, count: forbidden.count)
        var at: Int?
        var atCount = 0
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x80 { return nil }
            if byte < 0x20 || byte == 0x7F { control = true }
            if let rank = forbiddenRank[Int(byte)] { forbiddenSeen[rank] = true }
            if byte == UInt8(ascii: "@") {
                atCount += 1
                at = index
            }
        }
        if control { return .some(.controlCharacter) }
        if let rank = forbiddenSeen.firstIndex(of: true) { return .some(.forbiddenCharacter(Character(Unicode.Scalar(forbidden[rank])))) }
        if bytes.count > 254 { return .some(.tooLong) }
        guard atCount == 1, let at, at > 0, at < bytes.count - 1 else { return .some(.missingAt) }
        let local = UnsafeBufferPointer(rebasing: bytes[..<at])
        let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
        if local.count > 64 { return .some(.tooLong) }
        if !isDotAtom(local) { return .some(.badLocalPart) }
        if !isHostName(domain) { return .some(.badDomain) }
        return .some(nil)
    }

    /// The characters refused anywhere in an address, in the order a problem names the first one.
    private static let forbidden: [UInt8] = Array(" <>\"(),;:[]\\".utf8)
    /// Each ASCII byte's place in `forbidden`, nil for the others.
    private static let forbiddenRank: [Int?] = (0..<128).map { byte in forbidden.firstIndex(of: UInt8(byte)) }

    private static func isDotAtom(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasDot = true  // an atom may not be empty: no dot first, none after another
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if previousWasDot { return false }
                previousWasDot = true
            } else {
                guard isAlphanumeric(byte) || atextSpecials.contains(byte) else { return false }
                previousWasDot = false
            }
        }
        return !previousWasDot
    }

    private static func isHostName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var labelStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ".") {
            let label = UnsafeBufferPointer(rebasing: bytes[labelStart..<index])
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else { return false }
            labelStart = index + 1
        }
        return true
    }

    /// The checks one after the other, on the address's Unicode scalars and characters.
    static func problemByScalars(in address: String) -> Problem? {
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
