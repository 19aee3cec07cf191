/// A parsed Internet message. Parsing never fails: a message that is truncated, malformed
/// or too big yields what could be read plus `defects`, so the classifier can still decide
/// (or say `other` with the reason) instead of a poll loop crashing on one bad message.
public struct MIMEMessage: Sendable {
    public static let defaultSizeLimit = 10 * 1024 * 1024

    public let root: MIMEPart
    /// What was wrong with the input, in plain words; empty for a clean message.
    public let defects: [String]
    /// True when the input was cut at the size limit or ended inside a part.
    public let isTruncated: Bool
    /// True when not even a header block could be read: nothing to classify.
    public let isUnreadable: Bool

    public var headers: MIMEHeaders { root.headers }

    /// Parses `bytes`; anything beyond `limit` bytes is ignored and recorded as a defect.
    public static func parse(_ bytes: [UInt8], limit: Int = defaultSizeLimit) -> MIMEMessage {
        var defects: [String] = []
        var truncated = false
        var input = bytes
        if input.count > limit {
            defects.append("message is \(input.count) bytes, over the \(limit)-byte limit; only the first \(limit) were read")
            input = Array(input.prefix(limit))
            truncated = true
        }
        input = normalizingLineEndings(input)
        var parser = MIMEParser()
        let root = parser.parsePart(input[...], depth: 0, defaultType: "text/plain")
        defects += parser.defects
        truncated = truncated || parser.sawTruncation
        let unreadable = root.headers.fields.isEmpty
        if unreadable { defects.append("no header fields could be read: not an Internet message") }
        return MIMEMessage(root: root, defects: defects, isTruncated: truncated, isUnreadable: unreadable)
    }
}

/// The recursive descent over LF-normalised bytes, collecting defects as it goes.
struct MIMEParser {
    static let maximumDepth = 24
    /// Parts in one message, every level together: a real message has a handful, a bounce a
    /// dozen; a body of a million empty parts would otherwise cost a part each.
    static let maximumParts = 1_000
    var defects: [String] = []
    var sawTruncation = false
    private var parts = 0

    mutating func parsePart(
        _ bytes: ArraySlice<UInt8>, depth: Int, defaultType: String, headersOnly: Bool = false, embedded: Bool = false
    ) -> MIMEPart {
        parts += 1
        let (headerBytes, bodyBytes) = splitHeaderAndBody(bytes)
        let headers = MIMEHeaders.parse(headerBytes, defects: &defects)
        let contentTypeHeader = HeaderParameters(headers["Content-Type"] ?? defaultType)
        var contentType = contentTypeHeader.value
        if !contentType.contains("/") { contentType = defaultType }
        if headersOnly {
            return MIMEPart(headers: headers, contentType: contentType, contentTypeParameters: contentTypeHeader.parameters, body: [], children: [])
        }
        if depth >= MIMEParser.maximumDepth {
            defects.append("parts nested deeper than \(MIMEParser.maximumDepth) levels were not opened")
            return MIMEPart(headers: headers, contentType: contentType, contentTypeParameters: contentTypeHeader.parameters, body: Array(bodyBytes), children: [])
        }
        if contentType.hasPrefix("multipart/"), let boundary = contentTypeHeader["boundary"], !boundary.isEmpty {
            let childDefault = contentType == "multipart/digest" ? "message/rfc822" : "text/plain"
            var bodies = splitMultipart(bodyBytes, boundary: boundary, embedded: embedded)
            if bodies.isEmpty, let found = guessBoundary(bodyBytes), found != boundary {
                // Some mailers rewrite the boundary in the body but not in the header.
                defects.append("boundary \"\(boundary)\" not found; used \"\(found)\" seen in the body")
                bodies = splitMultipart(bodyBytes, boundary: found, embedded: embedded)
            }
            let children = bodies.map { parsePart($0, depth: depth + 1, defaultType: childDefault, embedded: embedded) }
            return MIMEPart(headers: headers, contentType: contentType, contentTypeParameters: contentTypeHeader.parameters, body: [], children: children)
        }
        let encoding = headers["Content-Transfer-Encoding"] ?? "7bit"
        let body = TransferEncoding.decode(bodyBytes, encoding: encoding, defects: &defects)
        switch contentType {
        case "message/rfc822", "message/global":
            let inner = parsePart(body[...], depth: depth + 1, defaultType: "text/plain", embedded: true)
            return MIMEPart(headers: headers, contentType: contentType, contentTypeParameters: contentTypeHeader.parameters, body: body, children: [inner])
        case "text/rfc822-headers", "message/rfc822-headers", "message/global-headers":
            let inner = parsePart(body[...], depth: depth + 1, defaultType: "text/plain", headersOnly: true, embedded: true)
            return MIMEPart(headers: headers, contentType: contentType, contentTypeParameters: contentTypeHeader.parameters, body: body, children: [inner])
        default:
            var decoded: String?
            if contentType.hasPrefix("text/") || contentType.hasSuffix("delivery-status") || contentType == "message/feedback-report" {
                let result = Charset.decode(body, charset: contentTypeHeader["charset"])
                if let problem = result.problem { defects.append("\(contentType) part: \(problem)") }
                decoded = result.text
            }
            return MIMEPart(headers: headers, contentType: contentType, contentTypeParameters: contentTypeHeader.parameters,
                            body: body, children: [], decodedText: decoded)
        }
    }

