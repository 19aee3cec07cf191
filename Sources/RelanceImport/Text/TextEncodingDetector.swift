import RelanceCore

/// The text encodings French accounting exports actually arrive in.
enum TextEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "Windows-1252"
    case iso8859_15 = "ISO-8859-15"
}

/// Text decoded to UTF-8 bytes, plus the encoding it was found in (for the import report).
struct DecodedText: Sendable {
    var utf8: [UInt8]
    var encoding: TextEncoding
}

/// Decides the encoding of an export and transcodes it to UTF-8.
///
/// Valid UTF-8 is taken as UTF-8 (a Latin-1 file with accents is almost never valid UTF-8).
/// Otherwise the file is single-byte: Windows-1252 and ISO 8859-15 differ where it matters,
/// 0x80–0x9F are printable in 1252 (€ at 0x80, ’ at 0x92, œ at 0x9C) but C1 controls in
/// 8859-15, which no spreadsheet writes, so any byte there means 1252; else 8859-15, whose
/// 0xA4 is the € sign that Latin-9 exporters (Sage, EBP on Unix) put there.
enum TextEncodingDetector {
    static func decode(_ bytes: [UInt8], file: String) throws(ImportError) -> DecodedText {
        if bytes.starts(with: [0xFF, 0xFE]) { return decodeUTF16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return decodeUTF16(bytes.dropFirst(2), bigEndian: true) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if isValidUTF8(body) {
            return DecodedText(utf8: body, encoding: .utf8)
        }
        let isWindows = body.contains { (0x80...0x9F).contains($0) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + body.count / 8)
        for byte in body {
            if byte < 0x80 { out.append(byte); continue }
            let scalar = isWindows ? windows1252Scalar(byte) : iso8859_15Scalar(byte)
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        return DecodedText(utf8: out, encoding: isWindows ? .windows1252 : .iso8859_15)
    }

    /// Whether the bytes are UTF-8, checked by the standard library's validator one chunk at a
    /// time: `String(validating:)` over the whole file would build a copy of it (125 MB for a
    /// million-line ledger) only to throw it away, and that copy set the import's peak memory.
    /// No chunk splits a character; a stray continuation byte starts or ends inside some
    /// chunk, which then fails.
    static func isValidUTF8(_ bytes: [UInt8], chunkSize: Int = 64 * 1024) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0, chunkSize: chunkSize) }
    }

    static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>, chunkSize: Int = 64 * 1024) -> Bool {
        var start = 0
        while start < buffer.count {
            var end = min(start + max(chunkSize, 1), buffer.count)
            // A character cut by the chunk's end is finished in this chunk: at most three
            // continuation bytes follow a lead byte, and a fourth is invalid in any case.
            var extra = 0
            while end < buffer.count, extra < 3, buffer[end] & 0xC0 == 0x80 { end += 1; extra += 1 }
            let chunk = UnsafeBufferPointer(rebasing: buffer[start..<end])
            // ASCII needs no decoding: most of a ledger is digits, codes and separators.
            if !isASCII(chunk), String(validating: chunk, as: UTF8.self) == nil { return false }
            start = end
        }
        return true
    }

    private static func isASCII(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var high: UInt64 = 0
        let raw = UnsafeRawBufferPointer(chunk)
        while index + 8 <= raw.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count { high |= UInt64(raw[index]); index += 1 }
        return high & 0x8080_8080_8080_8080 == 0
    }

    private static func decodeUTF16(_ body: ArraySlice<UInt8>, bigEndian: Bool) -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index + 1 < body.endIndex {
            let a = UInt16(body[index]), b = UInt16(body[index + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            index += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        return DecodedText(utf8: Array(text.utf8), encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian)
    }

    /// Windows-1252 0x80–0x9F; the five unassigned bytes keep their C1 code points, as Windows does.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if (0x80...0x9F).contains(byte) { return Unicode.Scalar(windows1252High[Int(byte) - 0x80])! }
        return Unicode.Scalar(byte)
    }

    /// ISO 8859-15 is Latin-1 except for eight positions (€, Š, š, Ž, ž, Œ, œ, Ÿ).
    static func iso8859_15Scalar(_ byte: UInt8) -> Unicode.Scalar {
        switch byte {
        case 0xA4: "\u{20AC}"
        case 0xA6: "\u{0160}"
        case 0xA8: "\u{0161}"
        case 0xB4: "\u{017D}"
        case 0xB8: "\u{017E}"
        case 0xBC: "\u{0152}"
        case 0xBD: "\u{0153}"
        case 0xBE: "\u{0178}"
        default: Unicode.Scalar(byte)
        }
    }
}
