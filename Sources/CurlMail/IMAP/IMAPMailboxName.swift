/// Turns a mailbox name (as a user sees it: "INBOX", "Envoyés", "Archives/2026") into the two
/// forms IMAP over libcurl needs: a percent-encoded URL path segment, and a quoted string for
/// commands we write ourselves. Non-ASCII names use IMAP's modified UTF-7 (RFC 3501 5.1.3).
public enum IMAPMailboxName {
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case empty
        case controlCharacter

        public var description: String {
            switch self {
            case .empty: "the mailbox name is empty"
            case .controlCharacter: "the mailbox name contains a line break or another control character"
            }
        }
    }

    public static func problem(in name: String) -> Problem? {
        if name.isEmpty { return .empty }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return .controlCharacter }
        return nil
    }

    /// RFC 3501 modified UTF-7: printable ASCII as is (`&` as `&-`), other runs as `&` +
    /// base64 of UTF-16BE with `,` for `/` and no padding + `-`.
    public static func modifiedUTF7(_ name: String) -> String {
        var result = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var bytes: [UInt8] = []
            for unit in pending { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            result += "&" + base64(bytes) + "-"
            pending = []
        }
        for scalar in name.unicodeScalars {
            if (0x20...0x7E).contains(scalar.value) {
                flush()
                result += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending += Array(String(scalar).utf16)
            }
        }
        flush()
        return result
    }

    /// The path segment libcurl expects in `imap://host/<segment>`: every byte outside the
    /// RFC 3986 unreserved set percent-encoded, so `;`, `/`, `?`, `%` and spaces keep their
    /// meaning as part of the name.
    public static func urlSegment(_ name: String) -> String {
        var result = ""
        for byte in modifiedUTF7(name).utf8 {
            if isUnreserved(byte) {
                result.append(Character(Unicode.Scalar(byte)))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// A quoted string for a command we write (`EXAMINE "…"`, `STATUS "…"`).
    public static func quoted(_ name: String) -> String {
        var result = "\""
        for character in modifiedUTF7(name) {
            if character == "\\" || character == "\"" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,")

    private static func base64(_ bytes: [UInt8]) -> String {
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            let characters = chunk.count + 1
            for position in 0..<characters {
                output.append(alphabet[Int((value >> (18 - 6 * UInt32(position))) & 0x3F)])
            }
            index += 3
        }
        return output
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
