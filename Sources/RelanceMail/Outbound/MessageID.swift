/// A Message-ID without its angle brackets: `relance.TOKEN@example.fr`. Both halves are
/// RFC 5322 dot-atoms of ASCII, so the header can be written as it is.
public struct MessageID: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// Nil unless `value` is `dot-atom@dot-atom` in ASCII (no brackets, no spaces).
    public init?(_ value: String) {
        // Bytes, not Characters: a valid ID is ASCII, where the two split alike, and any other
        // byte fails the dot-atom test on either side (every reminder's ID passes here).
        let utf8 = value.utf8
        guard let at = utf8.firstIndex(of: UInt8(ascii: "@")), MessageID.isDotAtom(utf8[..<at]),
              MessageID.isDotAtom(utf8[utf8.index(after: at)...])
        else { return nil }
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

    /// Atoms of letters, digits and RFC 5322's atext symbols, joined by single dots (no `@`).
    static func isDotAtom(_ text: Substring.UTF8View) -> Bool {
        var previous = UInt8(ascii: ".")
        for byte in text {
            if byte == UInt8(ascii: ".") {
                guard previous != UInt8(ascii: ".") else { return false }
            } else {
                guard isAtext(byte) else { return false }
            }
            previous = byte
        }
        return previous != UInt8(ascii: ".")
    }

    private static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"),
             UInt8(ascii: "~"): true
        default: false
        }
    }
}
