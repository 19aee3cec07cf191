/// Splits a FEC into lines and fields without copying: the format has no quoting, so a field
/// is whatever lies between separators. Lines end with LF, CRLF, CR or CR CR LF.
struct FECLineReader {
    let bytes: [UInt8]
    let separator: UInt8
    private(set) var index = 0
    /// Physical line number of the line last returned (1-based).
    private(set) var line = 0
    private var nextLine = 1

    init(bytes: [UInt8], separator: UInt8) {
        self.bytes = bytes
        self.separator = separator
    }

    /// Fills `fields` with the byte ranges of the next non-empty line's fields; false at the end.
    mutating func next(into fields: inout [Range<Int>]) -> Bool {
        while index < bytes.count {
            fields.removeAll(keepingCapacity: true)
            line = nextLine
            var start = index
            var end = index
            while end < bytes.count {
                let byte = bytes[end]
                if byte == separator { fields.append(start..<end); start = end + 1 }
                else if byte == 0x0A || byte == 0x0D { break }
                end += 1
            }
            fields.append(start..<end)
            // Consume the line break.
            index = end
            if index < bytes.count {
                if bytes[index] == 0x0D, index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A {
                    index += 3
                } else if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    index += 2
                } else {
                    index += 1
                }
            }
            nextLine += 1
            if fields.count == 1 && fields[0].isEmpty { continue }
            return true
        }
        return false
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: slice(range), as: UTF8.self)
    }

    /// The field's bytes without the spaces that padded exports put around values.
    func slice(_ range: Range<Int>) -> ArraySlice<UInt8> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
        return bytes[lower..<upper]
    }

    /// 1-based character column where `range` starts on the current line.
    func column(of range: Range<Int>, lineStart: Int) -> Int {
        var column = 1
        for byte in bytes[lineStart..<range.lowerBound] where byte & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
