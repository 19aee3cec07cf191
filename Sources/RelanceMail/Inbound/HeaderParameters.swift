/// A structured header value such as `Content-Type: text/plain; charset="utf-8"`:
/// the lower-cased main value and its parameters (names lower-cased, values unquoted).
/// RFC 2231 continuations (`name*0=`, `name*=utf-8''…`) are joined and decoded, because
/// real mailers use them for file names and, sometimes, for boundaries.
public struct HeaderParameters: Sendable, Hashable {
    public let value: String
    public let parameters: [String: String]

    public init(_ raw: String) {
        var pieces = HeaderParameters.splitOutsideQuotes(raw)
        value = (pieces.isEmpty ? "" : pieces.removeFirst()).trimmedWhitespace.lowercased()
        var plain: [String: String] = [:]
        var continued: [String: [(Int, String, Bool)]] = [:]
        for piece in pieces {
            guard let equal = piece.firstIndex(of: "=") else { continue }
            var name = piece[..<equal].trimmedWhitespace.lowercased()
            var text = piece[piece.index(after: equal)...].trimmedWhitespace
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
                text = String(text.dropFirst().dropLast()).replacingBackslashEscapes()
            }
            let extended = name.hasSuffix("*")
            if extended { name.removeLast() }
            if let star = name.firstIndex(of: "*"), let index = Int(name[name.index(after: star)...]) {
                continued[String(name[..<star]), default: []].append((index, text, extended))
            } else if extended {
                plain[name] = HeaderParameters.decodeExtended(text, first: true)
            } else {
                plain[name] = text
            }
        }
        for (name, segments) in continued where plain[name] == nil {
            let ordered = segments.sorted { $0.0 < $1.0 }
            plain[name] = ordered.enumerated().map { offset, segment in
                segment.2 ? HeaderParameters.decodeExtended(segment.1, first: offset == 0) : segment.1
            }.joined()
        }
        parameters = plain
    }

    public subscript(name: String) -> String? { parameters[name.lowercased()] }

    /// RFC 2231 `charset'language'percent-encoded` (only the first segment names the charset).
    private static func decodeExtended(_ text: String, first: Bool) -> String {
        var charset = "utf-8"
        var encoded = Substring(text)
        if first {
            let parts = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3 {
                if !parts[0].isEmpty { charset = String(parts[0]) }
                encoded = parts[2]
            }
        }
        var bytes: [UInt8] = []
        var iterator = Array(encoded.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let high = hexValue(iterator[iterator.startIndex]), let low = hexValue(iterator[iterator.startIndex + 1]) {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return Charset.decode(bytes, charset: charset).text
    }

    private static func splitOutsideQuotes(_ raw: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in raw {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" && inQuotes { current.append(character); escaped = true; continue }
            if character == "\"" { inQuotes.toggle() }
            if character == ";" && !inQuotes {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current)
        return result
    }
}

func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    default: nil
    }
}

extension String {
    fileprivate func replacingBackslashEscapes() -> String {
        var result = ""
        var escaped = false
        for character in self {
            if escaped { result.append(character); escaped = false } else if character == "\\" { escaped = true } else { result.append(character) }
        }
        return result
    }
}
