/// One whole server response, cut out of the byte stream by `IMAPResponseFramer`: its text
/// pieces and the literals between them, in order.
///
/// `* 3 FETCH (UID 9 BODY[] {5}\r\nhello)\r\n` is `[.text("* 3 FETCH (UID 9 BODY[] "),
/// .literal("hello"), .text(")")]`: the `{5}` marker and the line breaks are gone, so the
/// segments can be read as one value.
public struct IMAPFramedResponse: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        /// Protocol text, without CR LF and without the literal marker that ended it.
        case text([UInt8])
        /// A literal's bytes; `declaredSize` is what the server announced, larger than
        /// `bytes.count` when the literal was over the limit and its end was discarded.
        case literal(bytes: [UInt8], declaredSize: Int)
    }

    public var segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// Whether the response holds no literal (a plain line such as a tagged completion).
    public var isSingleLine: Bool {
        segments.count == 1
    }

    /// The text with each literal shown as its marker, never its bytes: what a transcript shows.
    public var summary: String {
        var result = ""
        for segment in segments {
            switch segment {
            case .text(let bytes): result += String(decoding: bytes, as: UTF8.self)
            case .literal(_, let declaredSize): result += "{\(declaredSize)}"
            }
        }
        return result
    }

    /// The first text segment: the tag, and for an untagged response its number and name.
    var head: [UInt8] {
        if case .text(let bytes) = segments.first { return bytes }
        return []
    }

    /// The tag of a response: `*`, `+`, or a command's tag such as `R12`.
    var tag: Substring {
        let text = String(decoding: head.prefix(64), as: UTF8.self)
        return Substring(text).prefix { $0 != " " }
    }
}
