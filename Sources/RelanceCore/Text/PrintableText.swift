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
        // Other text (a French journal line has `€` and narrow no-break spaces) is read as its
        // UTF-8 bytes too: every escaped scalar has a byte pattern of its own.
        text.utf8.withContiguousStorageIfAvailable(containsEscapedUTF8)
            ?? text.unicodeScalars.contains(where: isEscaped)
    }

    /// `isEscaped` over well-formed UTF-8: C0 controls and DEL are single bytes; C1 controls
    /// are `C2 80`…`C2 9F`; U+2028…U+202E are `E2 80 A8`…`E2 80 AE`; U+2066…U+2069 are
    /// `E2 81 A6`…`E2 81 A9`.
    static func containsEscapedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes at a time while they are all printable ASCII, nearly every byte of a
            // plan's 200,000 lines (benchmarks/plan.sh); a word that is not goes byte by byte.
            // Bounds: the load reads bytes index..<index + 8, all below count (checked), and a
            // non-empty buffer has a base address.
            if count - index >= 8,
               isPrintableASCII(UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte &- 0x20 < 0x5F { index += 1; continue }
            if byte < 0x20 || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < count, bytes[index + 1] & 0xE0 == 0x80 { return true }
            if byte == 0xE2, index + 2 < count {
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0x80 && (0xA8...0xAE).contains(third) { return true }
                if second == 0x81 && (0xA6...0xA9).contains(third) { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether the eight bytes of `word` are all printable ASCII (0x20…0x7E), in any byte
    /// order. For a byte below 0x80, adding 0x60 sets its high bit exactly when it is 0x20 or
    /// more, and adding 0x01 exactly when it is 0x7F; neither carries into the next byte.
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        return word & high == 0
            && (word &+ 0x6060_6060_6060_6060) & high == high
            && (word &+ 0x0101_0101_0101_0101) & high == 0
    }

    /// `escape` for a `String`, the common case: the generic version, called from another
    /// module, went through the protocol's witnesses for every line of a plan.
    public static func escape(_ text: String) -> String {
        var text = text
        let clean = text.withUTF8 { containsEscapedUTF8($0) == false }
        return clean ? text : escapeScalars(text)
    }

    public static func escape(_ text: some StringProtocol) -> String {
        guard needsEscaping(text) else { return String(text) }
        return escapeScalars(text)
    }

    private static func escapeScalars(_ text: some StringProtocol) -> String {
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

extension String {
    /// `printable` without the generic path (see `PrintableText.escape(_: String)`).
    public var printable: String { PrintableText.escape(self) }
}