    private func splitHeaderAndBody(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var index = bytes.startIndex
        // A part may start with its blank line directly (no headers at all).
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "\n") {
            return (bytes[index..<index], bytes[(index + 1)...])
        }
        while index < bytes.endIndex {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let next = newline + 1
            if next < bytes.endIndex, bytes[next] == UInt8(ascii: "\n") {
                return (bytes[bytes.startIndex..<newline], bytes[(next + 1)...])
            }
            index = next
        }
        return (bytes, bytes[bytes.endIndex...])
    }

    /// The first `--token` line of a multipart body whose header names another boundary.
    private func guessBoundary(_ body: ArraySlice<UInt8>) -> String? {
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            let line = body[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            // A boundary is at most 70 characters (RFC 2046).
            guard line.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]), line.count <= 80 else { continue }
            var token = String(decoding: line.dropFirst(2), as: UTF8.self).trimmedWhitespace
            if token.hasSuffix("--") { token.removeLast(2) }
            if !token.isEmpty, !token.contains(" ") { return token }
        }
        return nil
    }

    private mutating func splitMultipart(_ body: ArraySlice<UInt8>, boundary: String, embedded: Bool) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var currentStart: Int?
        var closed = false
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            // Tolerate white space before a delimiter: some mailers indent it by mistake.
            let line = body[lineStart..<lineEnd].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if line.starts(with: delimiter) {
                if self.parts + parts.count >= MIMEParser.maximumParts {
                    defects.append("more than \(MIMEParser.maximumParts) parts in the message: the rest was not opened")
                    currentStart = nil
                    closed = true
                    break
                }
                let rest = line.dropFirst(delimiter.count)
                let isClose = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                if isClose || rest.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    if let start = currentStart {
                        // The line break before a delimiter belongs to the delimiter.
                        parts.append(body[start..<max(start, lineStart - 1)])
                    }
                    if isClose { closed = true; currentStart = nil; break }
                    currentStart = min(lineEnd + 1, body.endIndex)
                }
            }
            lineStart = lineEnd + 1
        }
        if let start = currentStart, start < body.endIndex {
            parts.append(body[start...])
        }
        // Bounces routinely quote only the start of the original message: an unclosed
        // multipart inside an embedded message is normal, not a sign of a cut bounce.
        if !closed && !embedded {
            defects.append(parts.isEmpty ? "multipart body has no part with boundary \"\(boundary)\""
                : "multipart body ends without its closing boundary (truncated?)")
            sawTruncation = true
        }
        return parts
    }
}
