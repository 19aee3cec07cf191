/// Assembles SMTP reply lines (RFC 5321 section 4.2) into `SMTPReply` values.
///
/// Lines are `ddd-text` while more follow and `ddd text` (or just `ddd`) on the last line.
/// The enhanced status code is recognised at the start of the text when its class matches
/// the reply's first digit, as RFC 2034 requires; it is removed from every line's text.
/// Lines that are not replies reset any partial reply and are ignored: the parser reads
/// transcripts, where a malformed line must not hide the replies after it.
public struct SMTPReplyParser: Sendable {
    private var pendingCode: Int?
    private var pendingLines: [String] = []
    private var pendingEnhanced: EnhancedStatusCode?

    public init() {}

    /// Feeds one line (without CR LF). Returns the reply that this line completes, if any.
    public mutating func consume(_ line: some StringProtocol) -> SMTPReply? {
        guard let (code, isLast, rest) = Self.split(line) else {
            reset()
            return nil
        }
        if let pendingCode, pendingCode != code { reset() }
        let (enhanced, text) = Self.extractEnhancedStatus(rest, code: code)
        if pendingLines.isEmpty { pendingEnhanced = enhanced }
        pendingCode = code
        pendingLines.append(text)
        guard isLast else { return nil }
        let reply = SMTPReply(code: code, enhancedStatus: pendingEnhanced, lines: pendingLines)
        reset()
        return reply
    }

    /// Parses text holding complete replies, lines separated by CR LF or LF.
    public static func parse(_ text: String) -> [SMTPReply] {
        var parser = SMTPReplyParser()
        return text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .compactMap { parser.consume($0.hasSuffix("\r") ? $0.dropLast() : $0) }
    }

    private mutating func reset() {
        pendingCode = nil
        pendingLines = []
        pendingEnhanced = nil
    }

    /// `("250", last?, text)` for a well-formed reply line.
    ///
    /// An ASCII line (every reply a server sends in practice) is read by its bytes: this runs for
    /// every reply of every message sent (issue #17). Without a line feed, an ASCII line has one
    /// `Character` per byte, so both readings agree; any other line is read by `Character`s.
    private static func split(_ line: some StringProtocol) -> (Int, Bool, Substring)? {
        let line = Substring(line)
        let utf8 = line.utf8
        guard utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\n") }) else { return splitCharacters(line) }
        var code = 0
        var index = utf8.startIndex
        for _ in 0..<3 {
            guard index != utf8.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[index]) else { return nil }
            code = code * 10 + Int(utf8[index] - UInt8(ascii: "0"))
            index = utf8.index(after: index)
        }
        guard (200...599).contains(code) else { return nil }
        guard index != utf8.endIndex else { return (code, true, "") }
        let rest = Substring(utf8[utf8.index(after: index)...])
        switch utf8[index] {
        case UInt8(ascii: "-"): return (code, false, rest)
        case UInt8(ascii: " "): return (code, true, rest)
        default: return nil
        }
    }

    /// `split` for a line with bytes outside ASCII (or a line feed), by `Character`s.
    private static func splitCharacters(_ line: some StringProtocol) -> (Int, Bool, Substring)? {
        let line = Substring(line)
        let digits = line.prefix(3)
        guard digits.utf8.count == 3,
              digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let code = Int(digits), (200...599).contains(code)
        else { return nil }
        let afterCode = line.dropFirst(3)
        guard let separator = afterCode.first else { return (code, true, "") }
        switch separator {
        case "-": return (code, false, afterCode.dropFirst())
        case " ": return (code, true, afterCode.dropFirst())
        default: return nil
        }
    }

    private static func extractEnhancedStatus(_ text: Substring, code: Int) -> (EnhancedStatusCode?, String) {
        // ASCII: the token ends at the first space byte (see `split`), found without `Character`s.
        let utf8 = text.utf8
        let token = utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\n") })
            ? Substring(utf8[..<(utf8.firstIndex(of: UInt8(ascii: " ")) ?? utf8.endIndex)])
            : text.prefix(while: { $0 != " " })
        guard let enhanced = EnhancedStatusCode(token), enhanced.statusClass == code / 100 else {
            return (nil, String(text))
        }
        return (enhanced, String(text.dropFirst(token.count).drop(while: { $0 == " " })))
    }
}
