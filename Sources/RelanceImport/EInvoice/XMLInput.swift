import RelanceCore

/// Makes XML bytes safe to hand to `XMLParser`: always UTF-8, with a matching declaration.
///
/// Foundation's parser on Linux traps (a crash, not an error) on some invalid UTF-8, for
/// instance in a processing instruction, so a damaged or hostile file could bring the daemon
/// down. Text that is not valid UTF-8 is therefore transcoded first (UTF-16 by its BOM, else
/// Windows-1252 / ISO 8859-15 as for CSV files) and its `encoding="…"` declaration rewritten.
enum XMLInput {
    static func utf8(_ bytes: [UInt8], file: String) throws(ImportError) -> [UInt8] {
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !isUTF16, String(validating: bytes, as: UTF8.self) != nil { return bytes }
        let decoded = try TextEncodingDetector.decode(bytes, file: file).utf8
        return declaringUTF8(decoded)
    }

    /// Replaces the value of `encoding` in a leading `<?xml … ?>` declaration by `UTF-8`.
    static func declaringUTF8(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.starts(with: Array("<?xml".utf8)),
              let close = bytes.firstRange(of: Array("?>".utf8)),
              let key = bytes[..<close.lowerBound].firstRange(of: Array("encoding".utf8))
        else { return bytes }
        var index = key.upperBound
        while index < close.lowerBound, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") { index += 1 }
        guard index < close.lowerBound else { return bytes }
        let quote = bytes[index]
        guard let end = bytes[(index + 1)..<close.lowerBound].firstIndex(of: quote) else { return bytes }
        return Array(bytes[...index]) + Array("UTF-8".utf8) + Array(bytes[end...])
    }

    /// True when the prolog (before the first element) holds `<!DOCTYPE`. Only the prolog is
    /// looked at: the scan stops at the first element, so its cost is the prolog's length.
    static func declaresDoctype(_ bytes: [UInt8]) -> Bool {
        let doctype = Array("<!DOCTYPE".utf8), comment = Array("<!--".utf8)
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            let rest = bytes[open...]
            if rest.starts(with: doctype) { return true }
            if rest.starts(with: comment) {
                guard let end = rest.dropFirst(4).firstRange(of: Array("-->".utf8)) else { return false }
                index = end.upperBound
            } else if open + 1 < bytes.count, bytes[open + 1] == UInt8(ascii: "?") || bytes[open + 1] == UInt8(ascii: "!") {
                guard let end = rest.firstIndex(of: UInt8(ascii: ">")) else { return false }
                index = end + 1
            } else {
                return false
            }
        }
        return false
    }
}
