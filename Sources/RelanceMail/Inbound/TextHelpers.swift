extension StringProtocol {
    /// Trimmed of spaces, tabs, CR and LF, which surround values in headers and bodies.
    var trimmedWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

/// Line-ending normalisation: mail arrives with CRLF (the wire), LF (Unix mbox) or bare CR
/// (old Mac tools); everything downstream sees LF only.
func normalizingLineEndings(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(UInt8(ascii: "\r")) else { return bytes }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\r") {
            result.append(UInt8(ascii: "\n"))
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
        } else {
            result.append(byte)
        }
        index += 1
    }
    return result
}
