/// The one escaping function for text a person reads on a terminal, in a log or in the
/// journal: imported names and mail subjects are untrusted, and a raw line break in one would
/// forge a line of its own (a fake "sent" in `relance status`, a fake log record). Control
/// characters become visible escapes (`\n`, `\r`, `\t`, `\u{1B}`…); everything else is kept.
public enum PrintableText {
    /// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidi
    /// overrides and isolates (which reorder what a terminal shows).
    public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `text` holds anything `escape` would change.
    public static func needsEscaping(_ text: some StringProtocol) -> Bool {
        // Printable ASCII is the common case: one pass over the bytes.
        // Over the contiguous bytes when there are (a native string): the generic view's
        // iterator cost a few percent of a large import, which escapes every journal line.
        let printableASCII = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 &- 0x20 < 0x5F }
        } ?? text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
        if printableASCII { return false }
        return text.unicodeScalars.contains(where: isEscaped)
    }

    public static func escape(_ text: some StringProtocol) -> String {
        guard needsEscaping(text) else { return String(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isEscaped(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return out
    }
}

extension StringProtocol {
    /// This text with its control characters shown as escapes (see `PrintableText`).
    public var printable: String { PrintableText.escape(self) }
}
