/// A `* n FETCH (…)` response read from a framed response: the attributes this library asks
/// for (`UID`, `FLAGS`, `RFC822.SIZE`, `BODY[]`), whatever their order, and whatever else the
/// server adds (`MODSEQ`, `INTERNALDATE`, an `ENVELOPE`…), which is skipped.
public struct IMAPFetchResponse: Sendable, Hashable {
    public var sequenceNumber: UInt32
    public var uid: UInt32?
    public var flags: [String]?
    public var size: Int?
    /// The whole message (`BODY[]`, `BODY[]<0>` for a partial fetch, or `RFC822`); nil when not sent or `NIL`.
    public var body: [UInt8]?
    /// The body's size as the server announced it: more than `body.count` when the framer cut it.
    public var bodyDeclaredSize: Int?

    public init(sequenceNumber: UInt32, uid: UInt32? = nil, flags: [String]? = nil, size: Int? = nil,
                body: [UInt8]? = nil, bodyDeclaredSize: Int? = nil) {
        self.sequenceNumber = sequenceNumber
        self.uid = uid
        self.flags = flags
        self.size = size
        self.body = body
        self.bodyDeclaredSize = bodyDeclaredSize
    }

    /// nil when `response` is not a FETCH response; throws when it is one but malformed.
    public init?(_ response: IMAPFramedResponse) throws(IMAPResponseFramer.Failure) {
        var reader = IMAPValueReader(response)
        guard reader.word() == "*", let number = reader.word().flatMap({ UInt32($0) }),
              reader.word()?.uppercased() == "FETCH"
        else { return nil }
        sequenceNumber = number
        guard case .list(let items) = try reader.value() else {
            throw IMAPResponseFramer.Failure(description: "a FETCH response without its parenthesised attributes")
        }
        var index = 0
        while index + 1 < items.count {
            let name = items[index].atom?.uppercased() ?? ""
            let value = items[index + 1]
            index += 2
            switch name {
            case "UID": uid = value.atom.flatMap { UInt32($0) }
            case "RFC822.SIZE": size = value.atom.flatMap { Int($0) }
            case "FLAGS":
                if case .list(let list) = value { flags = list.compactMap(\.atom) }
            case "BODY[]", "BODY[]<0>", "RFC822", "BINARY[]":
                switch value {
                case .string(let bytes): body = bytes; bodyDeclaredSize = bytes.count
                case .literal(let bytes, let declared): body = bytes; bodyDeclaredSize = declared
                default: body = nil
                }
            default: break
            }
        }
    }

    public var isSeen: Bool { flags?.contains { $0.uppercased() == "\\SEEN" } ?? false }
}

/// A value in a response: an atom (numbers, `NIL`, flags, `BODY[]<0>`), a string (quoted or
/// literal) or a parenthesised list.
indirect enum IMAPValue: Sendable, Hashable {
    case atom(String)
    case string([UInt8])
    case literal([UInt8], declaredSize: Int)
    case list([IMAPValue])

    var atom: String? {
        if case .atom(let text) = self { return text }
        return nil
    }
}

/// Reads values from the segments of a framed response. Bounded by the response itself:
/// nesting deeper than 64 lists is refused (an `ENVELOPE` or `BODYSTRUCTURE` needs a handful).
struct IMAPValueReader {
    private let segments: [IMAPFramedResponse.Segment]
    private var segment = 0
    private var offset = 0
    static let maximumDepth = 64

    init(_ response: IMAPFramedResponse) {
        segments = response.segments
    }

    /// The next space-separated word of text, or nil at a literal or the end.
    mutating func word() -> String? {
        skipSpaces()
        guard case .text(let bytes)? = current else { return nil }
        let begin = offset
        while offset < bytes.count, bytes[offset] != UInt8(ascii: " ") { offset += 1 }
        return begin == offset ? nil : String(decoding: bytes[begin..<offset], as: UTF8.self)
    }

    mutating func value(depth: Int = 0) throws(IMAPResponseFramer.Failure) -> IMAPValue {
        guard depth < Self.maximumDepth else { throw failure("lists nested deeper than \(Self.maximumDepth)") }
        skipSpaces()
        switch current {
        case nil:
            throw failure("the response ended where a value was expected")
        case .literal(let bytes, let declared):
            segment += 1
            offset = 0
            return .literal(bytes, declaredSize: declared)
        case .text(let bytes):
            guard offset < bytes.count else {
                // The text ended right before a literal.
                segment += 1
                offset = 0
                return try value(depth: depth)
            }
            switch bytes[offset] {
            case UInt8(ascii: "("):
                offset += 1
                var items: [IMAPValue] = []
                while true {
                    skipSpaces()
                    if case .text(let text)? = current, offset < text.count, text[offset] == UInt8(ascii: ")") {
                        offset += 1
                        return .list(items)
                    }
                    if current == nil { throw failure("a list is not closed") }
                    items.append(try value(depth: depth + 1))
                }
            case UInt8(ascii: ")"):
                throw failure("an unexpected \")\"")
            case UInt8(ascii: "\""):
                return .string(try quoted(bytes))
            default:
                return .atom(atom(bytes))
            }
        }
    }

    private var current: IMAPFramedResponse.Segment? {
        segment < segments.count ? segments[segment] : nil
    }

    /// Skips spaces, and moves past a text segment once it is used up (when a literal follows).
    private mutating func skipSpaces() {
        while case .text(let bytes)? = current {
            while offset < bytes.count, bytes[offset] == UInt8(ascii: " ") { offset += 1 }
            guard offset == bytes.count, segment + 1 < segments.count else { return }
            segment += 1
            offset = 0
        }
    }

    /// An atom; a `[` opens a section that runs to its `]` whatever it holds
    /// (`BODY[HEADER.FIELDS (FROM TO)]`), then an optional `<origin>`.
    private mutating func atom(_ bytes: [UInt8]) -> String {
        let begin = offset
        var brackets = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "[") { brackets += 1 }
            if byte == UInt8(ascii: "]") { brackets = max(0, brackets - 1) }
            if brackets == 0, byte == UInt8(ascii: " ") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "(") { break }
            offset += 1
        }
        return String(decoding: bytes[begin..<offset], as: UTF8.self)
    }

    private mutating func quoted(_ bytes: [UInt8]) throws(IMAPResponseFramer.Failure) -> [UInt8] {
        offset += 1
        var result: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): return result
            case UInt8(ascii: "\\"):
                guard offset < bytes.count else { throw failure("a quoted string ends with a backslash") }
                result.append(bytes[offset])
                offset += 1
            default: result.append(byte)
            }
        }
        throw failure("a quoted string is not closed")
    }

    private func failure(_ what: String) -> IMAPResponseFramer.Failure {
        IMAPResponseFramer.Failure(description: "malformed response: \(what)")
    }
}
