/// A Message-ID without its angle brackets: `relance.TOKEN@example.fr`. Both halves are
/// RFC 5322 dot-atoms of ASCII, so the header can be written as it is.
public struct MessageID: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// Nil unless `value` is `dot-atom@dot-atom` in ASCII (no brackets, no spaces).
    public init?(_ value: String) {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, MessageID.isDotAtom(parts[0]), MessageID.isDotAtom(parts[1]) else { return nil }
        self.value = value
    }

    /// `relance.TOKEN@domain`: what `ReferenceAddressing.token(inMessageID:)` reads back.
    public init(token: String, domain: some StringProtocol) throws(CompositionError) {
        guard let id = MessageID("relance.\(token)@\(domain)") else {
            throw CompositionError(code: .invalidIdentifier, field: "messageID",
                                   message: "'\(token)' at '\(domain)' does not make a valid Message-ID; use a token from ReferenceToken and a plain host name")
        }
        self = id
    }

    /// `<value>`, as written in `Message-ID`, `In-Reply-To` and `References`.
    public var bracketed: String { "<\(value)>" }
    public var description: String { bracketed }

    static func isDotAtom(_ text: Substring) -> Bool {
        let specials = Set("!#$%&'*+-/=?^_`{|}~".utf8)
        let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || specials.contains(byte)
            }
        }
    }
}
