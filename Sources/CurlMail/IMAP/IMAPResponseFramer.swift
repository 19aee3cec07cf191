/// Cuts the bytes an IMAP server sends into whole responses, literals included
/// (RFC 3501 section 4.3: a line ending in `{n}` is followed by exactly n bytes, then the
/// rest of the response). Pure and incremental: bytes go in as they arrive, in chunks of any
/// size, split anywhere (inside a line, a marker, a CR LF or a literal), and whole responses
/// come out.
///
/// Everything is bounded: a text line longer than `maximumLineBytes` is a protocol error
/// (a server that never ends a line cannot make us grow without limit); a literal longer
/// than `maximumLiteralBytes` keeps its first bytes and the rest is read and thrown away, so
/// the stream stays in step and the caller learns it was cut (`declaredSize`); a response
/// keeps at most `maximumResponseBytes` in all.
public struct IMAPResponseFramer: Sendable {
    public struct Limits: Sendable, Hashable {
        public var maximumLineBytes: Int
        public var maximumLiteralBytes: Int
        public var maximumResponseBytes: Int

        /// Lines up to 8 MiB: a `* SEARCH` of a million UIDs fits. Literals up to 25 MiB.
        public init(maximumLineBytes: Int = 8 << 20, maximumLiteralBytes: Int = 25 << 20, maximumResponseBytes: Int? = nil) {
            self.maximumLineBytes = maximumLineBytes
            self.maximumLiteralBytes = maximumLiteralBytes
            self.maximumResponseBytes = maximumResponseBytes ?? (maximumLiteralBytes + 2 * maximumLineBytes)
        }
    }

    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public let description: String
    }

    public let limits: Limits
    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer`.
    private var start = 0
    /// How far `buffer` was already searched for a line feed, so a long line arriving in
    /// many small reads is scanned once.
    private var scanned = 0
    private var segments: [IMAPFramedResponse.Segment] = []
    private var keptBytes = 0
    private var literal: PendingLiteral?

    private struct PendingLiteral {
        var bytes: [UInt8]
        let declaredSize: Int
        var remaining: Int
    }

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Bytes received but not yet part of a returned response.
    public var pendingBytes: Int { buffer.count - start + keptBytes }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next whole response, or nil when more bytes are needed.
    public mutating func next() throws(Failure) -> IMAPFramedResponse? {
        while true {
            if literal != nil {
                guard readLiteral() else { return nil }
                continue
            }
            guard let lineFeed = findLineFeed() else {
                if buffer.count - start > limits.maximumLineBytes {
                    throw Failure(description: "the server sent a line longer than \(limits.maximumLineBytes) bytes")
                }
                return nil
            }
            var end = lineFeed
            if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            if end - start > limits.maximumLineBytes {
                throw Failure(description: "the server sent a line longer than \(limits.maximumLineBytes) bytes")
            }
            let marker = Self.literalMarker(in: buffer, from: start, to: end)
            let textEnd = marker?.markerStart ?? end
            try keep(textEnd - start)
            segments.append(.text(Array(buffer[start..<textEnd])))
            start = lineFeed + 1
            scanned = start
            if let marker {
                guard let size = marker.size else {
                    throw Failure(description: "the server announced a literal too large to be a number")
                }
                literal = PendingLiteral(bytes: [], declaredSize: size, remaining: size)
                literal?.bytes.reserveCapacity(min(size, limits.maximumLiteralBytes))
                continue
            }
            let response = IMAPFramedResponse(segments: segments)
            segments = []
            keptBytes = 0
            return response
        }
    }

    /// Consumes what is available of the pending literal; true once it is complete.
    private mutating func readLiteral() -> Bool {
        guard var pending = literal else { return true }
        let available = min(pending.remaining, buffer.count - start)
        let room = max(0, min(limits.maximumLiteralBytes - pending.bytes.count, limits.maximumResponseBytes - keptBytes))
        let kept = min(available, room)
        if kept > 0 { pending.bytes.append(contentsOf: buffer[start..<start + kept]) }
        keptBytes += kept
        start += available
        scanned = start
        pending.remaining -= available
        guard pending.remaining == 0 else {
            literal = pending
            return false
        }
        segments.append(.literal(bytes: pending.bytes, declaredSize: pending.declaredSize))
        literal = nil
        return true
    }

    private mutating func keep(_ count: Int) throws(Failure) {
        keptBytes += count
        if keptBytes > limits.maximumResponseBytes {
            throw Failure(description: "the server sent a response longer than \(limits.maximumResponseBytes) bytes")
        }
    }

    private mutating func findLineFeed() -> Int? {
        let from = max(scanned, start)
        let found = buffer.withUnsafeBufferPointer { pointer -> Int? in
            var index = from
            while index < pointer.count {
                if pointer[index] == UInt8(ascii: "\n") { return index }
                index += 1
            }
            return nil
        }
        scanned = found ?? buffer.count
        return found
    }

    /// Drops consumed bytes once they are a good share of the buffer, so it does not grow forever.
    private mutating func compact() {
        guard start > 0, start >= buffer.count / 2 || start > 1 << 20 else { return }
        buffer.removeSubrange(0..<start)
        scanned -= start
        start = 0
    }

    /// `{123}`, `{123+}` (LITERAL+) or `~{123}` (literal8) at the end of a line; `size` is
    /// nil when the digits overflow.
    static func literalMarker(in bytes: [UInt8], from lineStart: Int, to end: Int) -> (markerStart: Int, size: Int?)? {
        guard end - lineStart >= 3, bytes[end - 1] == UInt8(ascii: "}") else { return nil }
        var index = end - 2
        if bytes[index] == UInt8(ascii: "+") { index -= 1 }
        let digitsEnd = index + 1
        while index >= lineStart, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index -= 1 }
        let digitsStart = index + 1
        guard digitsStart < digitsEnd, index >= lineStart, bytes[index] == UInt8(ascii: "{") else { return nil }
        var markerStart = index
        if markerStart > lineStart, bytes[markerStart - 1] == UInt8(ascii: "~") { markerStart -= 1 }
        var size = 0
        for digit in bytes[digitsStart..<digitsEnd] {
            let (times, overflow1) = size.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            if overflow1 || overflow2 || digitsEnd - digitsStart > 18 { return (markerStart, nil) }
            size = sum
        }
        return (markerStart, size)
    }
}
