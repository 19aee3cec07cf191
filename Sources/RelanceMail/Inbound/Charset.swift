import Foundation

/// Turns bytes in a declared charset into text. The charsets French and European mail really
/// uses are decoded here without depending on the platform's converters (Linux Foundation
/// lacks some); others go through `String.Encoding`; an unknown or wrong charset falls back
/// to a lossy decoding and says so, because a readable excerpt beats no text at all.
enum Charset {
    struct Decoded {
        let text: String
        /// Why the text may be wrong (unknown charset, bytes invalid in it), or nil.
        let problem: String?
    }

    static func decode(_ bytes: [UInt8], charset rawName: String?) -> Decoded {
        let name = (rawName ?? "us-ascii").lowercased().trimmedWhitespace
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "":
            return utf8OrLatin1(bytes, label: "utf-8")
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us":
            // Mislabelled 8-bit text is common: UTF-8 first, then Latin-1.
            return bytes.allSatisfy({ $0 < 0x80 }) ? Decoded(text: String(decoding: bytes, as: UTF8.self), problem: nil)
                : utf8OrLatin1(bytes, label: name)
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "cp819":
            return Decoded(text: latin1(bytes), problem: nil)
        case "iso-8859-15", "iso8859-15", "latin9", "latin-9", "iso_8859-15":
            return Decoded(text: String(String.UnicodeScalarView(bytes.map { latin9Scalar($0) })), problem: nil)
        case "windows-1252", "cp1252", "x-cp1252", "win-1252":
            return Decoded(text: String(String.UnicodeScalarView(bytes.map { windows1252Scalar($0) })), problem: nil)
        default:
            if let encoding = foundationEncoding(name), let text = String(bytes: bytes, encoding: encoding) {
                return Decoded(text: text, problem: nil)
            }
            let fallback = utf8OrLatin1(bytes, label: name)
            return Decoded(text: fallback.text, problem: "charset \(name) is not supported; decoded lossily")
        }
    }

    /// Raw 8-bit header bytes (not RFC 2047) are UTF-8 in modern mail and Latin-1 in old mail.
    static func headerString(_ bytes: [UInt8]) -> String { utf8OrLatin1(bytes, label: "header").text }

    private static func utf8OrLatin1(_ bytes: [UInt8], label: String) -> Decoded {
        if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text, problem: nil) }
        return Decoded(text: latin1(bytes), problem: "bytes are not valid \(label); read as ISO-8859-1")
    }

    private static func latin1(_ bytes: [UInt8]) -> String {
        String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    private static func latin9Scalar(_ byte: UInt8) -> Unicode.Scalar {
        let value: UInt32 = switch byte {
        case 0xA4: 0x20AC
        case 0xA6: 0x0160
        case 0xA8: 0x0161
        case 0xB4: 0x017D
        case 0xB8: 0x017E
        case 0xBC: 0x0152
        case 0xBD: 0x0153
        case 0xBE: 0x0178
        default: UInt32(byte)
        }
        return Unicode.Scalar(value)!
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        (0x80...0x9F).contains(byte) ? Unicode.Scalar(windows1252High[Int(byte) - 0x80])! : Unicode.Scalar(byte)
    }

    private static func foundationEncoding(_ name: String) -> String.Encoding? {
        switch name {
        case "iso-8859-2", "iso8859-2", "latin2": .isoLatin2
        case "windows-1250", "cp1250": .windowsCP1250
        case "windows-1251", "cp1251": .windowsCP1251
        case "windows-1253", "cp1253": .windowsCP1253
        case "windows-1254", "cp1254": .windowsCP1254
        case "utf-16": .utf16
        case "utf-16le": .utf16LittleEndian
        case "utf-16be": .utf16BigEndian
        case "utf-32": .utf32
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "cp932", "windows-31j": .shiftJIS
        case "euc-jp": .japaneseEUC
        case "iso-2022-jp": .iso2022JP
        case "macintosh", "mac", "x-mac-roman": .macOSRoman
        default: nil
        }
    }
}
