/// RFC 2045 §6.7 quoted-printable for UTF-8 text bodies. Input line breaks of any kind
/// (LF, CR, CRLF) become CRLF hard breaks; encoded lines never exceed 76 characters, soft
/// breaks (`=` CRLF) never split an `=XX` triplet. A line starting with `.` or `From ` has
/// that first character encoded, so neither SMTP dot handling nor an mbox writer alters it.
enum QuotedPrintableEncoder {
    static let maxLineLength = 76

    /// Encodes through raw buffers: the text's own UTF-8 in, a small buffer on the stack out,
    /// appended to the message whenever it fills. Appending byte by byte to the message cost
    /// about a quarter of composing a reminder, and a heap buffer sized for the worst case (four
    /// bytes a byte) was an allocation of a dozen kilobytes per part (issue #17).
    static func append(text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Writer.bufferSize) { buffer in
                var writer = Writer(buffer: buffer)
                swap(&writer.output, &output)
                var lineStart = 0
                var index = 0
                while index <= bytes.count {
                    if index == bytes.count || bytes[index] == 10 || bytes[index] == 13 {
                        encodeLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), into: &writer)
                        if index == bytes.count { break }
                        if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                        writer.reserve(2)
                        writer.put(13)
                        writer.put(10)
                        lineStart = index + 1
                    }
                    index += 1
                }
                // A body ends with a line break, so the closing boundary starts a line of its own.
                if bytes.last != 10, bytes.last != 13 {
                    writer.reserve(2)
                    writer.put(13)
                    writer.put(10)
                }
                writer.flush()
                swap(&writer.output, &output)
            }
        }
    }

    /// Writes into a small buffer, appended to `output` when a piece would not fit: each piece
    /// reserves its room first (at most a soft break and a triplet, or a run of one line).
    private struct Writer {
        static var bufferSize: Int { 1024 }
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        var output: [UInt8] = []

        init(buffer: UnsafeMutableBufferPointer<UInt8>) {
            self.buffer = buffer
        }

        mutating func reserve(_ needed: Int) {
            if count + needed > buffer.count { flush() }
        }

        mutating func flush() {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
            count = 0
        }

        mutating func put(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }

        mutating func put(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
            guard let target = buffer.baseAddress, let source = bytes.base.baseAddress else { return }
            (target + count).update(from: source + bytes.startIndex, count: bytes.count)
            count += bytes.count
        }
    }

    /// A byte written as it is anywhere but first or last on its line: printable ASCII but `=`,
    /// the space and the tab.
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte == 9 || (byte >= 32 && byte <= 126 && byte != UInt8(ascii: "="))
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func encodeLine(_ line: UnsafeBufferPointer<UInt8>, into writer: inout Writer) {
        var column = 0
        let count = line.count
        let startsWithFrom = count >= 5 && line[0] == UInt8(ascii: "F") && line[1] == UInt8(ascii: "r") && line[2] == UInt8(ascii: "o")
            && line[3] == UInt8(ascii: "m") && line[4] == UInt8(ascii: " ")
        var index = 0
        while index < count {
            // A run of plain bytes, neither first nor last, that fits before the line needs a soft
            // break (each needs room for itself and a `=`) is copied at once: most of a reminder.
            if index > 0 {
                let end = min(count - 1, index + (maxLineLength - 1 - column))
                var runEnd = index
                while runEnd < end, isPlain(line[runEnd]) { runEnd += 1 }
                if runEnd > index {
                    writer.reserve(runEnd - index)
                    writer.put(line[index..<runEnd])
                    column += runEnd - index
                    index = runEnd
                    continue
                }
            }
            let byte = line[index]
            let isLast = index == count - 1
            let literal: Bool
            switch byte {
            case UInt8(ascii: "="): literal = false
            case 32, 9: literal = !isLast // trailing white space would be stripped in transit
            case 33...126: literal = !(index == 0 && (byte == UInt8(ascii: ".") || startsWithFrom))
            default: literal = false
            }
            let width = literal ? 1 : 3
            // Room for the piece and, unless it ends the line, a soft-break `=` after it.
            let needed = isLast ? width : width + 1
            writer.reserve(6)
            if column + needed > maxLineLength {
                writer.put(UInt8(ascii: "="))
                writer.put(13)
                writer.put(10)
                column = 0
            }
            if literal {
                writer.put(byte)
            } else {
                writer.put(UInt8(ascii: "="))
                writer.put(hex[Int(byte >> 4)])
                writer.put(hex[Int(byte & 15)])
            }
            column += width
            index += 1
        }
    }
}
