/// RFC 2045 §6.7 quoted-printable for UTF-8 text bodies. Input line breaks of any kind
/// (LF, CR, CRLF) become CRLF hard breaks; encoded lines never exceed 76 characters, soft
/// breaks (`=` CRLF) never split an `=XX` triplet. A line starting with `.` or `From ` has
/// that first character encoded, so neither SMTP dot handling nor an mbox writer alters it.
enum QuotedPrintableEncoder {
    static let maxLineLength = 76

    static func append(text: String, to output: inout [UInt8]) {
        let bytes = Array(text.utf8)
        var lineStart = 0
        var index = 0
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == 10 || bytes[index] == 13 {
                appendLine(bytes[lineStart..<index], to: &output)
                if index == bytes.count { break }
                if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                output.append(13)
                output.append(10)
                lineStart = index + 1
            }
            index += 1
        }
        // A body ends with a line break, so the closing boundary starts a line of its own.
        if bytes.last != 10, bytes.last != 13 {
            output.append(13)
            output.append(10)
        }
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    private static func appendLine(_ line: ArraySlice<UInt8>, to output: inout [UInt8]) {
        var column = 0
        let startsWithFrom = line.starts(with: Array("From ".utf8))
        var position = line.startIndex
        while position < line.endIndex {
            let byte = line[position]
            let isLast = position == line.index(before: line.endIndex)
            let isFirst = position == line.startIndex
            let literal: Bool
            switch byte {
            case UInt8(ascii: "="): literal = false
            case 32, 9: literal = !isLast // trailing white space would be stripped in transit
            case 33...126: literal = !(isFirst && (byte == UInt8(ascii: ".") || startsWithFrom))
            default: literal = false
            }
            let width = literal ? 1 : 3
            // Room for the piece and, unless it ends the line, a soft-break `=` after it.
            let needed = isLast ? width : width + 1
            if column + needed > maxLineLength {
                output.append(UInt8(ascii: "="))
                output.append(13)
                output.append(10)
                column = 0
            }
            if literal {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "="))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 15)])
            }
            column += width
            position = line.index(after: position)
        }
    }
}
